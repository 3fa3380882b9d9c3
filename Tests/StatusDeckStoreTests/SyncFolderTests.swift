import FSRS
import Foundation
import StatusDeckHistory
import Testing

@testable import StatusDeckStore

/// `HistoryStore.sync`: two machines (two data dirs) and one shared folder, and each thing a
/// sync tool can do to that folder. Nothing is lost, nothing crashes, no other machine's file
/// is written.
@Suite struct SyncFolderTests {
    /// Two data dirs and the folder between them, removed at the end.
    final class World {
        let root: String
        let folder: String
        let a: HistoryStore
        let b: HistoryStore
        let deviceA = DeviceID(random: 0xa)
        let deviceB = DeviceID(random: 0xb)

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("statusdeck-sync-\(UUID().uuidString)").path
            folder = root + "/Sync"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            a = HistoryStore(directory: DataDirectory(path: root + "/a"), clock: { Instant(milliseconds: 0) })
            b = HistoryStore(directory: DataDirectory(path: root + "/b"), clock: { Instant(milliseconds: 0) })
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        var fileA: String { folder + "/" + deviceA.text + ".jsonl" }
        var fileB: String { folder + "/" + deviceB.text + ".jsonl" }

        @discardableResult func syncA() throws -> HistoryStore.SyncSummary { try a.sync(folder: folder, device: deviceA) }
        @discardableResult func syncB() throws -> HistoryStore.SyncSummary { try b.sync(folder: folder, device: deviceB) }

        func ids(_ store: HistoryStore) throws -> Set<EventID> { Set(try store.load().history.reviews.map(\.id)) }
    }

    static func event(_ n: UInt64) -> ReviewEvent {
        ReviewEvent(
            id: EventID(high: 0x5c, low: n), card: "en/c/\(n % 7)", at: Instant(milliseconds: 1_700_000_000_000 + Int64(n) * 1000),
            rating: .good, deck: "en", mode: "flip")
    }

    static func answer(_ store: HistoryStore, _ numbers: ClosedRange<UInt64>) throws {
        for n in numbers { try store.append(.review(event(n))) }
    }

    static func ids(_ numbers: ClosedRange<UInt64>) -> Set<EventID> { Set(numbers.map { event($0).id }) }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    static func line(_ n: UInt64) -> Data { Data(HistoryLineEncoder.encode(.review(event(n)))) }

    @Test func twoMachinesEndWithTheUnionAndSyncAgainChangesNothing() throws {
        let w = try World()
        try Self.answer(w.a, 1...3)
        try Self.answer(w.b, 4...5)
        let first = try w.syncA()
        #expect(first.deviceFiles == 0 && first.merged == 0 && first.appended == 3)
        let second = try w.syncB()
        #expect(second.deviceFiles == 1 && second.merged == 3 && second.appended == 2)
        #expect(try w.syncA().merged == 2)
        #expect(try w.ids(w.a) == Self.ids(1...5))
        #expect(try w.ids(w.b) == Self.ids(1...5))
        // Each answer once in each history, and each machine's file holds only what the folder lacked.
        #expect(try w.a.load().history.reviews.count == 5)
        #expect(try w.b.load().history.reviews.count == 5)
        #expect(try String(contentsOfFile: w.fileB, encoding: .utf8).split(separator: "\n").count == 2)
        let again = try w.syncA()
        #expect(again.merged == 0 && again.appended == 0 && again.warnings.isEmpty)
        #expect(try w.syncB().merged == 0)
    }

    @Test func tornTailOfAnotherFileIsReadForItsCompleteLinesAndNeverWritten() throws {
        let w = try World()
        try Self.answer(w.a, 1...2)
        try w.syncA()
        // A copy stopped mid-line: the next event's first half.
        var data = try Self.bytes(w.fileA)
        data += Self.line(3).prefix(30)
        try data.write(to: URL(fileURLWithPath: w.fileA))
        let summary = try w.syncB()
        #expect(summary.merged == 2)
        #expect(summary.warnings.count == 1)
        #expect(summary.warnings.first?.hasPrefix(w.fileA + ": the last line has no newline") == true)
        #expect(try Self.bytes(w.fileA) == data)
        #expect(try w.ids(w.b) == Self.ids(1...2))
    }

    @Test func garbageLineIsSkippedWithItsLineNumberAndTheRestRead() throws {
        let w = try World()
        try Self.answer(w.a, 1...3)
        try w.syncA()
        let lines = try String(contentsOfFile: w.fileA, encoding: .utf8).split(separator: "\n").map(String.init)
        let damaged: String = lines[0] + "\n\u{0}\u{0}garbage\n" + lines[1] + "\n" + lines[2] + "\n"
        try damaged.write(toFile: w.fileA, atomically: false, encoding: .utf8)
        let summary = try w.syncB()
        #expect(summary.merged == 3)
        #expect(summary.warnings.count == 1)
        #expect(summary.warnings.first?.hasPrefix(w.fileA + ":2: ") == true)
        #expect(try String(contentsOfFile: w.fileA, encoding: .utf8) == damaged)
        // B's own file gets nothing of A's: the folder already has all of it.
        let ownB = FileManager.default.fileExists(atPath: w.fileB) ? try Self.bytes(w.fileB) : Data()
        #expect(ownB.isEmpty)
    }

