import FSRS

/// What the history says about one card: its schedule and counts, derived by replay.
public struct CardRecord: Equatable, Sendable {
    public var card: String
    public var schedule: Schedule
    /// Answers that count (undone ones excluded).
    public var reps: Int
    /// Times the card was forgotten: Again while in the review stage.
    public var lapses: Int
    public var firstReview: Instant
    public var lastReview: Instant
    public var lastRating: Rating
    /// The deck of the latest answer, when it was recorded.
    public var deck: String?

    public init(
        card: String, schedule: Schedule, reps: Int, lapses: Int, firstReview: Instant,
        lastReview: Instant, lastRating: Rating, deck: String?
    ) {
        self.card = card
        self.schedule = schedule
        self.reps = reps
        self.lapses = lapses
        self.firstReview = firstReview
        self.lastReview = lastReview
        self.lastRating = lastRating
        self.deck = deck
    }
}
