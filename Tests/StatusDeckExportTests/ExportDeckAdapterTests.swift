import StatusDeckCore
import Testing

@testable import StatusDeckExport

@Suite struct ExportDeckAdapterTests {
    @Test func cardsBecomeNotesWithFieldsTagsClassAndGuid() throws {
        let deck = Deck(
            id: "mine", name: "Mine", language: .zh,
            cards: [
                Card(
                    id: "http/404/code-to-meaning", kind: .codeToMeaning, code: 404, prompt: "404？", answer: "未找到",
                    explanation: "第一行\n第二行", mode: .flip),
                Card(id: "contrast/401-403", kind: .contrast, prompt: "401 还是 403？", answer: "看身份", mode: .choice),
            ])
        let export = ExportDeck(deck)
        #expect(export.id == "mine" && export.name == "Mine" && export.language == "zh")
        #expect(export.ankiName == "StatusDeck::Mine")
        let first = try #require(export.notes.first)
        #expect(first.cardID == "http/404/code-to-meaning")
        #expect(first.guid == NoteGUID.make(cardID: "http/404/code-to-meaning", language: "zh"))
        #expect((first.front, first.back, first.extra) == ("404？", "未找到", "第一行\n第二行"))
        #expect(first.tags == ["statusdeck", "4xx", "code-to-meaning"])
        #expect(first.statusClass == 4)
        #expect(first.scheduling == nil && first.reviews.isEmpty)
        #expect(export.notes[1].tags == ["statusdeck", "contrast"])
        #expect(export.notes[1].statusClass == nil)
    }
}
