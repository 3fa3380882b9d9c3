import Foundation
import StatusDeckCore
import Testing

@testable import StatusDeckStore

@Suite struct DeckDirectoryTests {
    func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deckdir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("decks"), withIntermediateDirectories: true)
        return url
    }

    @Test func userDecksAreTheVisibleDeckFilesSortedByName() throws {
        let root = try tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["b.deck", "a.deck", ".hidden.deck", "notes.txt"] {
            try Data().write(to: root.appendingPathComponent("decks/\(name)"))
        }
        let paths = DeckDirectory.userDeckPaths(in: DataDirectory(path: root.path))
        #expect(paths.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.deck", "b.deck"])
    }

    @Test func noDecksFolderMeansNoUserDecks() {
        #expect(DeckDirectory.userDeckPaths(in: DataDirectory(path: "/nonexistent/statusdeck")) == [])
    }

    @Test func writeAtomicallyReplacesAndLeavesNoTemporaryFile() throws {
        let root = try tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("x.deck").path
        try DeckDirectory.writeAtomically("old", to: target)
        try DeckDirectory.writeAtomically("new 名", to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new 名")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["decks", "x.deck"])
    }

    @Test func loadSeparatesBadInputFromMissingFiles() throws {
        let root = try tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let bad = root.appendingPathComponent("bad.deck").path
        try Data("deck: d\n".utf8).write(to: URL(fileURLWithPath: bad))
        #expect(
            throws: DeckDirectory.LoadError.malformed(
                DeckError(
                    path: bad, line: 1,
                    found: "a header without 'name:'", expected: "deck:, name: and language: in the first block"))
        ) {
            try DeckDirectory.load(path: bad)
        }
        #expect(throws: DeckDirectory.LoadError.missing(path: root.path + "/none.deck")) {
            try DeckDirectory.load(path: root.path + "/none.deck")
        }
        // A folder given as a deck is the user's mistake (exit 2), not a failing disk.
        #expect(throws: DeckDirectory.LoadError.notAFile(path: root.path + "/decks", found: "a directory")) {
            try DeckDirectory.load(path: root.path + "/decks")
        }
        // The kernel's EIO, named as such rather than as Foundation's "error 256".
        #expect(throws: DeckDirectory.LoadError.unreadable(path: "/proc/self/mem", reason: "Input/output error")) {
            try DeckDirectory.load(path: "/proc/self/mem")
        }
    }
}
