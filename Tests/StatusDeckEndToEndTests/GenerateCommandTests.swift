import Foundation
import StatusDeckCore
import Testing

@Suite struct GenerateCommandTests {
    @Test func writesEveryBuiltInDeckAsRendered() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let out = dir.path + "/nested/Decks"
        let result = try StatusDeckProcess.run(["generate", "--output", out])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let decks = BuiltInDecks.all()
        #expect(result.stdout == decks.map { "wrote \(out)/\($0.id).deck (\($0.cards.count) cards)\n" }.joined())
        for deck in decks {
            let written = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(deck.id).deck"))
            #expect(written == Data(DeckFile.render(deck).utf8))
        }
        // Nothing but the decks: no temporary files left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == decks.map { "\($0.id).deck" }.sorted())
    }

    @Test func replacesAnOldFile() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let old = try dir.write("stale", to: "http-all-en.deck")
        let result = try StatusDeckProcess.run(["generate", "--output", dir.path])
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: old, encoding: .utf8).hasPrefix("deck: http-all-en\n"))
    }

    @Test func generatedDecksReadBackWithDecks() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        _ = try StatusDeckProcess.run(["generate", "--output", dir.path + "/data/decks"])
        let result = try StatusDeckProcess.run(["decks", "--data-dir", dir.path + "/data"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 13)
    }

    @Test func unwritableOutputIsARuntimeFailure() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let file = try dir.write("a file, not a folder", to: "blocker")
        let result = try StatusDeckProcess.run(["generate", "--output", file + "/decks"])
        #expect(result.status == 1)
        #expect(result.stderr == "\(file)/decks: could not create the folder (Not a directory); expected a writable folder\n")
    }

    @Test func aFileGivenAsTheOutputFolderIsBadInput() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let file = try dir.write("a file, not a folder", to: "blocker")
        let result = try StatusDeckProcess.run(["generate", "--output", file])
        #expect(result.status == 2)
        #expect(result.stderr == "\(file): found a file; expected a folder to write the decks into\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "a file, not a folder")
    }
}
