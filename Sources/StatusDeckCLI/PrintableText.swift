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
    static func width(_ s: String) -> Int { TerminalText.width(s) }

    /// Cuts `s` to at most `columns` columns, ending in "…" when something was cut.
    static func truncate(_ s: String, to columns: Int) -> String { TerminalText.truncate(s, to: columns) }

    /// Pads `s` with spaces to `columns` columns.
    static func pad(_ s: String, to columns: Int) -> String {
        s + String(repeating: " ", count: max(0, columns - width(s)))
    }
}
