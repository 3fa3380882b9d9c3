import StatusDeckCore
import Testing

/// Typed answers in other Unicode spellings of the same text. Found by fuzz-answer.
@Suite struct AnswerMatcherHardeningTests {
    @Test func normalizingTwiceChangesNothing() {
        // "İ" lower-cases to i + U+0307; dropping the mark on a second pass made two spellings.
        let once = AnswerMatcher.normalize("İstanbul")
        #expect(AnswerMatcher.normalize(once) == once)
    }

    @Test func aDecomposedAccentMatchesAPrecomposedOne() {
        #expect(AnswerMatcher.matches("Cafe\u{301}", expected: "Café"))
        #expect(AnswerMatcher.matches("Café", expected: "Cafe\u{301}"))
        #expect(!AnswerMatcher.matches("Cafe", expected: "Café"))
    }

    @Test func aMarkAfterPunctuationDoesNotJoinTheLetterBefore() {
        #expect(AnswerMatcher.normalize("a!\u{301}") == "a")
    }
}
