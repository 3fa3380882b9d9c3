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
