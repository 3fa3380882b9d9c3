import FSRS
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckExport

/// Which note an answer is exported under: each answer once, in the deck it was answered in when
/// that deck is exported, else with the card in the user's language (issue 18).
@Suite struct ExportAssignmentTests {
    static let start = Instant(milliseconds: 1_795_000_000_000)
    static let notFound = "http/404/code-to-meaning"
    static let ok = "http/200/code-to-meaning"

    static func review(_ n: UInt64, _ card: String, deck: String?, minutes: Int64 = 0) -> HistoryRecord {
        .review(
            ReviewEvent(
                id: EventID(high: 18, low: n), card: card, at: start.adding(seconds: (Int64(n) + minutes) * 60),
                rating: .good, deck: deck))
    }

    static func decks(_ ids: [String]) throws -> [Deck] {
        let all = BuiltInDecks.all()
        return try ids.map { id in try #require(all.first { $0.id == id }) }
    }

    /// The ids of the answers under the note of `card` in the exported deck `deck`.
    static func answers(_ exported: [ExportDeck], deck: String, card: String) -> [String] {
        exported.first { $0.id == deck }?.notes.first { $0.cardID == card }.map { $0.reviews.map(\.id) } ?? []
    }

    static func id(_ n: UInt64) -> String { EventID(high: 18, low: n).description }

    static let records: [HistoryRecord] = [
        review(1, notFound, deck: "http-all-zh"),
        review(2, notFound, deck: "http-everyday-en"),
        review(3, notFound, deck: nil),
        review(4, notFound, deck: "a-deck-since-removed"),
        review(5, ok, deck: "http-contrasts-en"),
        review(6, ok, deck: "http-all-en"),
        review(7, ok, deck: "http-all-zh"),
        .undo(UndoEvent(id: EventID(high: 18, low: 8), target: EventID(high: 18, low: 7), at: start.adding(seconds: 600))),
    ]

    @Test func allDecksGiveEachAnswerToTheDeckItWasAnsweredInElseTheUsersLanguage() throws {
        let history = ExportHistory(history: try History(Self.records), scheduler: try Scheduler(.default))
        let decks = try Self.decks(["http-all-zh", "http-all-en", "http-everyday-zh", "http-everyday-en"])
        let exported = ExportDeck.decks(decks, history: history, language: "en")
        #expect(Self.answers(exported, deck: "http-all-zh", card: Self.notFound) == [Self.id(1)])
        #expect(Self.answers(exported, deck: "http-everyday-en", card: Self.notFound) == [Self.id(2)])
        // No deck, or one not exported: the first exported deck in the user's language.
        #expect(Self.answers(exported, deck: "http-all-en", card: Self.notFound) == [Self.id(3), Self.id(4)])
        #expect(Self.answers(exported, deck: "http-everyday-zh", card: Self.notFound) == [])
        // Contrasts are not exported here; the undone answer goes nowhere.
        #expect(Self.answers(exported, deck: "http-all-en", card: Self.ok) == [Self.id(5), Self.id(6)])
        #expect(Self.answers(exported, deck: "http-all-zh", card: Self.ok) == [])
        let total = exported.reduce(0) { $0 + $1.notes.reduce(0) { $0 + $1.reviews.count } }
        #expect(total == 6)
        // The counts the notes carry are the answers a walk yields.
        #expect(exported.allSatisfy { $0.notes.allSatisfy { $0.reviews.count == Array($0.reviews).count } })

        // In Chinese, the answers of no exported deck go to the Chinese notes instead.
        let zh = ExportDeck.decks(decks, history: history, language: "zh")
        #expect(Self.answers(zh, deck: "http-all-zh", card: Self.notFound) == [Self.id(1), Self.id(3), Self.id(4)])
        #expect(Self.answers(zh, deck: "http-all-zh", card: Self.ok) == [Self.id(5)])
        #expect(Self.answers(zh, deck: "http-all-en", card: Self.ok) == [Self.id(6)])
    }

    @Test func oneDeckExportedGetsEveryAnswerOfItsCards() throws {
        let history = ExportHistory(history: try History(Self.records), scheduler: try Scheduler(.default))
        for id in ["http-all-zh", "http-everyday-en"] {
            let exported = ExportDeck.decks(try Self.decks([id]), history: history, language: "en")
            #expect(Self.answers(exported, deck: id, card: Self.notFound) == (1...4).map(Self.id))
            #expect(Self.answers(exported, deck: id, card: Self.ok) == (5...6).map(Self.id))
            // The single-deck initializer agrees.
            let alone = ExportDeck(try Self.decks([id])[0], history: history)
            #expect(alone == exported[0])
        }
    }

    @Test func aCardInNoDeckOfTheUsersLanguageTakesTheFirstDeckThatHasIt() throws {
        let history = ExportHistory(history: try History(Self.records), scheduler: try Scheduler(.default))
        let exported = ExportDeck.decks(try Self.decks(["http-all-zh", "http-everyday-zh"]), history: history, language: "en")
        #expect(Self.answers(exported, deck: "http-all-zh", card: Self.notFound) == [Self.id(1), Self.id(2), Self.id(3), Self.id(4)])
        #expect(Self.answers(exported, deck: "http-everyday-zh", card: Self.notFound) == [])
    }

    /// The Anki package holds a guid once: the copy in a later deck of the same language gives
    /// its answers to the note kept, so none is lost and none is doubled.
    @Test func apkgMergesTheAnswersOfADroppedCopyIntoTheNoteKept() throws {
        let history = ExportHistory(history: try History(Self.records), scheduler: try Scheduler(.default))
        let decks = try Self.decks(["http-all-zh", "http-all-en", "http-everyday-zh", "http-everyday-en"])
        let unique = AnkiCollection.uniqueNotes(ExportDeck.decks(decks, history: history, language: "en"))
        #expect(Self.answers(unique, deck: "http-all-en", card: Self.notFound) == [Self.id(2), Self.id(3), Self.id(4)])
        #expect(unique.first { $0.id == "http-everyday-en" }?.notes.isEmpty == true)
        let total = unique.reduce(0) { $0 + $1.notes.reduce(0) { $0 + $1.reviews.count } }
        #expect(total == 6)
    }
}
