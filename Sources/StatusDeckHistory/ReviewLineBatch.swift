import FSRS

/// Many review lines encoded into one buffer, byte for byte as `HistoryLineEncoder` writes them,
/// for a bulk append (import): card and deck ids are JSON-encoded once each rather than once a
/// line, and ids and instants are written in place, so a million lines cost a fraction of a
/// million `encode` calls and their arrays.
public struct ReviewLineBatch {
    public private(set) var bytes: [UInt8] = []
    public private(set) var lines = 0
    private var strings: [String: [UInt8]] = [:]

    public init(reservingLines count: Int = 0) {
        bytes.reserveCapacity(count * 170)
    }

    public mutating func append(_ e: ReviewEvent) {
        bytes.append(contentsOf: #"{"v":1,"id":""#.utf8)
        var hex = [UInt8](repeating: 0, count: 32)
        EventID.writeHex(e.id.high, into: &hex, at: 0)
        EventID.writeHex(e.id.low, into: &hex, at: 16)
        bytes.append(contentsOf: hex)
        bytes.append(contentsOf: #"","card":"#.utf8)
        bytes.append(contentsOf: json(e.card))
        bytes.append(contentsOf: #","at":""#.utf8)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            RFC3339.write(e.at, into: buffer, at: 0)
            bytes.append(contentsOf: buffer)
        }
        bytes.append(contentsOf: #"","rating":"#.utf8)
        bytes.append(UInt8(48 + e.rating.rawValue))
        if let deck = e.deck {
            bytes.append(contentsOf: #","deck":"#.utf8)
            bytes.append(contentsOf: json(deck))
        }
        if let mode = e.mode {
            bytes.append(contentsOf: #","mode":"#.utf8)
            bytes.append(contentsOf: json(mode))
        }
        if let ms = e.answerMilliseconds {
            bytes.append(contentsOf: #","ms":"#.utf8)
            appendDecimal(ms)
        }
        if let correct = e.correct {
            bytes.append(contentsOf: (correct ? #","correct":true"# : #","correct":false"#).utf8)
        }
        bytes.append(contentsOf: "}\n".utf8)
        lines += 1
    }

    private mutating func json(_ s: String) -> [UInt8] {
        if let cached = strings[s] { return cached }
        var out: [UInt8] = []
        JSONString.append(s, to: &out)
        strings[s] = out
        return out
    }

    private mutating func appendDecimal(_ n: Int) {
        guard n > 0 else {
            bytes.append(contentsOf: String(n).utf8)
            return
        }
        var digits:
            (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n
        withUnsafeMutableBytes(of: &digits) { raw in
            while v > 0 {
                raw[19 - count] = UInt8(48 + v % 10)
                v /= 10
                count += 1
            }
            bytes.append(contentsOf: raw[(20 - count)...])
        }
    }
}
