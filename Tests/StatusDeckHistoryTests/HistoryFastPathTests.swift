import FSRS
import Testing

@testable import StatusDeckHistory

/// The loader reads canonical lines at fixed offsets and hands anything else to the general
/// parser. Both must give the same record, or the same error, for every line.
@Suite struct HistoryFastPathTests {
    static let cards = [
        "http/404/code-to-meaning", "a", "卡片/418", "quote\"in", "back\\slash", "tab\there",
        "ctl\u{1}x", "del\u{7f}", "emoji 🧪", "slash/escaped",
    ]
    static let decks: [String?] = [nil, "http-all-en", "http-everyday-zh", "", "d\"q", "中文"]

    static func record(_ rng: inout SplitMix64) -> HistoryRecord {
        let id = EventID.random(using: &rng)
        // Half on a few days, so the parser's same-day shortcut is taken, half anywhere.
        let at =
            Bool.random(using: &rng)
            ? Instant(milliseconds: Int64.random(in: 20_000...20_003, using: &rng) * 86_400_000 + Int64.random(in: 0..<86_400_000, using: &rng))
            : Instant(milliseconds: Int64.random(in: -62_167_219_200_000...253_402_300_799_999, using: &rng))
        if Int.random(in: 0..<8, using: &rng) == 0 {
            return .undo(UndoEvent(id: id, target: EventID.random(using: &rng), at: at))
        }
        return .review(
            ReviewEvent(
                id: id, card: cards.randomElement(using: &rng) ?? "a", at: at,
                rating: Rating(rawValue: Int.random(in: 1...4, using: &rng)) ?? .good,
                deck: decks.randomElement(using: &rng) ?? nil,
                mode: [nil, "flip", "type", "choice"].randomElement(using: &rng) ?? nil,
                answerMilliseconds: Bool.random(using: &rng) ? Int.random(in: 0...5_000_000_000, using: &rng) : nil,
                correct: [nil, true, false].randomElement(using: &rng) ?? nil))
    }

