import FSRS
import Testing

@testable import StatusDeckHistory

/// The bulk encoder writes exactly what `HistoryLineEncoder` writes, line after line.
@Suite struct ReviewLineBatchTests {
    @Test func bytesEqualTheLineEncoder() throws {
        let events = [
            ReviewEvent(
                id: EventID(high: 0x0123_4567_89ab_cdef, low: 0xfedc_ba98_7654_3210), card: "anki/a\"b\\c\u{1}é/0",
                at: Instant(milliseconds: 1_711_744_352_250), rating: .again, deck: "d", mode: "flip", answerMilliseconds: 0),
            ReviewEvent(
                id: EventID(high: 1, low: 2), card: "http/404/code-to-meaning", at: Instant(milliseconds: -5), rating: .easy),
            ReviewEvent(
                id: EventID(high: 3, low: 4), card: "x", at: Instant(milliseconds: 0), rating: .hard, deck: "中文",
                mode: "type", answerMilliseconds: 1_234_567, correct: false),
            ReviewEvent(
                id: EventID(high: 5, low: 6), card: "x", at: Instant(milliseconds: 1), rating: .good, answerMilliseconds: 9,
                correct: true),
        ]
        var batch = ReviewLineBatch(reservingLines: events.count)
        for e in events { batch.append(e) }
        #expect(batch.bytes == events.flatMap { HistoryLineEncoder.encode(.review($0)) })
        #expect(batch.lines == events.count)
    }
}
