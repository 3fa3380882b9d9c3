/// JSON strings as StatusDeck writes them everywhere: the history file, `stats --json`, `cards
/// --json` and the JSON export.
///
/// One rule, so no output escapes less than another: `"` `\` and newline, return and tab get
/// their short escapes; every other character a terminal or a reader could trip on is written as
/// `\uXXXX`: C0 controls, DEL, C1 controls, the line and paragraph separators and other Unicode
/// format characters (bidi overrides, zero-width marks), with a UTF-16 surrogate pair above
/// U+FFFF. Everything else, CJK included, is plain UTF-8.
public enum JSONString {
    /// Appends `s`, quoted and escaped, to `out` as UTF-8.
    public static func append(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += [0x5C, 0x22]
            case "\\": out += [0x5C, 0x5C]
            case "\n": out += [0x5C, 0x6E]
            case "\r": out += [0x5C, 0x72]
            case "\t": out += [0x5C, 0x74]
            default:
                if needsEscape(scalar) {
                    if scalar.value > 0xFFFF {
                        let v = scalar.value - 0x1_0000
                        appendUnit(UInt16(0xD800 + (v >> 10)), to: &out)
                        appendUnit(UInt16(0xDC00 + (v & 0x3FF)), to: &out)
                    } else {
                        appendUnit(UInt16(scalar.value), to: &out)
                    }
                } else {
                    out += String(scalar).utf8
                }
            }
        }
        out.append(0x22)
    }

    /// `s` quoted and escaped.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 { return true }
        return v >= 0xA0 && scalar.properties.generalCategory == .format
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func appendUnit(_ unit: UInt16, to out: inout [UInt8]) {
        out += [0x5C, 0x75, hex[Int(unit >> 12)], hex[Int(unit >> 8 & 0xF)], hex[Int(unit >> 4 & 0xF)], hex[Int(unit & 0xF)]]
    }
}
