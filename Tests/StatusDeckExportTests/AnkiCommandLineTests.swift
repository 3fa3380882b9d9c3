import Foundation
import StatusDeckCore
import Testing

@testable import StatusDeckExport

/// `statusdeck export` end to end: the binary writes a built-in deck, real Anki imports it.
@Suite struct AnkiCommandLineTests {
    @Test func builtInDeckAsApkgAndTextImportsAsOneSetOfNotes() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let deckID = "http-everyday-zh"
        let deck = try #require(BuiltInDecks.all().first { $0.id == deckID })
        let apkg = dir.appendingPathComponent("zh.apkg"), tsv = dir.appendingPathComponent("zh.tsv")
        let data = dir.appendingPathComponent("data").path
        try StatusDeckBinary.run(["export", "--data-dir", data, "--deck", deckID, "--format", "apkg", "-o", apkg.path])
        try StatusDeckBinary.run(["export", "--data-dir", data, "--deck", deckID, "--format", "tsv", "-o", tsv.path])

        let report = try AnkiOracle.importing([apkg, tsv, apkg])
        let count = deck.cards.count
        #expect(report.imports.map(\.new) == [count, 0, 0])
        #expect(report.imports.allSatisfy { $0.conflicting == 0 })
        #expect(report.notes.count == count)
        #expect(report.notes.allSatisfy { $0.notetype == "StatusDeck" && $0.cards.count == 1 })
        #expect(report.notes.allSatisfy { $0.cards[0].deck == "StatusDeck::HTTP 状态码：常用" })
        let guids = deck.cards.map { NoteGUID.make(cardID: $0.id, language: "zh") }
        #expect(report.notes.map(\.guid).sorted() == guids.sorted())
        for card in deck.cards where card.code == 404 {
            let note = try #require(report.note(NoteGUID.make(cardID: card.id, language: "zh")))
            #expect(
                note.fields == [
                    "Front": AnkiCollection.html(card.prompt), "Back": AnkiCollection.html(card.answer),
                    "Extra": AnkiCollection.html(card.explanation),
                ])
            #expect(note.tags == ["4xx", card.kind.rawValue, "statusdeck"].sorted())
        }
    }

    @Test func allDecksMakeOneNotePerCardAndLanguage() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let apkg = dir.appendingPathComponent("all.apkg")
        try StatusDeckBinary.run([
            "export", "--data-dir", dir.appendingPathComponent("data").path, "--all",
            "--format", "apkg", "-o", apkg.path,
        ])
        let report = try AnkiOracle.importing([apkg])
        let unique = Set(BuiltInDecks.all().flatMap { deck in deck.cards.map { "\(deck.language.rawValue) \($0.id)" } })
        #expect(report.notes.count == unique.count)
        #expect(report.imports.first?.new == unique.count)
        #expect(report.decks.contains("StatusDeck::HTTP status codes: all"))
        #expect(report.decks.contains("StatusDeck::HTTP 状态码：全部"))
    }
}
