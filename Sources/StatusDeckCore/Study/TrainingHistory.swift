import FSRS
import StatusDeckHistory

/// The answers of a history as the optimizer needs them: effective reviews only (undone ones
/// left out), by instant with ties by event id as `Replay` applies them, each on its study day.
public enum TrainingHistory {
    /// - Parameters:
    ///   - dayStartsAt: the hour a study day starts (`day_starts_at`).
    ///   - utcOffsetSeconds: the learner's UTC offset at an instant (asked once per UTC day).
    public static func records(
        _ history: History, dayStartsAt: Int, utcOffsetSeconds: (Instant) -> Int
    ) -> [ReviewRecord] {
        let reviews = history.packed
        let skip = history.undoneMask()
        let foldOrder = history.foldOrder()
        let order = foldOrder.isEmpty ? Array(reviews.indices) : foldOrder.map(Int.init)
        let dayMs: Int64 = 86_400_000
        var offsets: [Int64: Int] = [:]
        var out: [ReviewRecord] = []
        out.reserveCapacity(reviews.count)
        for i in order {
            if !skip.isEmpty && skip[i >> 6] & (1 << UInt64(i & 63)) != 0 { continue }
            let r = reviews[i]
            let utcDay = r.at / dayMs - (r.at % dayMs < 0 ? 1 : 0)
            let offset: Int
            if let known = offsets[utcDay] {
                offset = known
            } else {
                offset = utcOffsetSeconds(r.instant)
                offsets[utcDay] = offset
            }
            let start = DailyQueue.dayStart(now: r.instant, dayStartsAt: dayStartsAt, utcOffsetSeconds: offset)
            let day = (start.milliseconds + Int64(offset) * 1000 - Int64(dayStartsAt) * 3_600_000) / dayMs
            out.append(ReviewRecord(card: Int(r.card), day: day, rating: Int(r.rating)))
        }
        return out
    }
}
