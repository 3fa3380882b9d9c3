/// The text helpers the stats renderers use, all through the shared `TerminalText`, so stats
/// defuses and measures card ids and deck names exactly as the quiz does.
enum StatsText {
    /// One line, safe for a terminal: escape sequences and bidi/zero-width controls removed,
    /// other control characters shown as U+FFFD.
    static func sanitize(_ s: String) -> String { TerminalText.sanitizeLine(s) }

    /// Terminal columns: East Asian wide characters take two, combining marks none.
    static func width(_ s: String) -> Int { TerminalText.width(s) }

    /// At most `columns` columns, ending in "…" when something was cut.
    static func truncate(_ s: String, to columns: Int) -> String { TerminalText.truncate(s, to: columns) }
}
