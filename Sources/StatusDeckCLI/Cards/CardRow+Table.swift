import StatusDeckHistory

extension CardRow {
    /// The listing for people: aligned columns, ids made safe for the terminal.
    static func table(_ rows: [CardRow]) -> String {
        let header = ["CARD", "DECK", "STATE", "STEP", "STABILITY", "DIFFICULTY", "RECALL", "DUE", "LAST REVIEW", "REPS", "LAPSES", "FLAGS"]
        var cells = [header]
        for r in rows {
            cells.append([
                Report.clean(r.id), Report.clean(r.deck ?? "-"), r.state, r.step.map(String.init) ?? "-",
                r.stability.map { fixed($0, 2) } ?? "-", r.difficulty.map { fixed($0, 2) } ?? "-",
                r.retrievability.map { fixed($0, 3) } ?? "-", r.due.map(RFC3339.format) ?? "-",
                r.lastReview.map(RFC3339.format) ?? "-", String(r.reps), String(r.lapses), r.flags,
            ])
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.unicodeScalars.count) } }
        return cells.map { row in
            row.enumerated().map { i, c in
                i == row.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.unicodeScalars.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
