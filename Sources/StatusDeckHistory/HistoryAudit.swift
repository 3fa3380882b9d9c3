import FSRS

/// Things in a history that are not errors but that a user should hear about once.
///
/// A history is only ever appended to, so oddities are kept, never repaired. Answers dated after
/// now (written on a machine whose clock ran ahead) still count; without a word they would push
/// cards' due dates far out and the cards would seem to vanish. (Answers for cards no deck holds
/// any more need no warning: `cards` lists them with the deck they were answered in.)
public struct HistoryAudit: Equatable, Sendable {
    /// Answers dated later than now, and the latest of them.
    public var futureAnswers = 0
    public var latestFuture: Instant?

    /// `slackSeconds` forgives small clock differences between machines.
    public init(history: History, now: Instant, slackSeconds: Int64 = 300) {
        let limit = now.milliseconds + slackSeconds * 1000
        // Over the packed reviews: unpacking a million of them only to read their instants cost
        // as much as the replay.
        let skip = history.undoneMask()
        var latest = Int64.min
        history.packed.withUnsafeBufferPointer { reviews in
            for (i, review) in reviews.enumerated() where review.at > limit {
                if !skip.isEmpty && skip[i >> 6] & (1 << UInt64(i & 63)) != 0 { continue }
                futureAnswers += 1
                latest = max(latest, review.at)
            }
        }
        if futureAnswers > 0 { latestFuture = Instant(milliseconds: latest) }
    }

    /// One line per oddity, without a prefix; empty when there is nothing to say.
    public func warnings(path: String) -> [String] {
        guard futureAnswers > 0, let latest = latestFuture else { return [] }
        let what = futureAnswers == 1 ? "1 answer is" : "\(futureAnswers) answers are"
        return ["\(path): \(what) dated after now (latest \(RFC3339.format(latest))), as from a clock that ran ahead; kept and counted as given"]
    }
}
