import StatusDeckHistory
import Testing

@testable import StatusDeckCore

/// Faults a reader of the decks would catch, caught by a test instead: a card with two right
/// answers, brackets doubled, English punctuation inside Chinese, a scenario that fits a second
/// code it then offers as wrong, flags that disagree with the registry.
@Suite struct ContentTests {
    static let decks = BuiltInDecks.all()

    @Test func noTwoCardsInADeckAskTheSameWithDifferentAnswers() {
        for deck in Self.decks {
            var answers: [String: (id: String, answer: String)] = [:]
            for card in deck.cards {
                if let earlier = answers[card.prompt] {
                    #expect(earlier.answer == card.answer, "\(deck.id): \(earlier.id) and \(card.id) ask \"\(card.prompt)\"")
                } else {
                    answers[card.prompt] = (card.id, card.answer)
                }
            }
        }
    }

    /// Every Chinese text a learner reads: prompts, answers, choices and explanations.
    static var chineseTexts: [(where: String, text: String)] {
        Self.decks.filter { $0.language == .zh }.flatMap { deck in
            deck.cards.flatMap { card in
                ([card.prompt, card.answer, card.explanation] + card.choices + card.accepted).map { ("\(deck.id) \(card.id)", $0) }
            }
        }
    }

    static func isCJK(_ c: Character) -> Bool {
        c.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    @Test func noDoubledOrNestedBracketsInChinese() {
        let opening: Set<Character> = ["（", "(", "“", "「"], closing: Set<Character> = ["）", ")", "”", "」"]
        for (place, text) in Self.chineseTexts {
            let chars = Array(text)
            for i in chars.indices.dropLast() {
                let pair = (chars[i], chars[i + 1])
                #expect(!(opening.contains(pair.0) && opening.contains(pair.1)), "\(place): \"\(text)\"")
                #expect(!(closing.contains(pair.0) && closing.contains(pair.1)) || pair == ("”", "）"), "\(place): \"\(text)\"")
            }
        }
    }

    /// An ASCII comma, semicolon, question or exclamation mark, or parenthesis next to a Chinese
    /// character (a space between them aside) belongs in full-width form (，；？！（）), as in
    /// "WebDAV、实验性", not "WebDAV, 实验性". A colon is checked after Chinese only, since
    /// "Allow: GET" is a header quoted as it is written.
    @Test func noASCIIPunctuationInsideChinese() {
        let ascii: Set<Character> = [",", ";", ":", "?", "!", "(", ")"]
        for (place, text) in Self.chineseTexts {
            let chars = Array(text)
            for i in chars.indices where ascii.contains(chars[i]) {
                let before = i > 0 ? chars[i - 1] : " "
                var j = i + 1
                while j < chars.count, chars[j] == " " { j += 1 }
                let after = j < chars.count ? chars[j] : " "
                let next = chars[i] != ":" && chars[i] != ")" && Self.isCJK(after)
                #expect(!Self.isCJK(before) && !next, "\(place): \"\(text)\"")
            }
        }
    }

    /// A code a scenario fits as well is a right answer, never a wrong choice.
    @Test func everyScenarioAcceptsEachCodeThatAlsoFits() throws {
        for deck in Self.decks {
            for card in deck.cards where card.kind == .meaningToCode {
                let entry = try #require(card.code.flatMap(Catalog.entry))
                for confusion in entry.confusions where confusion.alsoFitsScenario {
                    #expect(card.accepted.contains(String(confusion.code)), "\(card.id) accepts \(confusion.code)")
                    #expect(!card.choices.contains(String(confusion.code)), "\(card.id) offers \(confusion.code) as wrong")
                }
            }
        }
    }

    /// Flags follow from the registry and the status of each defining RFC.
    @Test func flagsFollowTheDefiningDocuments() {
        // RFC status as the RFC Editor lists it, for the RFCs that define a flagged code.
        let experimental = ["RFC 2295", "RFC 5842", "RFC 8297"]
        let historic = ["RFC 2774"]
        let obsoletedBy = ["RFC 2518"]  // by RFC 4918, which dropped 102
        for entry in Catalog.all {
            let rfc = entry.reference.split(separator: " §").first.map(String.init) ?? entry.reference
            #expect(entry.flags.contains(.experimental) == experimental.contains(rfc), "\(entry.code) \(rfc)")
            #expect(entry.flags.contains(.historic) == historic.contains(rfc), "\(entry.code) \(rfc)")
            #expect(entry.flags.contains(.obsoleted) == obsoletedBy.contains(rfc), "\(entry.code) \(rfc)")
            #expect(entry.flags.contains(.unused) == (IANARegistry.codes[entry.code] == "(Unused)"), "\(entry.code)")
            #expect(entry.flags.contains(.temporary) == entry.reference.hasPrefix("draft-"), "\(entry.code)")
        }
    }
}