    @Test func truncatedOwnFileIsMadeWholeAgainByItsMachine() throws {
        let w = try World()
        try Self.answer(w.a, 1...3)
        try w.syncA()
        let whole = try Self.bytes(w.fileA)
        try Self.line(1).write(to: URL(fileURLWithPath: w.fileA))
        let summary = try w.syncA()
        #expect(summary.appended == 2)
        #expect(try Self.bytes(w.fileA).count == whole.count)
        try w.syncB()
        #expect(try w.ids(w.b) == Self.ids(1...3))
    }

    @Test func olderCopyOfOwnFileGetsTheMissingEventsBack() throws {
        let w = try World()
        try Self.answer(w.a, 1...1)
        try w.syncA()
        let older = try Self.bytes(w.fileA)
        try Self.answer(w.a, 2...4)
        try w.syncA()
        try older.write(to: URL(fileURLWithPath: w.fileA))  // the tool put back yesterday's copy
        #expect(try w.syncA().appended == 3)
        try w.syncB()
        #expect(try w.ids(w.b) == Self.ids(1...4))
    }

    @Test func conflictCopiesAreReadForWhatOnlyTheyHold() throws {
        let w = try World()
        try Self.answer(w.a, 1...2)
        try w.syncA()
        // Syncthing's and Dropbox's conflict copies, each with an event no other file has (the
        // losing side of a write both machines made to one file).
        try (Self.bytes(w.fileA) + Self.line(10)).write(
            to: URL(fileURLWithPath: w.folder + "/\(w.deviceA.text).sync-conflict-20261204-101010-ABCDEF7.jsonl"))
        try Self.line(11).write(to: URL(fileURLWithPath: w.folder + "/\(w.deviceA.text) (conflicted copy).jsonl"))
        let summary = try w.syncB()
        #expect(summary.deviceFiles == 3)
        #expect(summary.merged == 4)
        #expect(try w.ids(w.b) == Self.ids(1...2).union([Self.event(10).id, Self.event(11).id]))
        // A's own conflict copy is read by A too.
        #expect(try w.syncA().merged == 2)
        #expect(try w.ids(w.a) == (try w.ids(w.b)))
    }

    @Test func anotherMachinesVanishedFileIsRestoredByWhoeverHasItsEvents() throws {
        let w = try World()
        try Self.answer(w.a, 1...2)
        try Self.answer(w.b, 3...4)
        try w.syncA()
        try w.syncB()
        try w.syncA()
        try FileManager.default.removeItem(atPath: w.fileB)
        // A holds B's events; the folder no longer does: A writes them to its own file.
        #expect(try w.syncA().appended == 2)
        let fresh = HistoryStore(directory: DataDirectory(path: w.root + "/c"), clock: { Instant(milliseconds: 0) })
        #expect(try fresh.sync(folder: w.folder, device: DeviceID(random: 0xc)).merged == 4)
        #expect(Set(try fresh.load().history.reviews.map(\.id)) == Self.ids(1...4))
    }

    @Test func ownFileVanishedIsWrittenAgainWhole() throws {
        let w = try World()
        try Self.answer(w.a, 1...3)
        try w.syncA()
        try FileManager.default.removeItem(atPath: w.fileA)
        #expect(try w.syncA().appended == 3)
        #expect(try w.syncB().merged == 3)
    }

    @Test func tornTailOfOwnFileIsCutBeforeTheAppend() throws {
        let w = try World()
        try Self.answer(w.a, 1...1)
        try w.syncA()
        try (Self.bytes(w.fileA) + Self.line(2).prefix(25)).write(to: URL(fileURLWithPath: w.fileA))
        try Self.answer(w.a, 2...2)
        let summary = try w.syncA()
        #expect(summary.appended == 1)
        #expect(try Self.bytes(w.fileA) == Self.line(1) + Self.line(2))
    }

    /// The history a sync hands over is the one a load right after it reads: same events in the
    /// same order, so the command that uses it schedules exactly as if it had loaded.
    static func expectSame(_ handed: History?, asLoaded store: HistoryStore) throws {
        let handed = try #require(handed)
        let loaded = try store.load().history
        #expect(Array(handed.reviews) == Array(loaded.reviews))
        #expect(handed.undos == loaded.undos && handed.marks == loaded.marks && handed.settings == loaded.settings)
        #expect(handed.effectiveReviews == loaded.effectiveReviews && handed.count == loaded.count)
    }

