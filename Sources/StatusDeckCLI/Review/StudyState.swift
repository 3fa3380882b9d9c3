import FSRS
import StatusDeckCore

/// What the review driver needs from the history: each card's schedule, today's queue, and a
/// durable way to add and take back answers. One implementation keeps it on disk (the history
/// store); tests and the benchmark can keep it in memory.
protocol StudyState {
    /// Today's queue for these cards (deck order), in the order to ask them.
    func queue(deckCards: [String], now: Instant) -> StudyQueue
    /// The schedule each grade would give, index `rating - 1`.
    func preview(card: String, now: Instant) -> [Schedule]
    /// Where the card is: nil when it was never answered.
    func schedule(of card: String) -> Schedule?
    /// Saves an answer durably before returning; the returned token undoes it.
    mutating func answer(_ answer: StudyAnswer, now: Instant) throws -> UndoToken
    /// Takes back an answer (by appending an undo, never by rewriting).
    mutating func undo(_ token: UndoToken, now: Instant) throws
    /// The cards put away until the next study day.
    func skippedToday(now: Instant) -> Set<String>
    /// Puts a card away until the next study day, or takes that back.
    mutating func setSkipped(_ card: String, _ skipped: Bool, now: Instant) throws
}

/// One answer as the history records it.
struct StudyAnswer {
    var card: String
    var rating: Rating
    var deck: String
    var mode: String
    var answerMilliseconds: Int
    var correct: Bool?
}

/// Names an answer so it can be undone.
struct UndoToken: Hashable {
    var value: String
}

/// Today's cards, split as the header counts them, and when the next card after them is due.
struct StudyQueue {
    var learning: [String]
    var reviews: [String]
    var new: [String]
    var nextDue: Instant?

    var cards: [String] { learning + reviews + new }
}
