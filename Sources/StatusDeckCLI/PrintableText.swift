import StatusDeckCore

/// Makes user-supplied text safe and measurable on a terminal.
///
/// Deck files are user input, and a control character or escape sequence in a deck name must not
/// reach the terminal as such. Sanitizing goes through the shared `TerminalText` (Core), so every
/// command defuses text the same way as the quiz.
enum PrintableText {
    /// One line for a terminal, through the shared `TerminalText` (Core): escape sequences and
    /// bidi/zero-width controls removed, other control characters shown as U+FFFD.
    static func sanitize(_ s: String) -> String {
        TerminalText.sanitizeLine(s)
    }

    /// Columns a string takes: East Asian wide characters take two, combining marks none.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    /// Cuts `s` to at most `columns` columns, ending in "…" when something was cut.
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

    /// Pads `s` with spaces to `columns` columns.
    static func pad(_ s: String, to columns: Int) -> String {
        s + String(repeating: " ", count: max(0, columns - width(s)))
    }
}
