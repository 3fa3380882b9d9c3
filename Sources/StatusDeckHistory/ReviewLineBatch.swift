import FSRS

/// Many review lines encoded into one buffer, byte for byte as `HistoryLineEncoder` writes them,
/// for a bulk append (import). Each line is assembled in a scratch buffer and appended once; the
/// card, deck and mode are JSON-encoded only when they differ from the line before (an import
/// gives a card's answers together), so a million lines cost a fraction of a million `encode`
/// calls and their arrays.
public struct ReviewLineBatch {
    public private(set) var bytes: [UInt8] = []
    public private(set) var lines = 0
    private var card = Cached()
    private var deck = Cached()
    private var mode = Cached()

    /// A string and its JSON form, for the last value seen.
    private struct Cached {
        var text: String?
        var json: [UInt8] = []

        mutating func encoded(_ s: String) -> [UInt8] {
            if s != text {
                text = s
                json.removeAll(keepingCapacity: true)
                JSONString.append(s, to: &json)
            }
            return json
        }
    }

    /// Room for `count` lines of about `lineBytes` each, so the buffer is not regrown (and, for a
    /// million lines, briefly held twice) while it fills.
    public init(reservingLines count: Int = 0, lineBytes: Int = 170) {
        bytes.reserveCapacity(count * lineBytes)
    }

    public mutating func append(_ e: ReviewEvent) {
        let cardJSON = card.encoded(e.card)
        let deckJSON = e.deck.map { deck.encoded($0) }
        let modeJSON = e.mode.map { mode.encoded($0) }
        let capacity = 160 + cardJSON.count + (deckJSON?.count ?? 0) + (modeJSON?.count ?? 0)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            guard let base = buffer.baseAddress else { return }
            var w = Writer(p: base)
            w.put(#"{"v":1,"id":""#)
            w.hex(e.id.high)
            w.hex(e.id.low)
            w.put(#"","card":"#)
            w.put(cardJSON)
            w.put(#","at":""#)
            RFC3339.write(e.at, into: buffer, at: w.p - base)
            w.p += 24
            w.put(#"","rating":"#)
            w.byte(UInt8(48 + e.rating.rawValue))
            if let deckJSON {
                w.put(#","deck":"#)
                w.put(deckJSON)
            }
            if let modeJSON {
                w.put(#","mode":"#)
                w.put(modeJSON)
            }
            if let ms = e.answerMilliseconds {
                w.put(#","ms":"#)
                w.decimal(ms)
            }
            if let correct = e.correct {
                w.put(correct ? #","correct":true"# : #","correct":false"#)
            }
            w.put("}\n")
            bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: w.p - base))
        }
        lines += 1
    }

    /// Writes into the scratch buffer; the caller sized it for the whole line.
    private struct Writer {
        var p: UnsafeMutablePointer<UInt8>

        mutating func byte(_ b: UInt8) {
            p.pointee = b
            p += 1
        }

        mutating func put(_ s: StaticString) {
            p.update(from: s.utf8Start, count: s.utf8CodeUnitCount)
            p += s.utf8CodeUnitCount
        }

        mutating func put(_ a: [UInt8]) {
            a.withUnsafeBufferPointer { src in
                if let from = src.baseAddress { p.update(from: from, count: src.count) }
            }
            p += a.count
        }

        mutating func hex(_ value: UInt64) {
            for i in 0..<16 {
                let v = UInt8((value >> UInt64(60 - 4 * i)) & 0xf)
                p[i] = v < 10 ? 48 + v : 87 + v
            }
            p += 16
        }

        mutating func decimal(_ n: Int) {
            guard n > 0 else {
                for b in String(n).utf8 { byte(b) }
                return
            }
            var digits = 0
            var v = n
            while v > 0 {
                digits += 1
                v /= 10
            }
            v = n
            for i in stride(from: digits - 1, through: 0, by: -1) {
                p[i] = UInt8(48 + v % 10)
                v /= 10
            }
            p += digits
        }
    }
}