    @Test func syncThatReadTheHistoryHandsItOverAsALoadWouldReadIt() throws {
        let w = try World()
        try Self.answer(w.a, 1...4)
        try Self.answer(w.b, 5...9)
        try w.b.append(.undo(UndoEvent(id: EventID(high: 0x0d, low: 1), target: Self.event(9).id, at: Instant(milliseconds: 1_700_000_100_000))))
        try w.syncB()
        // A's first sync reads the whole folder (no sync state yet): the full path.
        let full = try w.a.syncAndLoad(folder: w.folder, device: w.deviceA)
        #expect(full.summary.merged == 6)
        try Self.expectSame(full.loaded?.history, asLoaded: w.a)
        // B answers more; A's next sync reads only what B's file gained: the incremental path.
        try Self.answer(w.b, 10...12)
        try w.syncB()
        let grown = try w.a.syncAndLoad(folder: w.folder, device: w.deviceA)
        #expect(grown.summary.merged == 3 && grown.summary.deviceFiles == 1)
        try Self.expectSame(grown.loaded?.history, asLoaded: w.a)
        // Nothing new anywhere: the sync reads no history, and says so by handing none over.
        let quiet = try w.a.syncAndLoad(folder: w.folder, device: w.deviceA)
        #expect(quiet.summary.merged == 0 && quiet.loaded == nil)
    }

    @Test func syncSetsAsideATornTailOfTheHistoryAsALoadDoes() throws {
        let w = try World()
        try Self.answer(w.a, 1...2)
        try Self.answer(w.b, 3...3)
        try w.syncB()
        let intact = try Self.bytes(w.a.path)
        try (intact + Self.line(4).prefix(30)).write(to: URL(fileURLWithPath: w.a.path))
        let synced = try w.a.syncAndLoad(folder: w.folder, device: w.deviceA)
        let aside = try #require(synced.loaded?.tornTailSavedAs)
        #expect(try Self.bytes(aside) == Self.line(4).prefix(30))
        #expect(try Self.bytes(w.a.path) == intact + Self.line(3))
        try Self.expectSame(synced.loaded?.history, asLoaded: w.a)
    }

    @Test func fullSyncOfALongUnsnapshottedHistoryWritesTheSnapshotALoadWould() throws {
        let w = try World()
        let a = HistoryStore(directory: w.a.directory, clock: { Instant(milliseconds: 0) }, snapshotAfter: 1_000)
        try Self.answer(a, 1...40)
        try Self.answer(w.b, 41...42)
        try w.syncB()
        let synced = try a.syncAndLoad(folder: w.folder, device: w.deviceA)
        #expect(synced.summary.merged == 2)
        #expect(synced.loaded?.wroteSnapshot == true)
        // The next load starts from it, and reads the same history the sync handed over.
        let next = try a.load()
        #expect(next.readFromSnapshot)
        try Self.expectSame(synced.loaded?.history, asLoaded: a)
    }

