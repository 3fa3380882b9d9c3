import FSRS
import Testing

@testable import StatusDeckHistory

/// `History.knownLines` takes a line as held only when it is, byte for byte, the line this
/// history writes for the review under that id; every other line is passed on whole, in order.
@Suite struct KnownLinesTests {
    /// A history of `count` reviews, and its lines as the encoder writes them.
    static func history(_ count: Int, seed: UInt64) throws -> (History, [[UInt8]]) {
        var rng = SplitMix64(seed: seed)
        var history = History()
        var lines: [[UInt8]] = []
        for k in 0..<count {
            let review = ReviewEvent(
                id: EventID.random(using: &rng), card: ["http/404/code-to-meaning", "卡\"片", "a"][k % 3],
                at: Instant(milliseconds: 1_764_000_000_000 + Int64(k) * 61_000), rating: .good, deck: k % 2 == 0 ? "http-all-en" : nil,
                mode: "type", answerMilliseconds: k % 5 == 0 ? nil : k, correct: k % 4 == 0 ? nil : true)
            try history.add(.review(review))
            lines.append(HistoryLineEncoder.encode(.review(review)))
        }
        return (history, lines)
    }

    @Test(arguments: [40, 30_000]) func heldLinesAreMatchedAndEveryOtherLineIsPassedOn(count: Int) throws {
        let (mine, lines) = try Self.history(count, seed: UInt64(count))
        var rng = SplitMix64(seed: 9)
        var file: [UInt8] = []
        var expectedHeld: [Int32] = []
        var expectedRest: [UInt8] = []
        func other(_ line: [UInt8]) {
            file += line
            expectedRest += line
        }
        for (k, line) in lines.enumerated() {
            switch k % 7 {
            case 1:  // the same event spelled otherwise (a space after the first comma): parsed, not matched
                var spaced = line
                spaced.insert(0x20, at: 7)
                other(spaced)
            case 2:  // another answer under a held id: passed on, for the merge to call a conflict
                var changed = mine.reviews[k]
                changed.rating = .again
                other(HistoryLineEncoder.encode(.review(changed)))
            case 3:  // a review this history lacks, an undo, a mark
                let id = EventID.random(using: &rng)
                other(HistoryLineEncoder.encode(.review(ReviewEvent(id: id, card: "new", at: Instant(milliseconds: 5), rating: .easy))))
                other(HistoryLineEncoder.encode(.undo(UndoEvent(id: EventID.random(using: &rng), target: id, at: Instant(milliseconds: 6)))))
                other(HistoryLineEncoder.encode(.mark(CardMarkEvent(id: EventID.random(using: &rng), card: "a", at: Instant(milliseconds: 7), mark: .bury))))
            case 4:  // not JSON at all
                other(Array("garbage, not a line\n".utf8))
            default:
                file += line
                expectedHeld.append(Int32(k))
            }
        }
        let tail = Array(lines[0].dropLast(9))  // a torn last line, even one that would match: not looked at
        file += tail
        let known = file.withUnsafeBufferPointer { mine.knownLines(in: $0) }
        #expect(known.held == expectedHeld)
        #expect(known.rest == expectedRest)
        #expect(known.consumed == file.count - tail.count)
    }

    @Test func nothingIsHeldByAnEmptyHistoryAndAnEmptyFileHoldsNothing() throws {
        let (mine, lines) = try Self.history(10, seed: 3)
        let file = lines.flatMap { $0 }
        let none = file.withUnsafeBufferPointer { History().knownLines(in: $0) }
        #expect(none.held.isEmpty && none.rest == file && none.consumed == file.count)
        let empty = [UInt8]().withUnsafeBufferPointer { mine.knownLines(in: $0) }
        #expect(empty.held.isEmpty && empty.rest.isEmpty && empty.consumed == 0)
    }
}

/// The matcher says "same" exactly when the line is the writer's line for that review: checked
/// on varied reviews, and on each of their lines changed one byte at a time, cut short and lengthened.
@Suite struct ReviewLineMatcherTests {
    @Test func matchesExactlyTheWritersLine() throws {
        var rng = SplitMix64(seed: 11)
        var history = History()
        for _ in 0..<300 {
            try history.add(
                .review(
                    ReviewEvent(
                        id: EventID.random(using: &rng), card: ReviewLineWriterTests.cards.randomElement(using: &rng) ?? "a",
                        at: Instant(milliseconds: Int64.random(in: -100_000_000...4_000_000_000_000, using: &rng)),
                        rating: Rating(rawValue: Int.random(in: 1...4, using: &rng)) ?? .good,
                        deck: ReviewLineWriterTests.decks.randomElement(using: &rng) ?? nil,
                        mode: [nil, "flip", "type", "choice"].randomElement(using: &rng) ?? nil,
                        answerMilliseconds: [nil, 0, 7, 10, 12_345, 4_000_000_000].randomElement(using: &rng) ?? nil,
                        correct: [nil, true, false].randomElement(using: &rng) ?? nil)))
        }
        var writer = ReviewLineWriter(history)
        var matcher = ReviewLineMatcher(history)
        var checked = 0, matched = 0
        for k in history.packed.indices {
            var line: [UInt8] = []
            writer.append(reviewAt: k, to: &line)
            line.removeLast()  // the newline
            let after = Array(line[45...])  // after `{"v":1,"id":"` and the 32 hex digits
            var variants = [after, Array(after.dropLast()), after + [0x20]]
            for position in stride(from: 0, to: after.count, by: 3) {
                var changed = after
                changed[position] = changed[position] == 0x30 ? 0x31 : 0x30
                variants.append(changed)
            }
            for v in variants {
                let same = v.withUnsafeBufferPointer { matcher.matches(history.packed[k], $0.baseAddress!, $0.count) }
                #expect(same == (v == after), "review \(k): \(String(decoding: v, as: UTF8.self))")
                checked += 1
                if same { matched += 1 }
            }
        }
        #expect(matched == history.packed.count && checked > 10 * matched)
    }
}
