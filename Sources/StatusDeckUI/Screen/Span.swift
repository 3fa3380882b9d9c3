import StatusDeckCore

/// A run of text in one style; a line of the view is a list of spans.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public var width: Int { TerminalText.width(text) }
}

extension Screen {
    /// Writes spans one after another from column `x`, clipped at `limit` columns. Returns the
    /// columns used.
    @discardableResult
    public mutating func put(_ spans: [Span], x: Int, y: Int, limit: Int? = nil) -> Int {
        let total = limit ?? (width - x)
        var used = 0
        for span in spans where used < total {
            used += put(span.text, x: x + used, y: y, style: span.style, limit: total - used)
        }
        return used
    }
}
