/// The settings a scheduler runs with: py-fsrs's `Scheduler(...)` arguments.
///
/// A plain value that may hold nonsense; `violations()` says what is wrong with it, and
/// `Scheduler.init` refuses it while any violation remains.
public struct SchedulerConfiguration: Hashable, Sendable {
    /// The 21 FSRS-6 weights w0…w20.
    public var parameters: [Double]
    /// The probability of recall the review intervals aim for, in (0, 1).
    public var desiredRetention: Double
    /// Waits between learning steps, in whole seconds.
    public var learningSteps: [Int64]
    /// Waits between relearning steps (after a lapse), in whole seconds.
    public var relearningSteps: [Int64]
    /// The longest review interval, in days.
    public var maximumInterval: Int
    /// Whether review intervals are spread by py-fsrs's fuzz.
    public var enableFuzzing: Bool

    public init(
        parameters: [Double] = SchedulerConfiguration.defaultParameters,
        desiredRetention: Double = 0.9,
        learningSteps: [Int64] = [60, 600],
        relearningSteps: [Int64] = [600],
        maximumInterval: Int = 36_500,
        enableFuzzing: Bool = true
    ) {
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzzing = enableFuzzing
    }

    /// py-fsrs 6.3.2's defaults: retention 0.9, steps 1 min and 10 min, relearning 10 min,
    /// 36 500 days, fuzz on.
    public static let `default` = SchedulerConfiguration()

    /// The FSRS-6 default weights (py-fsrs 6.3.2 `DEFAULT_PARAMETERS`, fsrs-rs 0.9.3).
    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956,
        6.4133, 0.8334,
        3.0194, 0.001,
        1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483,
        0.6014, 1.8729,
        0.5425, 0.0912, 0.0658,
        0.1542,
    ]

    /// The inclusive range py-fsrs 6.3.2 accepts for each weight.
    public static let parameterBounds: [ClosedRange<Double>] = [
        0.001...100, 0.001...100, 0.001...100, 0.001...100,
        1...10, 0.001...4,
        0.001...4, 0.001...0.75,
        0...4.5, 0...0.8, 0.001...3.5,
        0.001...5, 0.001...0.25, 0.001...0.9, 0...4,
        0...1, 1...6,
        0...2, 0...2, 0...0.8,
        0.1...0.8,
    ]

    /// The longest step or interval accepted: 100 years, which keeps every due date far inside
    /// Int64 milliseconds.
    public static let longestInterval = 36_500
    public static let longestStepSeconds: Int64 = 36_500 * 86_400

    /// Every problem with this configuration, one line each, in field order; empty when valid.
    ///
    /// Lines read "what was found; expected what" so a caller can prefix `file:line: `.
    public func violations() -> [String] {
        var found: [String] = []
        let bounds = Self.parameterBounds
        if parameters.count != bounds.count {
            found.append("parameters has \(parameters.count) values; expected \(bounds.count)")
        }
        for (index, value) in parameters.prefix(bounds.count).enumerated() where !bounds[index].contains(value) {
            let range = bounds[index]
            found.append(
                "parameters[\(index)] is \(value); expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        if !(desiredRetention > 0 && desiredRetention < 1) {
            found.append("desired retention is \(desiredRetention); expected a number greater than 0 and less than 1")
        }
        found += Self.stepViolations(learningSteps, name: "learning step")
        found += Self.stepViolations(relearningSteps, name: "relearning step")
        if !(1...Self.longestInterval).contains(maximumInterval) {
            found.append(
                "maximum interval is \(maximumInterval) days; expected a whole number of days from 1 to \(Self.longestInterval)")
        }
        return found
    }

    private static func stepViolations(_ steps: [Int64], name: String) -> [String] {
        steps.enumerated().compactMap { index, seconds in
            (1...longestStepSeconds).contains(seconds)
                ? nil
                : "\(name) \(index + 1) is \(seconds) s; expected a whole number of seconds from 1 to \(longestStepSeconds)"
        }
    }
}
