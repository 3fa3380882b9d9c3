import FSRS
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckHistory

extension CardRow {
    /// One column of the listing: its header, its cell for a row, and how much it matters when
    /// the width runs out (lower goes first).
    struct Column {
        var header: String
        var priority: Int
        var cell: (CardRow) -> String
    }

    /// Every column, in the order shown; `wide` gives full instants and precision.
    static func columns(wide: Bool) -> [Column] {
        let instant: (Instant?) -> String = { at in
            guard let at else { return "-" }
            let s = RFC3339.format(at)
            return wide ? s : String(s.prefix(10))
        }
        return [
            Column(header: "CARD", priority: 100) { Report.clean($0.id) },
            Column(header: "DECK", priority: 20) { Report.clean($0.deck ?? "-") },
            Column(header: "STATE", priority: 90) { $0.state },
            Column(header: "STEP", priority: 10) { $0.step.map(String.init) ?? "-" },
            Column(header: wide ? "STABILITY" : "STAB", priority: 80) { r in r.stability.map { fixed($0, wide ? 2 : 1) } ?? "-" },
            Column(header: "DIFFICULTY", priority: 40) { r in r.difficulty.map { fixed($0, wide ? 2 : 1) } ?? "-" },
            Column(header: "RECALL", priority: 75) { r in r.retrievability.map { fixed($0, wide ? 3 : 2) } ?? "-" },
            Column(header: "DUE", priority: 85) { instant($0.due) },
            Column(header: "LAST REVIEW", priority: 15) { instant($0.lastReview) },
            Column(header: "REPS", priority: 30) { String($0.reps) },
            Column(header: "LAPSES", priority: 70) { String($0.lapses) },
            Column(header: "FLAGS", priority: 78) { $0.flags },
        ]
    }

    /// The narrowest the card column gets.
    static let narrowestCard = 16
    /// Columns of this priority or more are never dropped (card, state, due).
    static let keptAlways = 85

    /// The listing for people: aligned columns by display width (CJK counts two), ids made safe
    /// for the terminal. Within `width` columns: the least useful columns are left out first,
    /// then card ids are cut with "…"; `width` nil prints every column in full.
    static func table(_ rows: [CardRow], width: Int? = nil) -> String {
        var columns = columns(wide: width == nil)
        var cells = [columns.map(\.header)] + rows.map { r in columns.map { $0.cell(r) } }
        func widths() -> [Int] {
            var w = [Int](repeating: 0, count: columns.count)
            for row in cells { for (i, c) in row.enumerated() { w[i] = max(w[i], TerminalText.width(c)) } }
            return w
        }
        var w = widths()
        if let width {
            // Card ids are what `cards suspend` takes, so they are kept whole while less useful
            // columns can go; only when just card, state and due are left are ids cut.
            func total(_ w: [Int], card: Int) -> Int { w.dropFirst().reduce(card) { $0 + 2 + $1 } }
            while total(w, card: w[0]) > width,
                let drop = columns.indices.dropFirst().filter({ columns[$0].priority < keptAlways })
                    .min(by: { columns[$0].priority < columns[$1].priority })
            {
                columns.remove(at: drop)
                for k in cells.indices { cells[k].remove(at: drop) }
                w.remove(at: drop)
            }
            let room = max(narrowestCard, width - total(w, card: 0))
            if w[0] > room {
                for k in cells.indices { cells[k][0] = TerminalText.truncate(cells[k][0], to: room) }
                w[0] = room
            }
        }
        return cells.map { row in
            row.enumerated().map { i, c in
                i == row.count - 1 ? c : c + String(repeating: " ", count: max(0, w[i] - TerminalText.width(c)))
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// The width the listing fits: the terminal's when standard output is one, else 80.
    static func outputWidth() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 {
            return Int(size.ws_col)
        }
        return 80
    }
}
