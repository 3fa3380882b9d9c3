import StatusDeckCore
import StatusDeckHistory
import Testing

@Suite struct MessageTextTests {
    @Test func controlBidiAndZeroWidthCharactersAreNamed() {
        #expect(
            MessageText.visible("a\u{1B}[2Jb\u{7}\u{9B}\u{202E}\u{200B}\u{2028}\r\nc") == "a\\u{1B}[2Jb\\u{7}\\u{9B}\\u{202E}\\u{200B}\\u{2028}\\u{D}\\u{A}c")
    }

    @Test func ordinaryTextAndChineseStayAsTheyAre() {
        #expect(MessageText.visible("404 未找到 — “Not Found” 😀") == "404 未找到 — “Not Found” 😀")
    }

    @Test func longTextIsCutToTheLimit() {
        #expect(MessageText.visible(String(repeating: "x", count: 10_000), limit: 5) == "xxxxx…")
        #expect(MessageText.visible("xxxxx", limit: 5) == "xxxxx")
    }
}
