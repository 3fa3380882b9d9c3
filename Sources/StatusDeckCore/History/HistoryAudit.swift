import FSRS

/// Things in a history that are not errors but that a user should hear about once.
///
/// A history is only ever appended to, so oddities are kept, never repaired: answers dated after
/// now (a machine whose clock ran ahead) still count, and answers for cards no deck holds any
/// more (a deck edited or removed) are still listed.
public struct HistoryAudit: Equatable, Sendable {
    /// Answers dated later than now, and the latest of them.
    public var futureAnswers = 0
    public var latestFuture: Instant?
    /// Card ids answered in the history that no known deck holds, sorted.
    public var cardsInNoDeck: [String] = []

    /// `slack` forgives small clock differences between machines.
    public init(history: History, now: Instant, knownCards: Set<String>, slackSeconds: Int64 = 300) {
        let limit = now.milliseconds + slackSeconds * 1000
        var orphans: Set<String> = []
        for review in history.effectiveReviews {
            if review.at.milliseconds > limit {
                futureAnswers += 1
                if latestFuture.map({ review.at > $0 }) ?? true { latestFuture = review.at }
            }
            if !knownCards.contains(review.card) { orphans.insert(review.card) }
        }
        cardsInNoDeck = orphans.sorted()
    }

    /// One line per oddity, without a prefix; empty when there is nothing to say.
    public func warnings(path: String) -> [String] {
        var out: [String] = []
        if futureAnswers > 0, let latest = latestFuture {
            let what = futureAnswers == 1 ? "1 answer is" : "\(futureAnswers) answers are"
            out.append("\(path): \(what) dated after now (latest \(RFC3339.format(latest))), as from a clock that ran ahead; kept and counted as given")
        }
        if !cardsInNoDeck.isEmpty {
            let what = cardsInNoDeck.count == 1 ? "1 card" : "\(cardsInNoDeck.count) cards"
            let example = MessageText.visible(cardsInNoDeck[0], limit: 60)
            out.append("\(path): \(what) answered here no deck holds any more (e.g. \(example)); their answers are kept and listed")
        }
        return out
    }
}
