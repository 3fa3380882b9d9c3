import FSRS
import Foundation
import StatusDeckHistory

/// `statusdeck optimize`'s work alone (issue 15): `Optimizer.fit` on the 12,580-review sample that
/// the FSRS tests fit too (Tests/FSRSTests/Fixtures), its items built once, outside the timing.
enum OptimizerFit {
    static let samplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/FSRSTests/Fixtures/fsrs-review-log-sample.csv").path

    /// The sample's training items: UTC study days starting at 04:00, as the fixture's generator.
    static func sampleItems() throws -> [TrainingItem] {
        let csv = try String(contentsOfFile: samplePath, encoding: .utf8)
        var rows: [(at: Int64, card: Int, rating: Int)] = []
        var cards: [Substring: Int] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            let time = f[2].split(separator: "+")[0]
            let text = time.count > 19 ? time.prefix(23) + "Z" : time + ".000Z"
            guard f.count >= 3, let at = RFC3339.parse(String(text)), let rating = Int(f[1]) else {
                throw BenchError("\(samplePath): `\(line)`; expected card_id,review_rating,review_time,review_duration")
            }
            let card = cards[f[0]] ?? cards.count
            cards[f[0]] = card
            rows.append((at.milliseconds, card, rating))
        }
        let order = rows.indices.sorted { (rows[$0].at, $0) < (rows[$1].at, $1) }
        let records = order.map { i in
            ReviewRecord(card: rows[i].card, day: (rows[i].at - 4 * 3_600_000) / 86_400_000, rating: rows[i].rating)
        }
        return TrainingSet.items(records)
    }

    /// Seconds per fit over `runs` fits, and the fitted log loss (the same every run).
    static func run(_ items: [TrainingItem], runs: Int) throws -> (Samples, Double) {
        var samples = Samples()
        var losses = Set<Double>()
        for _ in 0..<max(1, runs) {
            let start = MonotonicClock.nanoseconds()
            let fit = try Optimizer.fit(items)
            samples.add(Double(MonotonicClock.nanoseconds() - start) / 1e9)
            losses.insert(Evaluation.of(parameters: fit.parameters, items: items)?.logLoss ?? .nan)
        }
        guard losses.count == 1, let loss = losses.first else { throw BenchError("fits of the same items disagree") }
        return (samples, loss)
    }
}
