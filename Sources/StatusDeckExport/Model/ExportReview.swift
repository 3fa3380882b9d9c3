import FSRS

/// One answer from the history, with what the scheduler made of it.
public struct ExportReview: Hashable, Sendable {
    /// Which phase the card was in when answered; Anki's revlog `type` follows it.
    public enum Kind: String, Hashable, Sendable {
        case learning, review, relearning
    }

    /// The StatusDeck event id, so a JSON export can be matched back to the history line.
    public var id: String
    public var at: Instant
    /// 1 again, 2 hard, 3 good, 4 easy (Anki's `ease`).
    public var rating: Int
    /// Time spent answering, when the history recorded it.
    public var durationMilliseconds: Int64?
    public var kind: Kind
    /// Seconds from this answer to the due date it set, and the same for the answer before (0 if none).
    public var scheduledSeconds: Int64
    public var previousScheduledSeconds: Int64
    /// FSRS difficulty after the answer (1…10), when known.
    public var difficulty: Double?

    public init(
        id: String, at: Instant, rating: Int, durationMilliseconds: Int64? = nil, kind: Kind,
        scheduledSeconds: Int64, previousScheduledSeconds: Int64 = 0, difficulty: Double? = nil
    ) {
        self.id = id
        self.at = at
        self.rating = rating
        self.durationMilliseconds = durationMilliseconds
        self.kind = kind
        self.scheduledSeconds = scheduledSeconds
        self.previousScheduledSeconds = previousScheduledSeconds
        self.difficulty = difficulty
    }
}
