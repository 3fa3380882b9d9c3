/// A problem with a file a person or another tool wrote: one line, `path:line: found; expected`.
///
/// The shape is fixed so every message tells where, what was there and what should have been.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var found: String
    public var expected: String

    public init(path: String = "", line: Int? = nil, found: String, expected: String) {
        self.path = path
        self.line = line
        self.found = found
        self.expected = expected
    }

    /// One harmless line whatever the file held: text quoted from it is escaped and cut
    /// (`MessageText`), so a control character can neither add a line nor drive the terminal.
    public var description: String {
        let where_ = MessageText.visible(path, limit: 4096)
        let place = line.map { "\(where_):\($0)" } ?? where_
        let what = MessageText.visible(found)
        return place.isEmpty ? "\(what); expected \(expected)" : "\(place): \(what); expected \(expected)"
    }
}
