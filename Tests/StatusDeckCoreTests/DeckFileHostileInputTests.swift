import Testing

@testable import StatusDeckCore

/// Deck errors quote what they found; a hostile file must not turn that quote into terminal
/// commands or extra lines. Each case here was once a fuzz finding or sits next to one.
@Suite struct DeckFileHostileInputTests {
    static func error(_ text: String) -> DeckError? {
        do {
            _ = try DeckFile.parse(text, path: "x.deck")
            return nil
        } catch {
            return error
        }
    }

    @Test func aNulInAKeyIsNamedNotPrinted() {
        // Found by fuzz-deck (Tests/Fuzz/regressions/fuzz-deck/nul-in-header-key).
        let e = Self.error("dec\u{0}k: a\nname: A\nlanguage: en\n")
        #expect(e?.description == "x.deck:1: found unknown header key 'dec\\u{0}k'; expected one of deck, name, language")
    }

    @Test func anEscapeSequenceInAValueIsNamedNotPrinted() {
        let e = Self.error("deck: a\nname: A\nlanguage: en\n\nid: a\nkind: \u{1B}[2Jclass\nprompt: p\nanswer: a\n")
        #expect(e?.description.hasPrefix("x.deck:6: found kind '\\u{1B}[2Jclass'; expected one of") == true)
    }

    @Test func bidiAndZeroWidthCharactersAreNamed() {
        let e = Self.error("deck: a\u{202E}b\u{200B}\nname: A\nlanguage: en\n")
        #expect(e?.description == "x.deck:1: found deck id 'a\\u{202E}b\\u{200B}'; expected letters, digits, '-', '_' or '.' only, e.g. my-deck")
    }

    @Test func aLoneCarriageReturnDoesNotStartASecondLine() {
        let e = Self.error("deck: a\rb c\nname: A\nlanguage: en\n")
        #expect(e.map { !$0.description.contains("\r") && !$0.description.contains("\n") } == true)
    }
}
