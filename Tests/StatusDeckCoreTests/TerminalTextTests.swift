import StatusDeckCore
import Testing

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("red \u{1B}[31mtext\u{1B}[0m", "red text"),
        ("title \u{1B}]0;owned\u{07}end", "title end"),
        ("title \u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "title link"),
        ("csi \u{9B}2Jgone", "csi gone"),
        ("bell\u{07}!", "bell\u{FFFD}!"),
        ("nul\u{0}x", "nul\u{FFFD}x"),
        ("del\u{7F}x", "del\u{FFFD}x"),
        ("a\tb", "a b"),
        ("line\r\nnext", "line\nnext"),
        ("over\rwrite", "over\nwrite"),
        ("\u{202E}evil\u{202C}", "evil"),
        ("\u{2066}iso\u{2069}", "iso"),
        ("zero\u{200B}width\u{FEFF}\u{2060}", "zerowidth"),
        ("charset \u{1B}(0x", "charset x"),
        ("trailing \u{1B}", "trailing "),
        ("状态码 404", "状态码 404"),
    ])
    func sanitize(_ input: String, _ expected: String) {
        #expect(TerminalText.sanitize(input) == expected)
    }

    @Test func sanitizeLineJoinsLines() {
        #expect(TerminalText.sanitizeLine("a\nb\u{2028}c") == "a b c")
    }

    @Test(arguments: [
        ("", 0), ("abc", 3), ("状态码", 6), ("ＡＢ", 4), ("e\u{301}", 1), ("한국", 4),
        ("👍", 2), ("✓ ok", 4), ("a\u{200B}b", 2), ("×", 1), ("\u{301}", 0),
    ])
    func width(_ s: String, _ expected: Int) {
        #expect(TerminalText.width(s) == expected)
    }

    @Test func wrapLatinAtSpaces() {
        #expect(TerminalText.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func wrapCutsAWordLongerThanTheLine() {
        #expect(TerminalText.wrap("abcdefghij klm", width: 4) == ["abcd", "efgh", "ij", "klm"])
    }

    @Test func wrapBreaksCJKBetweenAnyTwoGlyphs() {
        let lines = TerminalText.wrap("客户端请求了一个不存在的页面", width: 9)
        #expect(lines == ["客户端请", "求了一个", "不存在的", "页面"])
        #expect(lines.allSatisfy { TerminalText.width($0) <= 9 })
    }

    @Test func wrapKeepsClosingPunctuationOffTheLineStart() {
        let lines = TerminalText.wrap("一二三四，五六", width: 8)
        #expect(lines == ["一二三", "四，五六"])
        #expect(TerminalText.wrap("需要 40×12）", width: 8) == ["需要", "40×12）"])
    }

    @Test func wrapMixedScripts() {
        let lines = TerminalText.wrap("返回 404 Not Found 表示资源不存在", width: 12)
        #expect(lines == ["返回 404 Not", "Found 表示资", "源不存在"])
        for line in lines { #expect(TerminalText.width(line) <= 12) }
    }

    @Test func wrapKeepsParagraphsAndIndent() {
        #expect(TerminalText.wrap("  one\n\ntwo", width: 20) == ["  one", "", "two"])
    }

    @Test func truncateNeverSplitsAWideGlyph() {
        #expect(TerminalText.truncate("状态码很多", to: 6) == "状态…")
        #expect(TerminalText.truncate("short", to: 10) == "short")
        #expect(TerminalText.truncate("abcdef", to: 4) == "abc…")
        #expect(TerminalText.truncate("abc", to: 0) == "")
    }
}

@Suite struct AnswerMatcherTests {
    @Test(arguments: ["Not Found", "not found", "NOTFOUND", "not-found!", "  not   found ", "ＮＯＴ ＦＯＵＮＤ"])
    func forgiving(_ typed: String) {
        #expect(AnswerMatcher.matches(typed, expected: "Not Found"))
    }

    @Test func alternatesAndWrongOnes() {
        #expect(AnswerMatcher.matches("payload too large", expected: "Content Too Large", alternates: ["Payload Too Large"]))
        #expect(!AnswerMatcher.matches("found", expected: "Not Found"))
        #expect(!AnswerMatcher.matches("", expected: "Not Found"))
        #expect(!AnswerMatcher.matches("!!!", expected: "!!!"))
        #expect(AnswerMatcher.matches("４０４", expected: "404"))
        #expect(AnswerMatcher.matches("未找到", expected: "未 找到。"))
    }
}
