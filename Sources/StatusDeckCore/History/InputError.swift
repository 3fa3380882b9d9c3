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

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return place.isEmpty ? "\(found); expected \(expected)" : "\(place): \(found); expected \(expected)"
    }
}
