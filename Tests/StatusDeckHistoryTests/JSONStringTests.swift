import FSRS
import Foundation
import Testing

@testable import StatusDeckHistory

/// The one JSON string rule every output uses.
@Suite struct JSONStringTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("中文 ok", #""中文 ok""#),
        ("q\"b\\s", #""q\"b\\s""#),
        ("a\nb\rc\td", #""a\nb\rc\td""#),
        ("\u{0}\u{1B}[31m\u{7F}", #""\u0000\u001b[31m\u007f""#),
        ("c1\u{85}\u{9B}", #""c1\u0085\u009b""#),
        ("ls\u{2028}ps\u{2029}", #""ls\u2028ps\u2029""#),
        ("bidi\u{202E}zw\u{200B}", #""bidi\u202ezw\u200b""#),
        // A format character above U+FFFF is a surrogate pair, never five hex digits.
        ("tag\u{E0001}", #""tag\udb40\udc01""#),
        ("emoji 🧪", #""emoji 🧪""#),
    ])
    func escapes(_ text: String, _ json: String) {
        #expect(JSONString.quoted(text) == json)
    }

    @Test func foundationReadsBackWhatWasWritten() throws {
        for text in ["", "a\"b", "\u{1}\u{1F}", "\u{202E}x\u{E0001}", "中\u{2028}文", "\\u0041"] {
            let data = Data(JSONString.quoted(text).utf8)
            let back = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) as? String
            #expect(back == text)
        }
    }

    @Test func theHistoryParserReadsBackWhatWasWritten() throws {
        let card = "c\u{202E}\u{E0001}\u{85}\"\\\n"
        let line = HistoryLineEncoder.encode(
            .review(
                ReviewEvent(
                    id: EventID(high: 1, low: 2), card: card,
                    at: Instant(milliseconds: 0), rating: .good)))
        let (history, _) = try HistoryReader.read(line, path: "h")
        #expect(history.reviews.first?.card == card)
    }
}
