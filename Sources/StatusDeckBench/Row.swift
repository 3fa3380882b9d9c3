/// One line of the result table: a figure at one history size, or why it was not measured.
struct Row: Sendable {
    enum Unit: Sendable { case seconds, perSecond, bytes }

    enum Outcome: Sendable {
        case measured(Samples)
        case notMeasured(String)
    }

    var measurement: String
    var size: String
    var unit: Unit
    var outcome: Outcome
    /// Peak resident memory of the child processes over the runs, when the figure came from one.
    var peakBytes: Int? = nil
    var target: Target?
    /// The same runs on CPU time (user + system), when it was taken: on a shared machine the gap
    /// to the wall-clock median is time spent waiting for a core.
    var cpu: Samples? = nil

    var verdict: String {
        guard case .measured(let samples) = outcome, !samples.isEmpty else { return "not measured" }
        guard let target else { return "—" }
        let ok: Bool
        switch target.kind {
        case .atMostSeconds(let bound): ok = samples.median <= bound
        case .atLeastPerSecond(let bound): ok = samples.median >= bound
        case .atMostBytes(let bound): ok = samples.maximum <= bound
        }
        return ok ? "pass" : "FAIL"
    }

    var passed: Bool? {
        switch verdict {
        case "pass": return true
        case "FAIL": return false
        default: return nil
        }
    }

    func text(_ value: Double) -> String {
        switch unit {
        case .seconds: return Format.seconds(value)
        case .perSecond: return Format.rate(value)
        case .bytes: return Format.bytes(value)
        }
    }

    static let header = ["measurement", "size", "median", "p90", "runs", "CPU median", "peak RSS", "target", "result"]

    /// The cells in the order of `header`.
    var cells: [String] {
        switch outcome {
        case .measured(let s):
            return [
                measurement, size, text(s.median), text(s.p90), String(s.count),
                cpu.map { text($0.median) } ?? "—",
                peakBytes.map { Format.bytes(Double($0)) } ?? "—", target?.text ?? "—", verdict,
            ]
        case .notMeasured(let reason):
            return [measurement, size, "—", "—", "0", "—", "—", target?.text ?? "—", "not measured (\(reason))"]
        }
    }
}
