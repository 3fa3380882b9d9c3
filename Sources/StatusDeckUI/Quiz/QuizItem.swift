import StatusDeckCore

/// One card as the quiz needs it: already in the session's language, already sanitized for the
/// terminal, with the intervals each grade would give. The driver builds these from decks and
/// the scheduler, so the quiz depends on neither.
public struct QuizItem: Hashable, Sendable {
    public var cardID: String
    /// The front.
    public var prompt: String
    /// The short right answer shown on the back.
    public var answer: String
    /// Other typed answers that count as right.
    public var accepted: [String]
    /// The options for choice mode in display order, the answer among them; fewer than two
    /// means the card cannot be asked as a choice.
    public var choices: [String]
    /// The fuller text behind the `i` key.
    public var explanation: String
    /// The card's own mode, used unless the session chose another.
    public var mode: QuizMode
    /// What each grade would schedule, e.g. ["10m", "5.5m", "1d", "8d"], index `grade - 1`.
    public var intervals: [String]
    public var stage: Stage
    /// The status code the card is about, when there is one: a wrong typed answer that is another
    /// code's is named against it.
    public var code: Int?
    /// Times forgotten; with `isLeech`, the quiz says so above the prompt.
    public var lapses: Int
    public var isLeech: Bool
    /// For a leech: the lines of its explanation that tell it from the codes it is mixed up
    /// with, shown on the back without asking.
    public var contrasts: [String]

    /// Where the card is in its life, for the small label above the prompt.
    public enum Stage: String, Hashable, Sendable {
        case new, learning, review
    }

    public init(
        cardID: String, prompt: String, answer: String, accepted: [String] = [],
        choices: [String] = [], explanation: String = "", mode: QuizMode = .flip,
        intervals: [String] = [], stage: Stage = .new, code: Int? = nil, lapses: Int = 0, isLeech: Bool = false,
        contrasts: [String] = []
    ) {
        self.cardID = cardID
        self.prompt = prompt
        self.answer = answer
        self.accepted = accepted
        self.choices = choices
        self.explanation = explanation
        self.mode = mode
        self.intervals = intervals
        self.stage = stage
        self.code = code
        self.lapses = lapses
        self.isLeech = isLeech
        self.contrasts = contrasts
    }
}

extension QuizItem {
    /// Whether the card can be asked this way: choice needs options; typing needs an answer
    /// short enough to type (a code or a name, not a sentence), unless the card asks to be typed.
    public func supports(_ mode: QuizMode) -> Bool {
        switch mode {
        case .flip: true
        case .choice: choices.count >= 2
        case .type: self.mode == .type || TerminalText.width(answer) <= QuizItem.longestTypedAnswer
        }
    }

    /// Columns beyond which an answer is a sentence to recall, not a word to type.
    static let longestTypedAnswer = 32
}

/// What is left in today's queue, shown in the header as Anki does.
public struct QueueCounts: Hashable, Sendable {
    public var new: Int
    public var learning: Int
    public var due: Int

    public init(new: Int, learning: Int, due: Int) {
        self.new = new
        self.learning = learning
        self.due = due
    }

    public var total: Int { new + learning + due }
    public static let zero = QueueCounts(new: 0, learning: 0, due: 0)
}
