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
