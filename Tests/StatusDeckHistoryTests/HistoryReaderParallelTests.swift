import FSRS
import Testing

@testable import StatusDeckHistory

/// Large chunks are parsed as two halves on two threads; what comes out must be what one
/// thread reading line by line would give, errors and their line numbers included.
@Suite struct HistoryReaderParallelTests {
    static func line(_ n: Int, card: String? = nil) -> String {
        let record = HistoryRecord.review(
            ReviewEvent(
                id: EventID(high: 7, low: UInt64(n)), card: card ?? "http/\(400 + n % 30)/code-to-meaning",
                at: Instant(milliseconds: 1_795_341_600_000 + Int64(n) * 60_000), rating: Rating(rawValue: n % 4 + 1) ?? .good,
                deck: "http-all-en", mode: "type", answerMilliseconds: n, correct: n % 2 == 0))
        return HistoryLineEncoder.line(record)
    }

    /// 4,000 lines (well over the size that is split), with a blank line and CRLF endings here and there.
    static func lines() -> [String] {
        (1...4000).map { n in n % 500 == 0 ? "  " : line(n) }
    }

    static func text(_ lines: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (k, l) in lines.enumerated() { out += Array(l.utf8) + (k % 7 == 0 ? [0x0d, 0x0a] : [0x0a]) }
        return out
    }

    static func outcome(_ lines: [String]) -> String {
        do {
            let (history, tail) = try HistoryReader.read(text(lines), path: "h")
            return "ok \(history.reviews.count) \(tail.count)"
        } catch {
            return error.description
        }
    }

    /// What one thread would say: each line parsed and added in order.
    static func serial(_ lines: [String]) -> String {
        var parser = HistoryLineParser()
        var history = History()
        for (k, l) in lines.enumerated() where !l.allSatisfy({ $0 == " " }) {
            do {
                _ = try history.add(try parser.parse(l, line: k + 1), line: k + 1)
            } catch {
                var e = error
                e.path = "h"
                return e.description
            }
        }
        return "ok \(history.reviews.count) 0"
    }

    @Test func cleanFileGivesTheSameHistory() throws {
        let lines = Self.lines()
        #expect(Self.text(lines).count > HistoryReader.parallelBytes * 2)
        let (history, _) = try HistoryReader.read(Self.text(lines), path: "h")
        var parser = HistoryLineParser()
        let expected = try lines.filter { $0 != "  " }.map { (l) throws(InputError) -> HistoryRecord in try parser.parse(l, line: 1) }
        #expect(history.reviews.map(HistoryRecord.review) == expected)
        #expect(history.cardCount == 30)
        for (k, r) in history.reviews.enumerated() { #expect(history.cardID(at: Int(history.packed[k].card)) == r.card) }
    }

    @Test(arguments: [
        [3500],  // a bad line in the second half
        [200, 3500],  // in both halves: the first is reported
        [999, 1000, 1001],  // around a split at a quarter,
        [1599, 1600, 1601],  // at two fifths,
        [1999, 2000, 2001],  // at a half
        [4000],  // the last line
    ])
    func firstBadLineIsReportedWithItsNumber(bad: [Int]) {
        var lines = Self.lines()
        for b in bad { lines[b - 1] = #"{"v":1,"id":"nope"}"# }
        #expect(Self.outcome(lines) == Self.serial(lines))
        #expect(Self.outcome(lines).hasPrefix("h:\(bad[0]): "))
    }

    @Test func conflictingIdBeforeABadLineIsReportedFirst() {
        var lines = Self.lines()
        lines[99] = Self.line(10, card: "other")  // id of line 10, other content: an error at line 100
        lines[3499] = #"{"v":1}"#
        #expect(Self.outcome(lines) == Self.serial(lines))
        #expect(Self.outcome(lines).hasPrefix("h:100: "))
        var later = Self.lines()
        later[3499] = Self.line(10, card: "other")
        later[999] = "not json"
        #expect(Self.outcome(later).hasPrefix("h:1000: "))
        #expect(Self.outcome(later) == Self.serial(later))
    }

    /// The reader moves each parsed record out of its thread's share into the history; fed in
    /// several large chunks (the shares reused each time), with exact repeats in both halves,
    /// every record must arrive once, strings intact, and each repeat be counted as a duplicate.
    @Test func chunkedFeedKeepsEveryRecordAndCountsRepeats() throws {
        var lines = Self.lines()
        lines += lines[0..<1500]  // a file concatenated partly twice
        lines[3700] = lines[10]  // and a repeat inside the second half of the first chunks
        let bytes = Self.text(lines)
        var reader = HistoryReader(path: "h")
        var start = 0
        let step = HistoryReader.parallelBytes + 12_345
        while start < bytes.count {
            let end = min(bytes.count, start + step)
            let used = try bytes.withUnsafeBufferPointer { (b) throws(InputError) -> Int in
                try reader.consume(UnsafeBufferPointer(rebasing: b[start..<end]))
            }
            #expect(used > 0)
            start += used
        }
        var parser = HistoryLineParser()
        var expected = History()
        for l in lines where l != "  " { _ = try expected.add(try parser.parse(l, line: 1)) }
        #expect(reader.history.reviews == expected.reviews)
        #expect(reader.history.duplicates == expected.duplicates)
        #expect(reader.history.duplicates == 1500 - 3 + 1)  // three of the first 1,500 lines are blank
        #expect(reader.history.reviews.allSatisfy { $0.deck == "http-all-en" && $0.card.hasPrefix("http/") })
    }
}
