/// Text from a file quoted back in an error message.
///
/// Messages are one line and go to a terminal: a quoted value must not add a line, move the
/// cursor, recolour the screen, reorder text or run to megabytes. Characters a terminal would obey
/// or that are invisible (C0/C1 controls, bidi and zero-width marks, line separators) are written
/// as `\u{…}`, which also tells the reader exactly which byte is wrong.
public enum MessageText {
    public static func visible(_ s: some StringProtocol, limit: Int = 200) -> String {
        var out = ""
        var shown = 0
        for character in s {
            if shown == limit { return out + "…" }
            for scalar in character.unicodeScalars {
                if isHidden(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            shown += 1
        }
        return out
    }

    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }
}
