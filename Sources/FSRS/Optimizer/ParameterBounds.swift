/// The limits fsrs-rs keeps FSRS-6's parameters in while it trains (`clip_parameters` with the
/// short-term terms on and one relearning step). Each lies inside `SchedulerConfiguration`'s
/// bounds, so fitted parameters are always a valid `parameters` setting.
public enum ParameterBounds {
    public static let ranges: [ClosedRange<Double>] = {
        // py-fsrs's bounds, but fsrs-rs keeps w19 (the short-term term) off zero while training.
        var r = SchedulerConfiguration.parameterBounds
        r[19] = 0.01...0.8
        return r
    }()

    /// Each parameter moved into its range.
    public static func clamp(_ w: inout [Double]) {
        for i in w.indices { w[i] = Swift.min(Swift.max(w[i], ranges[i].lowerBound), ranges[i].upperBound) }
    }
}
