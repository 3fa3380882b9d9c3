import FSRS

/// A card's scheduling state at the export instant, as the review history left it.
public struct ExportScheduling: Hashable, Sendable {
    /// Where the card is in its life; raw values are the names the JSON export uses.
    public enum State: String, Hashable, Sendable {
        case new, learning, review, relearning
    }

    public var state: State
    /// When the card is next due; nil for a new card.
    public var due: Instant?
    /// The last answer's instant; nil for a new card.
    public var lastReview: Instant?
    /// FSRS memory state, nil until the first answer.
    public var stability: Double?
    public var difficulty: Double?
    /// Answers given, and times a review-state card was forgotten.
    public var reps: Int
    public var lapses: Int
    /// Learning or relearning steps still to go (Anki's `left`); 0 outside learning.
    public var remainingSteps: Int
    /// The retention the schedule aims for, and FSRS-6's decay (w20), for Anki's FSRS fields.
    public var desiredRetention: Double?
    public var decay: Double?
    /// Taken out of study (`statusdeck cards suspend`, `@` in the quiz); Anki's queue -1.
    public var suspended = false

    public init(
        state: State, due: Instant? = nil, lastReview: Instant? = nil, stability: Double? = nil,
        difficulty: Double? = nil, reps: Int = 0, lapses: Int = 0, remainingSteps: Int = 0,
        desiredRetention: Double? = nil, decay: Double? = nil
    ) {
        self.state = state
        self.due = due
        self.lastReview = lastReview
        self.stability = stability
        self.difficulty = difficulty
        self.reps = reps
        self.lapses = lapses
        self.remainingSteps = remainingSteps
        self.desiredRetention = desiredRetention
        self.decay = decay
    }

    /// Seconds from the last answer to the due date; 0 for a new card.
    public var intervalSeconds: Int64 {
        guard let due, let lastReview else { return 0 }
        return max(0, (due.milliseconds - lastReview.milliseconds) / 1000)
    }

    /// The current interval in whole days (last answer to due, rounded); 0 for a new card and for
    /// a learning step shorter than a day.
    public var intervalDays: Int {
        let seconds = intervalSeconds
        return seconds < 86_400 ? 0 : Int((seconds + 43_200) / 86_400)
    }
}
