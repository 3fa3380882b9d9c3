/// Repeated measurements of one quantity, summarised the way the table shows them.
struct Samples: Sendable {
    private(set) var values: [Double] = []

    init(_ values: [Double] = []) { self.values = values }

    mutating func add(_ value: Double) { values.append(value) }

    var isEmpty: Bool { values.isEmpty }
    var count: Int { values.count }

    var median: Double { quantile(0.5) }
    /// With few runs this is close to the maximum, which is the honest reading of "p90 of 3".
    var p90: Double { quantile(0.9) }
    var maximum: Double { values.max() ?? .nan }

    /// Linear interpolation between the nearest ranks (the common "type 7" definition).
    func quantile(_ q: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
