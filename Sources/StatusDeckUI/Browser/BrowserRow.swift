import FSRS
import StatusDeckCore

/// One card as the browser lists it: plain values, already sanitized, computed at one instant
/// (`BrowserData.rows`), so the browser depends on neither decks nor the scheduler.
public struct BrowserRow: Hashable, Sendable {
    public var cardID: String
    /// The status code the card is about; nil for a contrast card.
    public var code: Int?
    /// The front and the answer, each on one line.
    public var prompt: String
    public var answer: String
    public var state: State
    public var suspended: Bool
    /// Buried in the current study day.
    public var buried: Bool
    /// When the card is next due; nil for a card never answered.
    public var due: Instant?
    /// Days until recall falls to 90%; nil for a card never answered.
    public var stability: Double?
    /// The chance of recalling it now; nil for a card never answered.
    public var recall: Double?
    public var lapses: Int
    public var reps: Int

    /// Where the card is in its life.
    public enum State: String, Hashable, Sendable, CaseIterable {
        case new, learning, review, relearning
    }

    public init(
        cardID: String, code: Int?, prompt: String, answer: String, state: State, suspended: Bool = false,
        buried: Bool = false, due: Instant? = nil, stability: Double? = nil, recall: Double? = nil, lapses: Int = 0,
        reps: Int = 0
    ) {
        self.cardID = TerminalText.sanitizeLine(cardID)
        self.code = code
        self.prompt = TerminalText.sanitizeLine(prompt)
        self.answer = TerminalText.sanitizeLine(answer)
        self.state = state
        self.suspended = suspended
        self.buried = buried
        self.due = due
        self.stability = stability
        self.recall = recall
        self.lapses = lapses
        self.reps = reps
    }
}

/// What the browser opens with: every card's row, and the local time zone's offset for the
/// dates it shows.
public struct BrowserContent: Hashable, Sendable {
    public var rows: [BrowserRow]
    public var utcOffsetSeconds: Int

    public init(rows: [BrowserRow], utcOffsetSeconds: Int) {
        self.rows = rows
        self.utcOffsetSeconds = utcOffsetSeconds
    }
}

/// One card in full, for the info page: every answer with the interval it gave, and the memory
/// curve from now on. The row's own figures (state, due, stability…) come from its `BrowserRow`.
public struct CardInfo: Hashable, Sendable {
    public var cardID: String
    public var prompt: String
    public var answer: String
    /// 1 (easiest) to 10; nil for a card never answered.
    public var difficulty: Double?
    /// Answers that count (undone ones left out), oldest first.
    public var answers: [AnswerLine]
    /// The chance of recalling the card `i` days from now, for `i` in 0...`BrowserData.curveDays`;
    /// empty for a card never answered.
    public var recallByDay: [Double]

    public init(cardID: String, prompt: String, answer: String, difficulty: Double?, answers: [AnswerLine], recallByDay: [Double]) {
        self.cardID = TerminalText.sanitizeLine(cardID)
        self.prompt = TerminalText.sanitize(prompt)
        self.answer = TerminalText.sanitizeLine(answer)
        self.difficulty = difficulty
        self.answers = answers
        self.recallByDay = recallByDay
    }
}

/// One answer of a card: when, the grade, the interval the scheduler gave it, and how long the
/// learner took.
public struct AnswerLine: Hashable, Sendable {
    public var at: Instant
    public var rating: Rating
    /// From the answer to the due date it set.
    public var intervalMilliseconds: Int64
    /// The schedule the answer left the card in.
    public var due: Instant
    /// From the card appearing to the grade; nil when not measured.
    public var answerMilliseconds: Int?
    /// Whether a typed or chosen answer was right; nil for flip cards.
    public var correct: Bool?

    public init(at: Instant, rating: Rating, intervalMilliseconds: Int64, due: Instant, answerMilliseconds: Int?, correct: Bool?) {
        self.at = at
        self.rating = rating
        self.intervalMilliseconds = intervalMilliseconds
        self.due = due
        self.answerMilliseconds = answerMilliseconds
        self.correct = correct
    }
}
