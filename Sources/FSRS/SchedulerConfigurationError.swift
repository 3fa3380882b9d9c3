/// Why a `SchedulerConfiguration` was refused: every violation, not just the first, so a person
/// fixing a config file sees all of it at once.
public struct SchedulerConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One line per problem, as `SchedulerConfiguration.violations()` reports them.
    public let violations: [String]

    public init(violations: [String]) { self.violations = violations }

    public var description: String {
        "invalid scheduler configuration: " + violations.joined(separator: "; ")
    }
}
