import FSRS
import Testing

@testable import StatusDeckHistory

/// Huge-page advice must never change what an array holds, whatever its size or alignment.
@Suite struct HugePagesTests {
    @Test func zerosAreZerosAtEverySize() {
        for count in [0, 1, 63, 64, 262_143, 262_144, 1_000_003] {
            let table = HugePages.zeros(count, of: UInt64.self)
            #expect(table.count == count)
            #expect(table.allSatisfy { $0 == 0 })
        }
    }

    @Test func adviceOnReservedReviewsKeepsTheirContent() throws {
        var history = History()
        history.reserveCapacity(200_000)
        let review = ReviewEvent(
            id: EventID(high: 1, low: 2), card: "http/404/code-to-meaning", at: Instant(milliseconds: 86_400_000),
            rating: .good, deck: "http-all-en", mode: "flip", answerMilliseconds: 1234, correct: nil)
        try history.add(.review(review))
        #expect(history.reviews.first == review)
        // Too small, unaligned or absent ranges are left alone.
        HugePages.advise(nil, bytes: 1 << 30)
        var small = [UInt8](repeating: 7, count: 100)
        small.withUnsafeMutableBytes { HugePages.advise($0.baseAddress, bytes: $0.count) }
        #expect(small.allSatisfy { $0 == 7 })
    }
}
