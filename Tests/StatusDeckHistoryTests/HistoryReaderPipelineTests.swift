import FSRS
import Testing

@testable import StatusDeckHistory

/// A large chunk's ids are added to the index while the next chunk is parsed, so a repeated id
/// is found one chunk late (or by `finish()` for the last chunk). The error, and the history,
/// must still be those of one thread reading line by line.
@Suite struct HistoryReaderPipelineTests {
    typealias Lines = HistoryReaderParallelTests

    /// Fed as the store feeds it: parts a little over the split size, the rest carried over.
    static func chunked(_ lines: [String]) -> String {
        let bytes = Lines.text(lines)
        var reader = HistoryReader(path: "h")
        var start = 0
        let step = HistoryReader.parallelBytes + 12_345
        do {
            while start < bytes.count {
                let end = min(bytes.count, start + step)
                start += try bytes.withUnsafeBufferPointer { (b) throws(InputError) -> Int in
                    try reader.consume(UnsafeBufferPointer(rebasing: b[start..<end]))
                }
            }
            let history = try reader.finish()
            return "ok \(history.reviews.count) 0"
        } catch {
            return error.description
        }
    }

    /// 8,000 lines: some five chunks, each split in two.
    static func lines() -> [String] { (1...8000).map { n in n % 500 == 0 ? "  " : Lines.line(n) } }

    static func mark(_ n: Int) -> String {
        HistoryLineEncoder.line(
            .mark(
                CardMarkEvent(
                    id: EventID(high: 7, low: UInt64(n)), card: "http/404/code-to-meaning", at: Instant(milliseconds: 1_795_341_600_000), mark: .suspend)))
    }

    @Test func cleanFeedIsTheSerialHistory() throws {
        let lines = Self.lines()
        #expect(Lines.text(lines).count > HistoryReader.parallelBytes * 5)
        #expect(Self.chunked(lines) == Lines.serial(lines))
        #expect(Self.chunked(lines) == "ok 7984 0")
    }

    @Test(arguments: [
        (1200, 10),  // a repeat in the second chunk of a line in the first: found while the third is parsed
        (7990, 7001),  // in the last chunk: found by finish()
        (2500, 2400),  // in the same chunk
        (4000, 1),  // at a chunk's edge, maybe
    ])
    func repeatedIdWithOtherContentIsReportedAtItsLine(at line: Int, copying original: Int) {
        var lines = Self.lines()
        lines[line - 1] = Lines.line(original, card: "other")
        #expect(Self.chunked(lines) == Lines.serial(lines))
        #expect(Self.chunked(lines).hasPrefix("h:\(line): "))
    }

    @Test func repeatBeforeABadLineInTheNextChunkComesFirst() {
        var lines = Self.lines()
        lines[1499] = Lines.line(20, card: "other")
        lines[2799] = "not json"
        #expect(Self.chunked(lines) == Lines.serial(lines))
        #expect(Self.chunked(lines).hasPrefix("h:1500: "))
    }

    /// A mark read in one chunk, then a review with its id chunks later: the clash is found when
    /// that chunk's ids are indexed, at the review's line.
    @Test func reviewTakingAnEarlierMarksIdIsReported() {
        var lines = Self.lines()
        lines[99] = Self.mark(90_001)
        lines[5999] = Lines.line(90_001)
        #expect(Self.chunked(lines) == Lines.serial(lines))
        #expect(Self.chunked(lines).hasPrefix("h:6000: "))
    }

    /// The same for a setting: a later part's review with the setting's id is caught when that part
    /// is indexed, though the setting's own part was indexed long before.
    @Test func reviewTakingAnEarlierSettingsIdIsReported() {
        var lines = Self.lines()
        lines[99] =
            #"{"v":1,"id":"000000000000000700000000000"# + String(90_001, radix: 16).leftPadded(to: 5)
            + #"","at":"2026-11-22T10:00:00.000Z","setting":"desired_retention","value":"0.85"}"#
        lines[5999] = Lines.line(90_001)
        #expect(Self.chunked(lines) == Lines.serial(lines))
        #expect(Self.chunked(lines).hasPrefix("h:6000: "))
    }

    /// Exact repeats across chunks are duplicates, not errors, and are dropped once.
    @Test func exactRepeatsAcrossChunksAreDuplicates() throws {
        var lines = Self.lines()
        lines += lines[0..<3000]
        let bytes = Lines.text(lines)
        var reader = HistoryReader(path: "h")
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + HistoryReader.parallelBytes + 999)
            start += try bytes.withUnsafeBufferPointer { (b) throws(InputError) -> Int in
                try reader.consume(UnsafeBufferPointer(rebasing: b[start..<end]))
            }
        }
        let history = try reader.finish()
        #expect(history.duplicates == 3000 - 6)  // six of the first 3,000 lines are blank
        #expect(history.reviews.count == 7984)
        #expect(history.contains(EventID(high: 7, low: 7999)) && !history.contains(EventID(high: 7, low: 8000)))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
