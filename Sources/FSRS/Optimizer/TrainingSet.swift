/// One answer of the history, reduced to what the optimizer needs.
public struct ReviewRecord: Hashable, Sendable {
    /// Any number that identifies the card.
    public var card: Int
    /// The study day the answer fell on (days counted from any fixed origin, each day starting at
    /// the learner's `day_starts_at`).
    public var day: Int64
    /// 1 Again … 4 Easy.
    public var rating: Int

    public init(card: Int, day: Int64, rating: Int) {
        self.card = card
        self.day = day
        self.rating = rating
    }
}

/// Turns a review history into fsrs-rs's training items, as Anki does before `compute_parameters`.
public enum TrainingSet {
    /// Every card's reviews become one item per review that came at least one study day after the
    /// previous review of the card: that review with all the card's reviews before it. Same-day
    /// reviews are in the history of later items (they drive the short-term terms) but are never
    /// predicted. Items come in the order of the review they predict.
    ///
    /// - Parameter reviews: every effective answer in chronological order (ties in file order).
    public static func items(_ reviews: [ReviewRecord]) -> [TrainingItem] {
        var perCard: [Int: Int] = [:]
        var sequences: [[TrainingReview]] = []
        var lastDay: [Int64] = []
        var cards: [Int] = []
        // (sequence, length) for each predicted review, in chronological order.
        var predicted: [(Int, Int)] = []
        for r in reviews {
            let k: Int
            if let known = perCard[r.card] {
                k = known
            } else {
                k = sequences.count
                perCard[r.card] = k
                sequences.append([])
                lastDay.append(r.day)
                cards.append(r.card)
            }
            let delta = sequences[k].isEmpty ? 0 : max(0, Int(r.day - lastDay[k]))
            sequences[k].append(TrainingReview(rating: r.rating, deltaT: delta))
            lastDay[k] = r.day
            if delta > 0 { predicted.append((k, sequences[k].count)) }
        }
        return predicted.map { TrainingItem(reviews: sequences[$0.0][0..<$0.1], card: cards[$0.0]) }
    }
}
