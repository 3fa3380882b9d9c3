import FSRS

/// A study sheet to read or print: one section per deck, the cards grouped by status class
/// (1xx … 5xx, then the rest), each card as a list item with its answer and explanation.
/// The cards of one code share one explanation; a sheet prints it once, under the first of them,
/// instead of four times (it made the full sheet 216 KB).
public enum MarkdownEncoder {
    /// RFC 9110 §15's names for the classes.
    static let classNames = [
        1: "Informational", 2: "Successful", 3: "Redirection", 4: "Client Error", 5: "Server Error",
    ]

    public static func encode(_ decks: [ExportDeck], exportedAt: Instant) -> String {
        var sections: [String] = []
        for deck in decks {
            var out = "# \(escape(deck.name))\n\n"
            let count = deck.notes.count
            out += "StatusDeck study sheet, \(count) card\(count == 1 ? "" : "s"), exported \(Timestamp.date(exportedAt)).\n"
            // Classes in order; cards keep their deck order inside a class.
            let classes = Set(deck.notes.map { $0.statusClass ?? Int.max }).sorted()
            var explained: Set<String> = []
            for statusClass in classes {
                let notes = deck.notes.filter { ($0.statusClass ?? Int.max) == statusClass }
                if statusClass == Int.max {
                    out += "\n## Other\n\n"
                } else {
                    let name = classNames[statusClass].map { " \($0)" } ?? ""
                    out += "\n## \(statusClass)xx\(name)\n\n"
                }
                for note in notes {
                    out += item(note, explain: explained.insert(note.extra).inserted)
                }
            }
            sections.append(out)
        }
        return sections.joined(separator: "\n")
    }

    private static func item(_ note: ExportNote, explain: Bool) -> String {
        var out = "- **\(escape(oneLine(note.front)))**: \(escape(oneLine(note.back)))\n"
        guard explain else { return out }
        for line in note.extra.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            out += "  \(escapeLineStart(escape(String(line))))\n"
        }
        return out
    }

    private static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Backslash before every character Markdown could read as markup, so card text shows as typed.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]<>#|~".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// An explanation line starting like a list item or a quote would nest one; escape its start.
    private static func escapeLineStart(_ s: String) -> String {
        if let first = s.first, "-+>".contains(first) { return "\\" + s }
        if let dot = s.firstIndex(where: { !$0.isNumber }), dot != s.startIndex,
            s[dot] == "." || s[dot] == ")"
        {
            return s[..<dot] + "\\" + s[dot...]
        }
        return s
    }
}
