/// One terminal column: a glyph, how many columns it spans, and its style.
///
/// A wide glyph lives in its first cell with `width == 2`; the cell to its right is a
/// continuation (`width == 0`, empty text) so the grid keeps one cell per column.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here (possibly with combining marks); empty for a continuation.
    public var text: String
    /// 1 for a normal glyph, 2 for a wide one, 0 for the right half of a wide one.
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static func blank(_ style: Style = .plain) -> Cell { Cell(text: " ", width: 1, style: style) }
    static let continuation = Cell(text: "", width: 0, style: .plain)

    public var isContinuation: Bool { width == 0 }
}
