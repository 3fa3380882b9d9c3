/// Makes deck and card text safe and measurable on a terminal.
///
/// A private stand-in for `TerminalText` (owned by the quiz work, not on main when stats was
/// written): card ids and deck names come from user files, and an escape sequence in one must not
/// reach the terminal. Replace with `TerminalText.sanitize` / `width` / `truncate` once merged.
enum StatsText {
    /// Control, format (bidi overrides, zero-width), separator, private and unassigned scalars
    /// become U+FFFD, so they are visible instead of acting on the terminal.
    static func sanitize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                out.append("\u{FFFD}")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Terminal columns: East Asian wide characters take two, combining marks none.
    static func width(_ s: String) -> Int {
        var total = 0
        for scalar in s.unicodeScalars { total += width(of: scalar) }
        return total
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        for range in wide where range.contains(v) { return 2 }
        return 1
    }

    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    /// At most `columns` columns, ending in "…" when something was cut.
    static func truncate(_ s: String, to columns: Int) -> String {
        guard width(s) > columns else { return s }
        var out = ""
        var used = 0
        for character in s {
            let w = width(String(character))
            if used + w > columns - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}
