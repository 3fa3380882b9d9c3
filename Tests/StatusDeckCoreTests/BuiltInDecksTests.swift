import Foundation
import Testing

@testable import StatusDeckCore

@Suite struct BuiltInDecksTests {
    static let decksFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Decks")

    @Test func theSixDecks() {
        #expect(
            BuiltInDecks.all().map(\.id) == [
                "http-all-zh", "http-all-en", "http-everyday-zh", "http-everyday-en",
                "http-contrasts-zh", "http-contrasts-en",
            ])
    }

    /// `Decks/` is generated; if this fails, run `swift run statusdeck generate` and commit.
    @Test func committedDecksAreCurrent() throws {
        let decks = BuiltInDecks.all()
        for deck in decks {
            let url = Self.decksFolder.appendingPathComponent("\(deck.id).deck")
            let committed = try Data(contentsOf: url)
            #expect(committed == Data(DeckFile.render(deck).utf8), "\(deck.id).deck is stale")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.decksFolder.path)
            .filter { $0.hasSuffix(".deck") }.sorted()
        #expect(files == decks.map { "\($0.id).deck" }.sorted(), "Decks/ holds a deck generate does not write")
    }

    @Test func generationIsDeterministic() {
        #expect(BuiltInDecks.all().map(DeckFile.render) == BuiltInDecks.all().map(DeckFile.render))
    }

    /// Review generates only the deck it studies; that deck and the headers must be the same as
    /// what `all()` gives, or a session would study different cards from `Decks/`.
    @Test func oneDeckAloneIsTheSameAsInAll() {
        let all = BuiltInDecks.all()
        #expect(BuiltInDecks.headers.map(\.id) == all.map(\.id))
        #expect(BuiltInDecks.headers.map(\.name) == all.map(\.name))
        for deck in all {
            #expect(BuiltInDecks.deck(id: deck.id).map(DeckFile.render) == DeckFile.render(deck), "\(deck.id)")
        }
        #expect(BuiltInDecks.deck(id: "http-everyday") == nil)
    }

    /// `stats` lists cards by key without writing them; the keys must be the written cards', in
    /// order, or stats would count cards a deck does not hold.
    @Test func cardKeysAreTheGeneratedCardsKeys() {
        let all = BuiltInDecks.all()
        for deck in all {
            #expect(BuiltInDecks.cardKeys(id: deck.id) == deck.cards.map(CardKey.init), "\(deck.id)")
        }
        #expect(BuiltInDecks.allCardKeys() == all.flatMap { $0.cards.map(CardKey.init) })
        #expect(BuiltInDecks.cardKeys(id: "http-all") == nil)
    }

    /// `decks` lists built-in decks from their summaries; each must say what the generated deck is.
    @Test func summariesAreTheGeneratedDecks() {
        let summaries = BuiltInDecks.summaries()
        let all = BuiltInDecks.all()
        #expect(summaries.count == all.count)
        for (summary, deck) in zip(summaries, all) {
            #expect(summary.id == deck.id && summary.name == deck.name, "\(deck.id)")
            #expect(summary.language == deck.language && summary.cardCount == deck.cards.count, "\(deck.id)")
        }
    }

    /// Keys follow the catalog they are given, as the cards do: an unused code has no scenario
    /// or phrase card, and a code outside every class no class card.
    @Test func cardKeysFollowTheGivenCatalog() throws {
        let codes = try [
            #require(Catalog.entry(306)), #require(Catalog.entry(404)), #require(Catalog.entry(410)),
        ]
        for group in BuiltInDecks.DeckGroup.allCases {
            let deck = BuiltInDecks.generate(group, .en, codes: codes, contrasts: Catalog.contrasts)
            #expect(
                BuiltInDecks.cardKeys(group, codes: codes, contrasts: Catalog.contrasts)
                    == deck.cards.map(CardKey.init), "\(group)")
        }
        let keys = BuiltInDecks.cardKeys(.all, codes: codes, contrasts: []).map(\.id)
        #expect(keys.filter { $0.hasPrefix("http/306/") } == ["http/306/code-to-meaning", "http/306/class"])
    }

    @Test func idsAreUniqueInEveryDeck() {
        for deck in BuiltInDecks.all() {
            let ids = deck.cards.map(\.id)
            #expect(Set(ids).count == ids.count, "\(deck.id)")
        }
    }

    @Test func bothLanguagesHaveTheSameCards() {
        let decks = Dictionary(uniqueKeysWithValues: BuiltInDecks.all().map { ($0.id, $0) })
        for group in ["all", "everyday", "contrasts"] {
            let zh = decks["http-\(group)-zh"]?.cards ?? []
            let en = decks["http-\(group)-en"]?.cards ?? []
            #expect(!zh.isEmpty)
            #expect(zh.map(\.id) == en.map(\.id), "\(group)")
            #expect(zh.map(\.kind) == en.map(\.kind) && zh.map(\.mode) == en.map(\.mode), "\(group)")
        }
    }

    @Test func aCardIsTheSameInEveryDeckOfALanguage() {
        var byID: [String: Card] = [:]
        for deck in BuiltInDecks.all() where deck.language == .en {
            for card in deck.cards {
                if let earlier = byID[card.id] { #expect(earlier == card, "\(card.id) differs in \(deck.id)") }
                byID[card.id] = card
            }
        }
    }

    @Test func idsNameCodeAndKind() throws {
        let all = try #require(BuiltInDecks.all().first { $0.id == "http-all-en" })
        let ids = Set(all.cards.map(\.id))
        for kind in ["code-to-meaning", "meaning-to-code", "phrase-to-code", "class"] {
            #expect(ids.contains("http/404/\(kind)"))
        }
        #expect(ids.contains("contrast/401-403"))
        #expect(ids.contains("contrast/304-caching"))
        // "(Unused)" is the phrase of two codes and describes no situation.
        #expect(!ids.contains("http/306/phrase-to-code") && !ids.contains("http/306/meaning-to-code"))
        #expect(ids.contains("http/306/code-to-meaning"))
        for card in all.cards {
            #expect(card.id == (card.code.map { "http/\($0)/\(card.kind.rawValue)" } ?? card.id), "\(card.id)")
        }
    }

    @Test func idsSurviveARewording() {
        let reworded = Catalog.all.map { entry in
            StatusCode(
                code: entry.code, phrase: entry.phrase, formerPhrases: entry.formerPhrases,
                reference: entry.reference, flags: entry.flags,
                name: Localized(zh: entry.name.zh + "！", en: entry.name.en + "!"),
                summary: Localized(zh: "改写：" + entry.summary.zh, en: "Reworded: " + entry.summary.en),
                detail: entry.detail, scenario: Localized(zh: "新" + entry.scenario.zh, en: "New " + entry.scenario.en),
                headers: entry.headers, confusions: entry.confusions)
        }
        let rewordedContrasts = Catalog.contrasts.map {
            Contrast(
                slug: $0.slug, codes: $0.codes, prompt: Localized(zh: $0.prompt.zh + "？", en: $0.prompt.en + "?"),
                answer: $0.answer, explanation: $0.explanation)
        }
        let before = BuiltInDecks.all()
        let after = BuiltInDecks.generate(codes: reworded, contrasts: rewordedContrasts)
        #expect(before.map { $0.cards.map(\.id) } == after.map { $0.cards.map(\.id) })
        #expect(before != after, "the rewording changed nothing, so the test proves nothing")
    }

    @Test func defaultModesFollowTheKind() {
        for deck in BuiltInDecks.all() {
            for card in deck.cards { #expect(card.mode == card.kind.defaultMode, "\(card.id)") }
        }
        #expect(CardKind.meaningToCode.defaultMode == .type)
        #expect(CardKind.codeToMeaning.defaultMode == .flip)
        #expect(CardKind.classRecognition.defaultMode == .choice)
    }

    @Test func choicesNeverContainTheAnswer() {
        for deck in BuiltInDecks.all() {
            for card in deck.cards {
                #expect(!card.choices.contains(card.answer), "\(card.id)")
                #expect(!card.accepted.contains(card.answer), "\(card.id)")
                if card.mode == .choice { #expect(card.choices.count >= 3, "\(card.id)") }
            }
        }
    }

    @Test func distractorsComeFromConfusionsFirst() throws {
        let all = try #require(BuiltInDecks.all().first { $0.id == "http-all-en" })
        let card = try #require(all.cards.first { $0.id == "http/302/phrase-to-code" })
        #expect(Array(card.choices.prefix(3)) == ["307", "303", "301"])
        #expect(card.choices.count == 5)
        #expect(!card.choices.contains("306"))
    }

    /// 302's scenario (a GET sent to /login for now) fits 307 and 303 as well: they are right
    /// answers, never offered as wrong ones, and five wrong ones are still offered.
    @Test func codesThatAlsoFitAScenarioAreAcceptedNotOffered() throws {
        let all = try #require(BuiltInDecks.all().first { $0.id == "http-all-en" })
        let card = try #require(all.cards.first { $0.id == "http/302/meaning-to-code" })
        #expect(card.answer == "302")
        #expect(Set(card.accepted) == ["307", "303"])
        #expect(!card.choices.contains("307") && !card.choices.contains("303"))
        #expect(card.choices.first == "301")
        #expect(card.choices.count == 5)
    }

    @Test func codeToMeaningAcceptsFormerPhrasesAndEnglishNames() throws {
        let zh = try #require(BuiltInDecks.all().first { $0.id == "http-all-zh" })
        let card = try #require(zh.cards.first { $0.id == "http/302/code-to-meaning" })
        #expect(card.answer == "找到")
        #expect(card.accepted == ["Found", "Moved Temporarily"])
    }

    @Test func everydayDeckHoldsExactlyTheEverydayCodes() throws {
        let everyday = try #require(BuiltInDecks.all().first { $0.id == "http-everyday-en" })
        let codes = Set(everyday.cards.compactMap(\.code))
        #expect(codes == Set(BuiltInDecks.everydayCodes).intersection(Catalog.all.map(\.code)))
        #expect(BuiltInDecks.everydayCodes.count == 24)
    }

    @Test func contrastsDeckHoldsEveryContrastAndItsScenarios() throws {
        let deck = try #require(BuiltInDecks.all().first { $0.id == "http-contrasts-en" })
        #expect(deck.cards.filter { $0.kind == .contrast }.map(\.id) == Catalog.contrasts.map { "contrast/\($0.slug)" })
        #expect(deck.cards.filter { $0.kind != .contrast }.allSatisfy { $0.kind == .meaningToCode })
        #expect(deck.cards.contains { $0.id == "http/304/meaning-to-code" })
    }
}
