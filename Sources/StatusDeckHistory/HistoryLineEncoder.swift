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

    /// JSON string with the escapes JSON requires; other text, CJK included, stays as UTF-8.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case 0x0a: out.append(contentsOf: [92, 110])
            case 0x0d: out.append(contentsOf: [92, 114])
            case 0x09: out.append(contentsOf: [92, 116])
            case 0..<0x20, 0x7f:
                out.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 0xf)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
