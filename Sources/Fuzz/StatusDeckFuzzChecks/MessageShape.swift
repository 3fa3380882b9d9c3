/// The shape every bad-input message must have, whatever bytes caused it.
///
/// Messages quote what was found; quoting raw bytes would let a file break the one-line rule or
/// put escape sequences on the user's terminal, so both are properties every fuzz target checks.
public enum MessageShape {
    /// Scalars that end a line on some terminal or in some tool.
    static func isLineBreak(_ v: UInt32) -> Bool {
        v == 0x0A || v == 0x0B || v == 0x0C || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    /// Scalars a terminal obeys rather than shows, or that reorder or hide text.
    static func isHostile(_ v: UInt32) -> Bool {
        (0x00...0x1F).contains(v) || (0x7F...0x9F).contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// Nil when `message` is one line with nothing a terminal would obey; else what is wrong.
    public static func violation(in message: String, from source: String) -> PropertyViolation? {
        if message.isEmpty {
            return PropertyViolation("message", "\(source) gave an empty error message")
        }
        for scalar in message.unicodeScalars {
            if isLineBreak(scalar.value) {
                return PropertyViolation("one line", "\(source) error has a line break U+\(hex(scalar.value)): \(visible(message))")
            }
            if isHostile(scalar.value) {
                return PropertyViolation("no raw control characters", "\(source) error has U+\(hex(scalar.value)): \(visible(message))")
            }
        }
        return nil
    }

    /// `s` with every hostile or line-breaking scalar written as `\u{…}`, for reports.
    public static func visible(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if isHostile(scalar.value) || isLineBreak(scalar.value) {
                out += "\\u{\(hex(scalar.value))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.count > 300 ? String(out.prefix(300)) + "…" : out
    }

    static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
