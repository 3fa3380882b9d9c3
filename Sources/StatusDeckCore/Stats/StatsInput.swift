import FSRS

/// Everything `StatsReport` is computed from, as plain values.
///
/// Kept apart from the history types so the statistics are a pure function that can be tested on
/// hand-written data and timed on a million synthetic answers; `StatsInput.init(history:…)` builds
/// one from a real history.
public struct StatsInput: Sendable {
    /// Where a card stood just before an answer. `new` means it had never been answered.
    public enum StageBefore: UInt8, Sendable {
        case new = 0, learning = 1, review = 2, relearning = 3
    }

    /// What a card is now.
    public enum Status: UInt8, CaseIterable, Sendable {
        case new = 0, learning = 1, review = 2, relearning = 3, suspended = 4
    }

    /// One answer that counts (undone answers are left out by whoever builds the input).
    public struct Answer: Sendable {
        /// Index into `cards`.
        public var card: Int32
        public var at: Instant
        /// 1 Again, 2 Hard, 3 Good, 4 Easy: `FSRS.Rating`'s raw value, kept as a byte so the
        /// input is plain data.
        public var rating: UInt8
        /// Time taken to answer; 0 when it was not measured.
        public var milliseconds: Int32
        public var stageBefore: StageBefore

        @inlinable
        public init(card: Int32, at: Instant, rating: UInt8, milliseconds: Int32, stageBefore: StageBefore) {
            self.card = card
            self.at = at
            self.rating = rating
            self.milliseconds = milliseconds
            self.stageBefore = stageBefore
        }

        /// Whether it was a test of long-term memory: the card was in the review stage. Only these
        /// answers count toward true retention, as in Anki.
        @inlinable public var isReviewStage: Bool { stageBefore == .review }
    }

    /// One card as it stands at `now`.
    public struct Card: Sendable {
        public var id: String
        /// The status code the card is about, when there is one; mastery is counted per code.
        public var code: Int?
        public var status: Status
        public var stability: Double?
        public var difficulty: Double?
        public var due: Instant?
        public var lastReview: Instant?
        /// Predicted recall probability at `now`; nil for a card with no memory state.
        public var retrievability: Double?
        public var lapses: Int
        public var reps: Int
        /// Put away until the next study day: not due today, whatever its due date (as Anki).
        public var buried = false

        public init(
            id: String, code: Int? = nil, status: Status, stability: Double? = nil,
            difficulty: Double? = nil, due: Instant? = nil, lastReview: Instant? = nil,
            retrievability: Double? = nil, lapses: Int = 0, reps: Int = 0
        ) {
            self.id = id
            self.code = code
            self.status = status
            self.stability = stability
            self.difficulty = difficulty
            self.due = due
            self.lastReview = lastReview
            self.retrievability = retrievability
            self.lapses = lapses
            self.reps = reps
        }

        /// Whole days from the last review to the due date, for cards in the review stage.
        public var intervalDays: Int? {
            guard status == .review, let due, let lastReview else { return nil }
            let ms = due.milliseconds - lastReview.milliseconds
            return ms < 0 ? 0 : Int(ms / 86_400_000)
        }

        /// Mature as Anki means it: in the review stage with an interval of 21 days or more.
        public var isMature: Bool { (intervalDays ?? 0) >= StatsReport.matureInterval }
    }

    public var cards: [Card]
    /// In any order; answers after `now` are ignored.
    public var answers: [Answer]
    public var now: Instant
    /// Local hour (0–23) at which a study day begins.
    public var dayStartsAt: Int
    /// The local zone's offset east of UTC at `now`.
    public var utcOffsetSeconds: Int
    public var desiredRetention: Double
    /// How many days `answersPerDay` covers, today included.
    public var days: Int
    /// The deck the figures are restricted to, shown in the heading; nil for all cards.
    public var deck: String?

    public init(
        cards: [Card], answers: [Answer], now: Instant, dayStartsAt: Int = 4, utcOffsetSeconds: Int = 0,
        desiredRetention: Double = 0.9, days: Int = 30, deck: String? = nil
    ) {
        self.cards = cards
        self.answers = answers
        self.now = now
        self.dayStartsAt = dayStartsAt
        self.utcOffsetSeconds = utcOffsetSeconds
        self.desiredRetention = desiredRetention
        self.days = days
        self.deck = deck
    }
}
