import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckStore

#if canImport(Glibc)
import Glibc
#endif

/// Symbolic links planted in the data dir (issue 20): the store neither writes through them nor
/// reads or quotes what they point to.
@Suite struct PlantedLinkTests {
    let temp = TempDir()
    static let t0 = Instant(milliseconds: 1_795_341_600_000)
    static let secret = "root:x:0:0:SECRET-FIRST-LINE:/root:/bin/bash"

    /// A file outside the data dir, standing in for /etc/passwd, with a recognisable first line.
    func outsideFile() throws -> String {
        let path = temp.path + "/outside"
        try FileManager.default.createDirectory(atPath: temp.path, withIntermediateDirectories: true)
        try Data((Self.secret + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func plant(_ name: String, pointingTo target: String) throws {
        let link = temp.dir.path + "/" + name
        try FileManager.default.createDirectory(atPath: (link as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    }

    func outsideIsUntouched(_ path: String) -> Bool {
        (try? String(contentsOfFile: path, encoding: .utf8)) == Self.secret + "\n"
    }

    func review(_ n: UInt64) -> HistoryRecord {
        .review(
            ReviewEvent(
                id: EventID(high: 9, low: n), card: "http/404/code-to-meaning", at: Self.t0.adding(seconds: Int64(n)),
                rating: .good, deck: "http-all-en", mode: "flip"))
    }

    @Test func configSaveDoesNotWriteThroughALinkNamedLikeItsTemporaryFile() throws {
        let outside = try outsideFile()
        try plant("config.tmp-\(getpid())", pointingTo: outside)
        var config = StudyConfig()
        config.dayStartsAt = 7
        let store = ConfigStore(directory: temp.dir)
        try store.save(config)
        #expect(outsideIsUntouched(outside))
        #expect(try store.load().dayStartsAt == 7)
        #expect(Posix.isSymbolicLink(temp.dir.path + "/config.tmp-\(getpid())"), "what holds the name is left alone")
    }

    @Test func snapshotDoesNotWriteThroughALinkNamedLikeItsTemporaryFile() throws {
        let outside = try outsideFile()
        try plant("history.snapshot.tmp-\(getpid())", pointingTo: outside)
        let store = HistoryStore(directory: temp.dir, clock: { Self.t0 }, snapshotAfter: 1)
        try store.append(review(1))
        let loaded = try store.load()
        #expect(loaded.wroteSnapshot)
        #expect(outsideIsUntouched(outside))
        #expect(try store.load().readFromSnapshot)
    }

    @Test func generatedDeckDoesNotWriteThroughALinkNamedLikeItsTemporaryFile() throws {
        let outside = try outsideFile()
        try plant(".x.deck.tmp-\(getpid())", pointingTo: outside)
        let target = temp.dir.path + "/x.deck"
        try DeckDirectory.writeAtomically("new", to: target)
        #expect(outsideIsUntouched(outside))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test func aTakenTemporaryNameGivesAnotherWithTheExactMode() throws {
        try FileManager.default.createDirectory(atPath: temp.dir.path, withIntermediateDirectories: true)
        let base = temp.dir.path + "/f"
        try plant("f.tmp-\(getpid())", pointingTo: temp.path + "/nowhere")
        guard case .success(let (fd, name)) = Posix.createTemporary(for: base, mode: 0o644) else {
            Issue.record("no temporary file")
            return
        }
        close(fd)
        #expect(name.hasPrefix(base + ".tmp-\(getpid())-"))
        #expect(temp.mode("/" + (name as NSString).lastPathComponent) == 0o644)
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/nowhere"), "the dangling link was not followed")
    }

    @Test func aDanglingHistoryLinkIsRefusedAndCreatesNothingOutside() throws {
        let target = temp.path + "/elsewhere.jsonl"
        try plant("history.jsonl", pointingTo: target)
        let store = HistoryStore(directory: temp.dir, clock: { Self.t0 })
        #expect(throws: StoreError.symbolicLink(temp.dir.historyPath)) { try store.append(review(1)) }
        #expect(throws: StoreError.symbolicLink(temp.dir.historyPath)) { try store.load() }
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(
            StoreError.symbolicLink(temp.dir.historyPath).description
                == temp.dir.historyPath + ": found a symbolic link; expected a regular file in the data dir")
        #expect(StoreError.symbolicLink(temp.dir.historyPath).exitCode == 2)
    }

    @Test func aHistoryOrConfigLinkToAnotherFileIsNotReadOrQuoted() throws {
        let outside = try outsideFile()
        try plant("history.jsonl", pointingTo: outside)
        try plant("config", pointingTo: outside)
        do {
            _ = try HistoryStore(directory: temp.dir, clock: { Self.t0 }).load()
            Issue.record("the linked history was read")
        } catch {
            #expect(error == .symbolicLink(temp.dir.historyPath))
            #expect(!error.description.contains("SECRET"))
        }
        #expect(throws: StoreError.symbolicLink(temp.dir.configPath)) { try ConfigStore(directory: temp.dir).load() }
    }

    @Test func aDeckLinkInTheDataDirIsRefusedButANamedOneIsFollowed() throws {
        let outside = try outsideFile()
        try plant("decks/evil.deck", pointingTo: outside)
        let link = temp.dir.path + "/decks/evil.deck"
        do {
            _ = try DeckDirectory.load(path: link, inDataDir: true)
            Issue.record("the linked deck was read")
        } catch {
            #expect(error.description == link + ": found a symbolic link; expected a regular .deck file in the data dir")
        }
        // A path the user names may be a link: it is followed, and its bad first line quoted.
        #expect(throws: DeckDirectory.LoadError.self) { try DeckDirectory.load(path: link) }
    }
}
