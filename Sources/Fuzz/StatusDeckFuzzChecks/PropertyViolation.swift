/// A property a fuzz input broke: the fuzz entry aborts with it (so libFuzzer keeps the input),
/// the corpus replay test reports it.
public struct PropertyViolation: Error, Equatable, Sendable, CustomStringConvertible {
    public let property: String
    public let detail: String

    public init(_ property: String, _ detail: String) {
        self.property = property
        self.detail = detail
    }

    public var description: String { "\(property): \(detail)" }
}
