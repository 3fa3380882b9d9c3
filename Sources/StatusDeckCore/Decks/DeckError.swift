/// A mistake in a deck file, said the way every input error in StatusDeck is said:
/// `path:line: what was found; expected what`.
public struct DeckError: Error, Sendable, Hashable, CustomStringConvertible {
    public let path: String
    /// 1-based; nil when the mistake is not on one line (e.g. the file as a whole).
    public let line: Int?
    /// What was there, without the word "found", e.g. "kind 'riddle'".
    public let found: String
    /// What would have been right, without the word "expected".
    public let expected: String
    /// The file's other mistakes after this one, in line order, so one run shows them all.
    public var others: [DeckError] = []

    public init(path: String, line: Int?, found: String, expected: String) {
        self.path = path
        self.line = line
        self.found = found
        self.expected = expected
    }

    /// This mistake alone, as one line.
    public var firstLine: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return "\(place): found \(found); expected \(expected)"
    }

    /// Every mistake of the file, one line each, in line order (what `statusdeck decks PATH` prints).
    public var lines: [String] { [firstLine] + others.map(\.firstLine) }

    /// One line, as every error: the first mistake, and how many more there are and where to
    /// see them.
    public var description: String {
        guard !others.isEmpty else { return firstLine }
        let more = others.count == 1 ? "1 more mistake" : "\(others.count) more mistakes"
        return firstLine + " (and \(more): `statusdeck decks \(path)` lists every one)"
    }
}
