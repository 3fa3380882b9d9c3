import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import StatusDeckStore

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

    /// A data dir's training items as `statusdeck optimize` builds them (UTC study days from 04:00,
    /// as the peer builds its own), and the reviews they came from.
    static func items(dataDirectory: String) throws(BenchError) -> (items: [TrainingItem], reviews: Int) {
        let store = HistoryStore(directory: DataDirectory(path: dataDirectory), clock: { Instant(milliseconds: 0) })
        let history: History
        do { history = try store.load().history } catch { throw BenchError("\(error)") }
        let records = TrainingHistory.records(history, dayStartsAt: 4, utcOffsetSeconds: { _ in 0 })
        return (TrainingSet.items(records), records.count)
    }

    /// `statusdeck-bench --child optimize`: one fit in a process of its own, so its peak memory is
    /// a fit's (with the history it was built from), timed from the items to the parameters.
    static func child(dataDirectory: String) throws -> String {
        let (items, reviews) = try items(dataDirectory: dataDirectory)
        let start = MonotonicClock.nanoseconds()
        let fit = try Optimizer.fit(items) { work in DispatchQueue.concurrentPerform(iterations: 2, execute: work) }
        let seconds = Double(MonotonicClock.nanoseconds() - start) / 1e9
        let loss = Evaluation.of(parameters: fit.parameters, items: items)?.logLoss ?? .nan
        return "fit=\(seconds) items=\(items.count) reviews=\(reviews) loss=\(loss)"
    }

    static func parse(_ line: String) -> (seconds: Double, items: Int, loss: Double)? {
        var fields: [String: String] = [:]
        for part in line.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { fields[String(kv[0])] = String(kv[1]) }
        }
        guard let s = fields["fit"].flatMap(Double.init), let n = fields["items"].flatMap(Int.init),
            let l = fields["loss"].flatMap(Double.init)
        else { return nil }
        return (s, n, l)
    }

    /// The sample CSV as a StatusDeck history in `folder` (a data dir), for the child fit and the
    /// peer; returns the history's path. Study days as everywhere here: UTC from 04:00.
    static func writeSampleHistory(into folder: String) throws -> String {
        let csv = try String(contentsOfFile: samplePath, encoding: .utf8)
        var out = ""
        for (n, line) in csv.split(separator: "\n").dropFirst().enumerated() {
            let f = line.split(separator: ",")
            guard f.count >= 3 else { continue }
            let time = f[2].split(separator: "+")[0]
            let at = time.count > 19 ? time.prefix(23) + "Z" : time + ".000Z"
            let id = String(format: "%032x", n + 1)
            out += #"{"v":1,"id":"\#(id)","card":"sample/\#(f[0])","at":"\#(at)","rating":\#(f[1])}"# + "\n"
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/history.jsonl"
        try out.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