    /// The canonical line, or the same object written another way, or with one byte broken.
    static func variant(of line: String, _ rng: inout SplitMix64) -> String {
        var bytes = Array(line.utf8)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0...2:
            return line
        case 3:  // keys in another order
            let body = String(line.dropFirst().dropLast())
            let fields = splitFields(body).shuffled(using: &rng)
            return "{" + fields.joined(separator: ",") + "}"
        case 4:  // whitespace around tokens
            return line.replacingOccurrences(",", with: " ,\t").replacingOccurrences(":", with: " : ")
                .replacingOccurrences("{", with: " { ")
        case 5:  // uppercase hex ids, escaped slashes, \u escapes
            return line.replacingOccurrences("a\"", with: "A\"").replacingOccurrences("/", with: "\\/")
                .replacingOccurrences("http", with: "\\u0068ttp")
        case 6:  // fewer or more fraction digits, an offset
            return line.replacingOccurrences("Z\"", with: "+00:00\"")
        case 7:  // nulls for absent optional keys
            return line.hasSuffix("}") && line.contains("\"card\"") ? String(line.dropLast()) + ",\"deck\":null}" : line
        default:  // one byte changed, removed or duplicated
            guard !bytes.isEmpty else { return line }
            let k = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: bytes[k] = [0x22, 0x5c, 0x7d, 0x2c, 0x30, 0x61, 0x47, 0x20, 0x80, 0x00].randomElement(using: &rng) ?? 0
            case 1: bytes.remove(at: k)
            default: bytes.insert(bytes[k], at: k)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Top-level `"key":value` pieces of a canonical line (its strings never hold a bare comma
    /// outside quotes, but may hold escaped quotes).
    static func splitFields(_ body: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var inString = false
        var escaped = false
        for ch in body {
            if inString {
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
            } else if ch == "\"" {
                inString = true
            } else if ch == "," {
                fields.append(current)
                current = ""
                continue
            }
            current.append(ch)
        }
        fields.append(current)
        return fields
    }

    static func outcome(_ run: () throws(InputError) -> HistoryRecord) -> String {
        do { return "\(try run())" } catch { return "error: \(error.description)" }
    }

    @Test func fastPathEqualsGeneralParserOnManyLines() {
        var rng = SplitMix64(seed: 2026)
        var fast = HistoryLineParser()
        var general = HistoryLineParser()
        var fastHits = 0
        for n in 0..<20_000 {
            let line = Self.variant(of: HistoryLineEncoder.line(Self.record(&rng)), &rng)
            var bytes = Array(line.utf8)
            let count = bytes.count
            bytes.withUnsafeMutableBufferPointer { m in
                let b = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(m)[0..<count])
                let a = Self.outcome { () throws(InputError) in try fast.parse(b, line: n + 1) }
                let g = Self.outcome { () throws(InputError) in try general.parseGeneral(b, line: n + 1) }
                #expect(a == g, "line \(n + 1): \(line)")
                if let quick = fast.parseCanonical(b) {
                    fastHits += 1
                    #expect(quick == (try? general.parseGeneral(b, line: 1)))
                }
            }
        }
        // The generator must exercise both paths, or the comparison proves little.
        #expect(fastHits > 2_000)
        #expect(fastHits < 18_000)
    }

    /// Times checked after a line of the same day, when only the time is read.
    @Test func sameDayTimesAreCheckedLikeAnyOther() {
        let times = [
            "23:59:59.999Z", "00:00:00.000z", "24:00:00.000Z", "23:60:00.000Z", "23:59:60.000Z",
            "2x:00:00.000Z", "10:00:00.00xZ", "10:00:00,000Z", "10-00:00.000Z", "10:00:00.000X",
        ]
        for t in ["T", "t", " "] {
            for time in times {
                var fast = HistoryLineParser()
                var general = HistoryLineParser()
                let first = #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"c","at":"2026-11-22T10:00:00.000Z","rating":3}"#
                let line = #"{"v":1,"id":"0123456789abcdef0123456789abcdee","card":"c","at":"2026-11-22"# + t + time + #"","rating":3}"#
                _ = try? fast.parse(first, line: 1)
                let a = Self.outcome { () throws(InputError) in try fast.parse(line, line: 2) }
                var bytes = Array(line.utf8)
                let count = bytes.count
                let g = bytes.withUnsafeMutableBufferPointer { m in
                    Self.outcome { () throws(InputError) in try general.parseGeneral(UnsafeBufferPointer(rebasing: UnsafeBufferPointer(m)[0..<count]), line: 2)
                    }
                }
                #expect(a == g, "\(line)")
            }
        }
    }

    /// Every byte at every position of an id, against the one-digit-at-a-time reading.
    @Test func hexWordAcceptsExactlyHexDigits() {
        let good = Array("0123456789abcdefABCDEF0123456789".utf8)
        for position in 0..<32 {
            for byte in 0...255 {
                var text = good
                text[position] = UInt8(byte)
                let id = text.withUnsafeBufferPointer { EventID(hex: $0) }
                let valid = EventID.nibble(UInt8(byte)) != nil
                #expect((id != nil) == valid, "byte \(byte) at \(position)")
                if let id {
                    var high: UInt64 = 0, low: UInt64 = 0
                    for (i, b) in text.enumerated() {
                        let v = UInt64(EventID.nibble(b) ?? 0)
                        if i < 16 { high = high << 4 | v } else { low = low << 4 | v }
                    }
                    #expect(id == EventID(high: high, low: low))
                }
            }
        }
    }

    /// The answer time's digits read a word at a time, against the digit-by-digit reading: every
    /// length from none to eight digits, followed by every byte value, then random words.
    @Test func shortNumberReadsExactlyTheLeadingDigits() {
        func expected(_ bytes: [UInt8]) -> (Int, Int)? {
            let count = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            guard count < 8 else { return nil }
            return (bytes.prefix(count).reduce(0) { $0 * 10 + Int($1 - 0x30) }, count)
        }
        func check(_ bytes: [UInt8]) {
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
            let got = HistoryLineParser.shortNumber(word)
            let want = expected(bytes)
            #expect(got?.0 == want?.0 && got?.1 == want?.1, "\(bytes)")
        }
        var rng = SplitMix64(seed: 7)
        for length in 0...8 {
            for stop in 0...255 {
                var bytes = (0..<length).map { _ in UInt8.random(in: 0x30...0x39, using: &rng) }
                if length < 8 { bytes.append(UInt8(stop)) }
                while bytes.count < 8 { bytes.append(UInt8.random(in: 0...255, using: &rng)) }
                check(bytes)
            }
        }
        check(Array("9999999,".utf8))
        check(Array("0000000}".utf8))
        for _ in 0..<100_000 {
            let edges: [UInt8] = [0x00, 0x2f, 0x30, 0x39, 0x3a, 0x7f, 0x80, 0xa9, 0xb0, 0xb9, 0xff]
            check(
                (0..<8).map { _ in
                    Int.random(in: 0..<3, using: &rng) == 0
                        ? edges.randomElement(using: &rng) ?? 0 : UInt8.random(in: 0x30...0x39, using: &rng)
                })
        }
    }

    /// The plain-string scan ends at the lowest flagged byte of a word, so that flag must be the
    /// first byte that is `"`, `\\`, a control or non-ASCII, whatever the bytes above it: every
    /// byte value at every position over plain bytes, then random words.
    @Test func lowestPlainStopIsTheFirstByteThatIsNotPlain() {
        func firstStop(_ bytes: [UInt8]) -> Int? {
            bytes.firstIndex { $0 == 0x22 || $0 == 0x5c || $0 < 0x20 || $0 >= 0x80 }
        }
        func check(_ bytes: [UInt8]) {
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
            let stops = HistoryLineParser.plainStops(word)
            let found = stops == 0 ? nil : stops.trailingZeroBitCount >> 3
            #expect(found == firstStop(bytes), "\(bytes)")
        }
        let plain = Array("abcdefgh".utf8)
        for position in 0..<8 {
            for byte in 0...255 {
                var bytes = plain
                bytes[position] = UInt8(byte)
                check(bytes)
            }
        }
        var rng = SplitMix64(seed: 18)
        for _ in 0..<100_000 {
            // Bytes near the edges (0x1f/0x20, 0x22, 0x5c, 0x7f/0x80) are where a borrow would show.
            let edges: [UInt8] = [0x00, 0x01, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x5b, 0x5c, 0x5d, 0x7f, 0x80, 0x81, 0xff]
            check(
                (0..<8).map { _ in
                    Bool.random(using: &rng) ? edges.randomElement(using: &rng) ?? 0 : UInt8.random(in: 0...255, using: &rng)
                })
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
