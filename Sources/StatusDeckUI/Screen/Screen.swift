import StatusDeckCore

/// A whole frame as a grid of cells, drawn in memory and handed to the terminal to diff.
///
/// Writing never splits a wide glyph: one that would cross the right edge (or a clip limit) is
/// replaced by a blank, and overwriting half of a wide glyph blanks its other half.
public struct Screen: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal should show its cursor (when the user is typing); nil hides it.
    public var cursor: Position?

    public struct Position: Hashable, Sendable {
        public var x: Int
        public var y: Int
        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` (already sanitized, one line) at column `x` of row `y`, clipped to
    /// `limit` columns (default: to the right edge). Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        var col = x
        for c in text {
            let w = TerminalText.width(of: c)
            if w == 0 { continue }
            if col + w > end {
                // A wide glyph that does not fit is not drawn half: pad the gap instead.
                while col < end {
                    if col >= 0 { set(col, y, .blank(style)) }
                    col += 1
                }
                break
            }
            if col >= 0 {
                set(col, y, Cell(text: String(c), width: UInt8(w), style: style))
                if w == 2 { setContinuation(col + 1, y) }
            }
            col += w
        }
        return max(0, col - x)
    }

    /// Paints `count` columns of row `y` from `x` with blanks of `style` (a bar's background).
    public mutating func fill(x: Int, y: Int, count: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + count) { set(col, y, .blank(style)) }
    }

    /// Replaces one cell, first blanking the rest of any wide glyph it cuts through.
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        let old = cells[i]
        if old.isContinuation, x > 0, cells[i - 1].width == 2 {
            cells[i - 1] = .blank(cells[i - 1].style)
        }
        if old.width == 2, x + 1 < width, !(cell.width == 2) {
            cells[i + 1] = .blank(old.style)
        }
        if cell.width == 2 && x + 1 >= width {
            cells[i] = .blank(cell.style)
            return
        }
        cells[i] = cell
    }

    /// Makes the cell right of a new wide glyph its continuation, blanking the right half of a
    /// wide glyph that stood there.
    private mutating func setContinuation(_ x: Int, _ y: Int) {
        guard x < width else { return }
        let i = y * width + x
        if cells[i].width == 2, x + 1 < width { cells[i + 1] = .blank(cells[i].style) }
        cells[i] = .continuation
    }

    /// The row as text, continuation cells left out and trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where !self[x, y].isContinuation { s += self[x, y].text }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The frame as text, one line per row: what a person would read off the terminal.
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }
}
