import FSRS
import StatusDeckCore
import StatusDeckHistory
import StatusDeckStore

/// One answer's append + fsync through the store, as the quiz does before showing the next card:
/// open, lock, check the tail, one write of the whole line, fsync, close. Each append is timed
/// on its own; the file already holds a long history, as a real user's does.
enum AppendLatency {
    static func run(dataDirectory: String, appends: Int, seed: UInt64) throws(BenchError) -> Samples {
        let store = HistoryStore(directory: DataDirectory(path: dataDirectory), clock: { Instant(milliseconds: 0) })
        var rng = SplitMix64(seed: seed)
        var samples = Samples()
        var at = SyntheticHistory.end.adding(seconds: 3600)
        for _ in 0..<appends {
            let event = ReviewEvent(
                id: EventID(high: rng.next(), low: rng.next()), card: "http/404/code-to-meaning",
                at: at, rating: .good, deck: "http-all-zh", mode: "flip", answerMilliseconds: 4200)
            let start = MonotonicClock.nanoseconds()
            do { try store.append(.review(event)) } catch { throw BenchError("\(error)") }
            samples.add(Double(MonotonicClock.nanoseconds() - start) / 1e9)
            at = at.adding(seconds: 7)
        }
        return samples
    }
}
