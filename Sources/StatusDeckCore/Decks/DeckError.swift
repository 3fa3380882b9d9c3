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

    public init(path: String, line: Int?, found: String, expected: String) {
        self.path = path
        self.line = line
        self.found = found
        self.expected = expected
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return "\(place): found \(found); expected \(expected)"
    }
}
