import FSRS

/// Writes history lines in the canonical form: fields in a fixed order, UTC milliseconds, `\n`.
///
/// A fixed order keeps files diffable and lets the parser's common case stay fast.
public enum HistoryLineEncoder {
    /// The whole line, newline included: the unit that one `write(2)` commits.
    public static func encode(_ record: HistoryRecord) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(192)
        switch record {
        case .review(let e):
            out.append(contentsOf: #"{"v":1,"id":""#.utf8)
            appendID(e.id, to: &out)
            out.append(contentsOf: #"","card":"#.utf8)
            appendString(e.card, to: &out)
            out.append(contentsOf: #","at":""#.utf8)
            appendInstant(e.at, to: &out)
            out.append(contentsOf: #"","rating":"#.utf8)
            out.append(UInt8(48 + e.rating.rawValue))
            if let deck = e.deck {
                out.append(contentsOf: #","deck":"#.utf8)
                appendString(deck, to: &out)
            }
            if let mode = e.mode {
                out.append(contentsOf: #","mode":"#.utf8)
                appendString(mode, to: &out)
            }
            if let ms = e.answerMilliseconds {
                out.append(contentsOf: #","ms":"#.utf8)
                out.append(contentsOf: String(ms).utf8)
            }
            if let correct = e.correct {
                out.append(contentsOf: (correct ? #","correct":true"# : #","correct":false"#).utf8)
            }
        case .undo(let u):
            out.append(contentsOf: #"{"v":1,"id":""#.utf8)
            appendID(u.id, to: &out)
            out.append(contentsOf: #"","undo":""#.utf8)
            appendID(u.target, to: &out)
            out.append(contentsOf: #"","at":""#.utf8)
            appendInstant(u.at, to: &out)
            out.append(UInt8(ascii: "\""))
        case .mark(let m):
            out.append(contentsOf: #"{"v":1,"id":""#.utf8)
            appendID(m.id, to: &out)
            out.append(contentsOf: #"","card":"#.utf8)
            appendString(m.card, to: &out)
            out.append(contentsOf: #","at":""#.utf8)
            appendInstant(m.at, to: &out)
            out.append(contentsOf: #"","mark":""#.utf8)
            out.append(contentsOf: m.mark.rawValue.utf8)
            out.append(UInt8(ascii: "\""))
        case .setting(let s):
            out.append(contentsOf: #"{"v":1,"id":""#.utf8)
            appendID(s.id, to: &out)
            out.append(contentsOf: #"","at":""#.utf8)
            appendInstant(s.at, to: &out)
            out.append(contentsOf: #"","setting":"#.utf8)
            appendString(s.key, to: &out)
            out.append(contentsOf: #","value":"#.utf8)
            appendString(s.value, to: &out)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    public static func line(_ record: HistoryRecord) -> String {
        String(decoding: encode(record).dropLast(), as: UTF8.self)
    }

    static func appendID(_ id: EventID, to out: inout [UInt8]) {
        out.append(contentsOf: id.description.utf8)
    }

    static func appendInstant(_ at: Instant, to out: inout [UInt8]) {
        out.append(contentsOf: RFC3339.format(at).utf8)
    }

    /// The one JSON string rule (`JSONString`).
    static func appendString(_ s: String, to out: inout [UInt8]) { JSONString.append(s, to: &out) }
}

/// Review lines written straight from a history's packed reviews, byte for byte what
/// `HistoryLineEncoder.encode(.review(history.reviews[k]))` writes, without making the
/// `ReviewEvent` (two Strings) or the line's many small arrays: each card and deck name is
/// quoted once, and a line is put together in one scratch buffer and appended in one step.
/// A first sync writes every event of the folder into the history, or every event of the
/// history into this machine's file: a million lines, where `encode` spent microseconds each.
public struct ReviewLineWriter {
    private let history: History
    private var cards: [[UInt8]?]
    private var decks: [[UInt8]?]
    private var scratch: [UInt8] = []
    /// The day of the last line written and its `YYYY-MM-DDT` (as bytes 0–7 and 7–10).
    private var lastDay: (number: Int64, text: (UInt64, UInt32)) = (.min, (0, 0))

    public init(_ history: History) {
        self.history = history
        cards = Array(repeating: nil, count: history.cardTable.count)
        decks = Array(repeating: nil, count: history.deckTable.count)
    }

    /// Appends the line of `history.packed[k]`, newline included, to `out`.
    public mutating func append(reviewAt k: Int, to out: inout [UInt8]) {
        let n = write(reviewAt: k)
        scratch.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
    }

    /// Writes the line of `history.packed[k]`, newline included, at the start of `scratch`;
    /// returns its length.
    private mutating func write(reviewAt k: Int) -> Int {
        let p = history.packed[k]
        let card = quoted(card: Int(p.card))
        let deck = p.deck == 0 ? nil : quoted(deck: Int(p.deck) - 1)
        let needed = 192 + card.count + (deck?.count ?? 0)
        if scratch.count < needed { scratch = [UInt8](repeating: 0, count: needed * 2) }
        let n = scratch.withUnsafeMutableBufferPointer { b -> Int in
            var i = 0
            @inline(__always) func put(_ s: StaticString) {
                UnsafeMutableRawPointer(b.baseAddress! + i).copyMemory(from: s.utf8Start, byteCount: s.utf8CodeUnitCount)
                i += s.utf8CodeUnitCount
            }
            @inline(__always) func put(_ bytes: [UInt8]) {
                bytes.withUnsafeBytes { UnsafeMutableRawPointer(b.baseAddress! + i).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                i += bytes.count
            }
            @inline(__always) func hex(_ v: UInt64) {
                let digits: StaticString = "0123456789abcdef"
                for d in 0..<16 { b[i + d] = digits.utf8Start[Int((v >> UInt64(60 - 4 * d)) & 0xF)] }
                i += 16
            }
            put(#"{"v":1,"id":""#)
            hex(p.id.high)
            hex(p.id.low)
            put(#"","card":"#)
            put(card)
            put(#","at":""#)
            // The date is worked out once a day (a file's lines mostly share the day of the line
            // before), the clock every line, as `RFC3339.write` writes them.
            let ms = min(max(p.at, RFC3339.minMilliseconds), RFC3339.maxMilliseconds)
            let (day, msOfDay) = RFC3339.floorDivide(ms, 86_400_000)
            let raw = UnsafeMutableRawPointer(b.baseAddress! + i)
            if day == lastDay.number {
                raw.storeBytes(of: lastDay.text.0, as: UInt64.self)
                raw.storeBytes(of: lastDay.text.1, toByteOffset: 7, as: UInt32.self)
                RFC3339.writeClock(msOfDay, into: b, at: i)
            } else {
                RFC3339.write(Instant(milliseconds: p.at), into: b, at: i)
                lastDay = (day, (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 7, as: UInt32.self)))
            }
            i += 24
            put(#"","rating":"#)
            b[i] = UInt8(48 + p.ratingValue.rawValue)
            i += 1
            if let deck {
                put(#","deck":"#)
                put(deck)
            }
            switch p.storedMode {
            case 1: put(#","mode":"flip""#)
            case 2: put(#","mode":"type""#)
            case 3: put(#","mode":"choice""#)
            default: break
            }
            if p.milliseconds != ReviewEvent.noMilliseconds {
                put(#","ms":"#)
                var v = p.milliseconds, width = 1
                while v >= 10 {
                    v /= 10
                    width += 1
                }
                v = p.milliseconds
                for d in stride(from: width - 1, through: 0, by: -1) {
                    b[i + d] = UInt8(48 + v % 10)
                    v /= 10
                }
                i += width
            }
            switch p.correct {
            case true?: put(#","correct":true"#)
            case false?: put(#","correct":false"#)
            case nil: break
            }
            put("}\n")
            return i
        }
        return n
    }

    private mutating func quoted(card k: Int) -> [UInt8] { Self.quoted(k, of: history.cardTable, cache: &cards) }

    private mutating func quoted(deck k: Int) -> [UInt8] { Self.quoted(k, of: history.deckTable, cache: &decks) }

    /// Name `k` of `table` as a JSON string, quoted once and kept in `cache`.
    private static func quoted(_ k: Int, of table: StringInterner, cache: inout [[UInt8]?]) -> [UInt8] {
        if let q = cache[k] { return q }
        var q: [UInt8] = []
        JSONString.append(table.string(at: k), to: &q)
        cache[k] = q
        return q
    }
}
