/// The limits fsrs-rs keeps FSRS-6's parameters in while it trains (`clip_parameters` with the
/// short-term terms on and one relearning step). Each lies inside `SchedulerConfiguration`'s
/// bounds, so fitted parameters are always a valid `parameters` setting.
public enum ParameterBounds {
    public static let ranges: [ClosedRange<Double>] = [
        0.001...100, 0.001...100, 0.001...100, 0.001...100,
        1...10, 0.001...4,
        0.001...4, 0.001...0.75,
        0...4.5, 0...0.8, 0.001...3.5,
        0.001...5, 0.001...0.25, 0.001...0.9, 0...4,
        0...1, 1...6,
        0...2, 0...2, 0.01...0.8,
        0.1...0.8,
    ]

    /// Each parameter moved into its range.
    public static func clamp(_ w: inout [Double]) {
        for i in w.indices { w[i] = Swift.min(Swift.max(w[i], ranges[i].lowerBound), ranges[i].upperBound) }
    }
}
