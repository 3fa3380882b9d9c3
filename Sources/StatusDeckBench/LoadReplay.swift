import FSRS
import StatusDeckCore
import StatusDeckHistory
import StatusDeckStore

/// Load + replay as the product does it on start: read the whole history file through the store
/// and fold it through the scheduler with the default configuration.
///
/// Run in a child process of its own (`statusdeck-bench --child load-replay`), so its peak memory
/// is that of a process doing only this, not the harness's with its generated histories.
enum LoadReplay {
    struct Result {
        var loadSeconds: Double
        var replaySeconds: Double
        /// Process CPU time of both (every thread), to tell work from waiting on a shared machine.
        var cpuSeconds: Double
        var events: Int
        var cards: Int
        /// Sum of the cards' due instants: the same history must always give the same number.
        var checksum: Int64
    }

    static func run(dataDirectory: String) throws(BenchError) -> Result {
        let store = HistoryStore(directory: DataDirectory(path: dataDirectory), clock: { Instant(milliseconds: 0) }, snapshotInBackground: true)
        let start = MonotonicClock.nanoseconds()
        let cpuStart = MonotonicClock.processCPUNanoseconds()
        let loaded: HistoryStore.Loaded
        do { loaded = try store.load() } catch { throw BenchError("\(error)") }
        let middle = MonotonicClock.nanoseconds()
        let scheduler: Scheduler
        do { scheduler = try Scheduler(.default) } catch { throw BenchError("\(error)") }
        let replay = Replay(history: loaded.history, scheduler: scheduler)
        let end = MonotonicClock.nanoseconds()
        let cpu = Double(MonotonicClock.processCPUNanoseconds() - cpuStart) / 1e9
        var checksum: Int64 = 0
        for card in replay.cards.values { checksum &+= card.schedule.due.milliseconds }
        return Result(
            loadSeconds: Double(middle - start) / 1e9, replaySeconds: Double(end - middle) / 1e9,
            cpuSeconds: cpu, events: loaded.history.count, cards: replay.cards.count, checksum: checksum)
    }

    /// The child's one line on stdout, read back by the parent.
    static func line(_ r: Result) -> String {
        "load=\(r.loadSeconds) replay=\(r.replaySeconds) cpu=\(r.cpuSeconds) events=\(r.events) cards=\(r.cards) checksum=\(r.checksum)"
    }

    static func parse(_ line: String) -> Result? {
        var fields: [String: String] = [:]
        for part in line.split(separator: " ") {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { fields[String(kv[0])] = String(kv[1]).trimmingSpaces }
        }
        guard let load = fields["load"].flatMap(Double.init), let replay = fields["replay"].flatMap(Double.init),
            let cpu = fields["cpu"].flatMap(Double.init),
            let events = fields["events"].flatMap(Int.init), let cards = fields["cards"].flatMap(Int.init),
            let checksum = fields["checksum"].flatMap(Int64.init)
        else { return nil }
        return Result(loadSeconds: load, replaySeconds: replay, cpuSeconds: cpu, events: events, cards: cards, checksum: checksum)
    }
}

extension String {
    var trimmingSpaces: String {
        String(self.drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
    }
}
