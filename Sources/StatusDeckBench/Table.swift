/// Prints rows as a Markdown table, so the same text reads in a terminal and pastes into the README.
enum Table {
    static func render(header: [String], rows: [[String]]) -> String {
        var widths = header.map(displayWidth)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, w) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                parts.append(cell + String(repeating: " ", count: w - displayWidth(cell)))
            }
            return "| " + parts.joined(separator: " | ") + " |"
        }
        var out = line(header) + "\n"
        out += "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    /// Every character the table holds (ASCII, µ, ≤, ≥, ×, —) is one column wide.
    static func displayWidth(_ s: String) -> Int { s.unicodeScalars.count }
}
