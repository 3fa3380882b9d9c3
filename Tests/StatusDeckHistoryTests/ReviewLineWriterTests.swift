import FSRS
import Testing

@testable import StatusDeckHistory

/// `ReviewLineWriter` writes, from packed reviews, the very bytes `HistoryLineEncoder` writes
/// from unpacked ones: a sync writes a million lines with it, and the history must not tell
/// which of the two wrote a line.
@Suite struct ReviewLineWriterTests {
    static let cards = [
        "http/404/code-to-meaning", "a", "quote\"and\\backslash", "tab\tnew\nline\r", "\u{01}\u{1F}\u{7F}\u{85}",
        "卡片/418", "emoji 🦊/😀", "sep\u{2028}\u{2029}", "format\u{200B}\u{FEFF}", "/",
    ]
    static let decks: [String?] = [nil, "http-all-en", "d\"2", "дека"]

    @Test(arguments: [1, 2, 3] as [UInt64]) func writesWhatTheEncoderWrites(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var history = History()
        let instants: [Int64] = [
            0, -1, 1, 86_399_999, 1_764_000_000_123, RFC3339.minMilliseconds, RFC3339.maxMilliseconds,
            RFC3339.minMilliseconds - 5, RFC3339.maxMilliseconds + 5,
        ]
        let milliseconds: [Int?] = [nil, 0, 9, 10, 99, 100, 12_345, Int(ReviewEvent.noMilliseconds) - 1, Int(UInt32.max) + 7]
        for _ in 0..<2_000 {
            let at = Bool.random(using: &rng) ? instants.randomElement(using: &rng) ?? 0 : Int64.random(in: -1_000_000_000...4_000_000_000_000, using: &rng)
            let review = ReviewEvent(
                id: EventID.random(using: &rng), card: Self.cards.randomElement(using: &rng) ?? "a",
                at: Instant(milliseconds: at), rating: Rating(rawValue: Int.random(in: 1...4, using: &rng)) ?? .good,
                deck: Self.decks.randomElement(using: &rng) ?? nil,
                mode: [nil, "flip", "type", "choice", "other"].randomElement(using: &rng) ?? nil,
                answerMilliseconds: milliseconds.randomElement(using: &rng) ?? nil,
                correct: [nil, true, false].randomElement(using: &rng) ?? nil)
            try history.add(.review(review))
        }
        var writer = ReviewLineWriter(history)
        var all: [UInt8] = []
        for k in history.packed.indices {
            var line: [UInt8] = []
            writer.append(reviewAt: k, to: &line)
            let expected = HistoryLineEncoder.encode(.review(history.reviews[k]))
            #expect(line == expected, "review \(k): \(String(decoding: line, as: UTF8.self))")
            all += line
        }
        // Appending to one buffer (as a sync does) is the lines one after another, and reads back
        // to the same lines (instants outside years 0–9999 are written clamped, by either writer).
        let expectedAll = history.packed.indices.flatMap { HistoryLineEncoder.encode(.review(history.reviews[$0])) }
        #expect(all == expectedAll)
        let (read, tail) = try HistoryReader.read(all, path: "written")
        #expect(tail.isEmpty && read.packed.count == history.packed.count)
        #expect(read.packed.indices.flatMap { HistoryLineEncoder.encode(.review(read.reviews[$0])) } == all)
    }
}