    @Test func missingFolderIsBadInputAndTouchesNothing() throws {
        let w = try World()
        try Self.answer(w.a, 1...1)
        let before = try Self.bytes(w.a.path)
        #expect {
            try w.a.sync(folder: w.root + "/nowhere", device: w.deviceA)
        } throws: { error in
            guard case StoreError.input(let e) = error else { return false }
            return e.path == w.root + "/nowhere" && e.found == "no such folder"
        }
        #expect(try Self.bytes(w.a.path) == before)
        #expect(!FileManager.default.fileExists(atPath: w.root + "/nowhere"))
    }

    @Test func sameIdWithOtherContentIsSkippedWithAWarning() throws {
        let w = try World()
        try Self.answer(w.a, 1...1)
        var other = Self.event(1)
        other.rating = .again
        try Data(HistoryLineEncoder.encode(.review(other))).write(to: URL(fileURLWithPath: w.fileB))
        let summary = try w.syncA()
        #expect(summary.merged == 0)
        #expect(summary.warnings.count == 1)
        #expect(summary.warnings.first?.hasPrefix(w.fileB + ": found 1 event whose id") == true)
        #expect(try w.a.load().history.reviews.map(\.rating) == [.good])
    }

    @Test func unchangedFolderIsNotReadAgainButNewAnswersStillLeave() throws {
        let w = try World()
        try Self.answer(w.b, 4...4)
        try w.syncB()
        try (Self.bytes(w.fileB) + Data("garbage\n".utf8)).write(to: URL(fileURLWithPath: w.fileB))
        #expect(try w.syncA().warnings.count == 1)
        // Nothing in the folder changed: no file is read, so the damage is not reported again.
        let quiet = try w.syncA()
        #expect(quiet.warnings.isEmpty && quiet.merged == 0 && quiet.appended == 0 && quiet.deviceFiles == 0 && quiet.unchanged == 1)
        try Self.answer(w.a, 5...6)
        let gained = try w.syncA()
        #expect(gained.appended == 2 && gained.warnings.isEmpty)
        #expect(try Self.bytes(w.fileA) == Self.line(5) + Self.line(6))
        // B's file grows: only what follows is read (the damage, already reported, is not again).
        try Self.answer(w.b, 7...7)
        try w.syncB()
        let changed = try w.syncA()
        #expect(changed.merged == 1 && changed.warnings.isEmpty && changed.deviceFiles == 1 && changed.unchanged == 0)
        #expect(try w.ids(w.a) == Self.ids(4...7))
    }

    @Test func longerFileWithOtherContentIsReadWholeNotFromWhereItWasLeft() throws {
        let w = try World()
        try Self.answer(w.b, 4...4)
        try w.syncB()
        #expect(try w.syncA().merged == 1)
        // Replaced by a longer file whose first bytes are other lines: reading on from the old
        // offset would start mid-line and miss event 8.
        try (Self.line(8) + Self.line(9)).write(to: URL(fileURLWithPath: w.fileB))
        let summary = try w.syncA()
        #expect(summary.merged == 2 && summary.warnings.isEmpty)
        #expect(try w.ids(w.a) == Self.ids(4...4).union([Self.event(8).id, Self.event(9).id]))
        // A lost event 4 from the folder: A writes it to its own file.
        #expect(try String(contentsOfFile: w.fileA, encoding: .utf8).contains(Self.event(4).id.description))
    }

    @Test func malformedOrStaleSyncStateOnlyCostsAFullSync() throws {
        let w = try World()
        try Self.answer(w.a, 1...2)
        try w.syncA()
        let state = w.root + "/a/sync.state"
        #expect(FileManager.default.fileExists(atPath: state))
        try "statusdeck-sync-state 1\nfolder elsewhere\n".write(toFile: state, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: w.fileA)
        #expect(try w.syncA().appended == 2)
        // A history replaced (as `history repair` does) is a new inode: everything is compared again.
        try Self.answer(w.a, 3...3)
        let copy = w.a.path + ".copy"
        try FileManager.default.copyItem(atPath: w.a.path, toPath: copy)
        try FileManager.default.removeItem(atPath: w.a.path)
        try FileManager.default.moveItem(atPath: copy, toPath: w.a.path)
        try FileManager.default.removeItem(atPath: w.fileA)
        try Data().write(to: URL(fileURLWithPath: w.fileA))
        #expect(try w.syncA().appended == 3)
    }

    @Test func deviceIDIsMadeOnceAndKept() throws {
        let w = try World()
        let dir = DataDirectory(path: w.root + "/a")
        var draws = 0
        let first = try DeviceID.load(dir) {
            draws += 1
            return 0x1234
        }
        let second = try DeviceID.load(dir) {
            draws += 1
            return 0x9999
        }
        #expect(first == second && first.text == "0000000000001234" && draws == 1)
        #expect(try String(contentsOfFile: dir.devicePath, encoding: .utf8) == "0000000000001234\n")
    }

    @Test func aFolderOrALinkNamedLikeADeviceFileIsSkippedWithOneWarningEach() throws {
        let w = try World()
        try Self.answer(w.b, 1...2)
        try w.syncB()
        // A tool (or a person) left a folder and a symbolic link with device-file names.
        try FileManager.default.createDirectory(atPath: w.folder + "/odd.jsonl", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: w.folder + "/link.jsonl", withDestinationPath: w.fileB)
        let summary = try w.syncA()
        #expect(summary.merged == 2 && summary.deviceFiles == 1)
        #expect(summary.warnings.count == 2)
        #expect(summary.warnings.contains { $0.hasPrefix(w.folder + "/link.jsonl: cannot read it (a symbolic link)") })
        #expect(summary.warnings.contains { $0.hasPrefix(w.folder + "/odd.jsonl") && $0.hasSuffix("; skipped") })
        #expect(try w.ids(w.a) == Self.ids(1...2))
    }

    @Test func malformedDeviceFileIsOneLineNamingIt() throws {
        let w = try World()
        let dir = DataDirectory(path: w.root + "/a")
        try dir.create()
        try "laptop\n".write(toFile: dir.devicePath, atomically: false, encoding: .utf8)
        #expect {
            try DeviceID.load(dir) { 1 }
        } throws: { error in
            guard case StoreError.input(let e) = error else { return false }
            return e.path == dir.devicePath && e.line == 1 && e.found == "`laptop`" && e.expected.hasPrefix("16 lowercase hex digits")
        }
    }
}
