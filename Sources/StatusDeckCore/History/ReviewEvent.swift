import FSRS

/// One answer: a card was graded at an instant. One line of the history file.
public struct ReviewEvent: Hashable, Sendable {
    public var id: EventID
    /// Stable card id, e.g. `http/404/code-to-meaning`; the same in every deck and language.
    public var card: String
    public var at: Instant
    public var rating: Rating
    /// The deck the card was studied from, when known.
    public var deck: String?
    /// How it was asked: `flip`, `type` or `choice`, when known.
    public var mode: String?
    /// How long the answer took, in milliseconds, when measured.
    public var answerMilliseconds: Int?
    /// Whether a typed or chosen answer was right; absent for flip cards.
    public var correct: Bool?

    public init(id: EventID, card: String, at: Instant, rating: Rating, deck: String? = nil,
                mode: String? = nil, answerMilliseconds: Int? = nil, correct: Bool? = nil) {
        self.id = id
        self.card = card
        self.at = at
        self.rating = rating
        self.deck = deck
        self.mode = mode
        self.answerMilliseconds = answerMilliseconds
        self.correct = correct
    }
}
