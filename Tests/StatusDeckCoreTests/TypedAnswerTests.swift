import Testing

@testable import StatusDeckCore

/// Typed answers: one slip in a long phrase is right (graded Hard), short ones must be exact, and
/// the pieces mark exactly the characters that differ.
@Suite struct TypedAnswerTests {
    @Test(arguments: [
        ("Moved Permanetly", TypedAnswer.Verdict.slip),  // a letter dropped
        ("Moved Permanenttly", .slip),  // one added
        ("Moved Permamently", .slip),  // one changed
        ("Moved Permaennetly", .wrong),  // two edits
        ("Moevd Permanently", .slip),  // neighbours swapped
        ("moved-permanently", .right),
        ("Found", .wrong),
    ])
    func slipsInLongPhrases(typed: String, verdict: TypedAnswer.Verdict) {
        #expect(TypedAnswer(typed, expected: "Moved Permanently").verdict == verdict)
    }

    @Test func shortAnswersMustBeExact() {
        #expect(TypedAnswer("Gome", expected: "Gone").verdict == .wrong)
        #expect(TypedAnswer("401", expected: "404").verdict == .wrong)
        #expect(TypedAnswer("", expected: "Not Found").verdict == .wrong)
        // An alternate counts for slips too.
        #expect(TypedAnswer("Not Foudn", expected: "404", alternates: ["Not Found"]).verdict == .slip)
    }

    @Test func piecesMarkTheDifferingCharacters() {
        let t = TypedAnswer("Not Fuond", expected: "Not Found")
        #expect(t.typed.map(\.text).joined() == "Not Fuond")
        #expect(t.expected.map(\.text).joined() == "Not Found")
        #expect(t.typed.filter { !$0.matched }.map(\.text).joined().count == 1)
        #expect(t.expected.filter { !$0.matched }.map(\.text).joined().count == 1)
        let right = TypedAnswer("not found", expected: "Not Found")
        #expect(right.typed.allSatisfy(\.matched) && right.expected.allSatisfy(\.matched))
    }

    @Test func anotherCodesNumberOrPhraseIsNamedWithWhatTellsThemApart() throws {
        let en = WrongAnswerHints(catalog: Catalog.all, language: .en)
        let hint = try #require(en.hint(typed: "308", cardCode: 301))
        #expect(hint.hasPrefix("You typed 308 Permanent Redirect: "))
        let why = try #require(Catalog.entry(301)?.confusions.first { $0.code == 308 }?.why.en)
        #expect(hint.hasSuffix(why))
        #expect(en.hint(typed: "permanent redirect", cardCode: 301) == hint)
        #expect(en.hint(typed: "301", cardCode: 301) == nil, "its own code is no other code")
        #expect(en.hint(typed: "banana", cardCode: 301) == nil)
        let zh = WrongAnswerHints(catalog: Catalog.all, language: .zh)
        #expect(zh.hint(typed: "308", cardCode: 301)?.hasPrefix("你输入的是 308 Permanent Redirect（") == true)
    }
}
