import FSRS
import Testing

@testable import StatusDeckHistory

/// `history check`'s judge: every bad line, by the loader's own rules.
@Suite struct HistoryLineCheckTests {
    static let t0 = Instant(milliseconds: 1_795_341_600_000)

    static func line(_ n: UInt64, rating: Rating = .good) -> String {
        String(
            decoding: HistoryLineEncoder.encode(
                .review(
                    ReviewEvent(
                        id: EventID(high: 9, low: n), card: "c\(n % 3)", at: Instant(milliseconds: t0.milliseconds + Int64(n) * 1000),
                        rating: rating))), as: UTF8.self)
    }

    static func check(_ text: String) -> HistoryLineCheck {
        Array(text.utf8).withUnsafeBufferPointer { HistoryLineCheck($0, path: "h.jsonl") }
    }

    @Test func aGoodFileHasNoBadLines() {
        let text = (1...5).map { Self.line($0) }.joined()
        let c = Self.check(text)
        #expect(c.bad.isEmpty)
        #expect(c.lines == 5)
        #expect(c.tornTail == 0)
    }

    @Test func everyBadLineIsListedWithTheLoadersMessage() throws {
        let text = Self.line(1) + "<<<<<<< HEAD\n" + Self.line(2) + "{\"v\":1}\n" + "\n" + Self.line(3)
        let c = Self.check(text)
        #expect(c.bad.map(\.line) == [2, 4, 5])
        #expect(c.lines == 6)
        // The first one is exactly what loading the file reports.
        var loadError: InputError?
        do { _ = try HistoryReader.read(Array(text.utf8), path: "h.jsonl") } catch { loadError = error }
        #expect(c.bad.first?.error == loadError)
        #expect(c.bad.first?.error.description == "h.jsonl:2: `<<<<<<< HEAD`; expected a JSON object `{...}` per line")
    }

    @Test func aRepeatedIDWithOtherContentIsBadWhereItRepeats() {
        let first = Self.line(1, rating: .good)
        let clash = Self.line(1, rating: .again)
        let c = Self.check(first + Self.line(2) + clash + first)
        // The same line twice is a harmless duplicate; the same id with other content is not.
        #expect(c.bad.map(\.line) == [3])
        #expect(c.bad.first?.error.found.contains("again with different content") == true)
    }

    @Test func keptAndRejectedPartitionTheBytes() {
        let text = Self.line(1) + "junk 1\n" + Self.line(2) + "junk 2\n" + "{\"v\":1,\"id\":\"to"
        let bytes = Array(text.utf8)
        let c = Self.check(text)
        #expect(c.tornTail == "{\"v\":1,\"id\":\"to".utf8.count)
        let kept = bytes.withUnsafeBufferPointer { HistoryLineCheck.kept($0, without: c.bad) }
        let rejected = bytes.withUnsafeBufferPointer { HistoryLineCheck.rejected($0, c.bad) }
        #expect(String(decoding: kept, as: UTF8.self) == Self.line(1) + Self.line(2) + "{\"v\":1,\"id\":\"to")
        #expect(String(decoding: rejected, as: UTF8.self) == "junk 1\njunk 2\n")
        // What is kept loads, with every good line.
        let reloaded = try? HistoryReader.read(kept, path: "h.jsonl")
        #expect(reloaded?.0.count == 2)
        #expect(kept.withUnsafeBufferPointer { HistoryLineCheck($0, path: "h").bad.isEmpty })
    }
}
