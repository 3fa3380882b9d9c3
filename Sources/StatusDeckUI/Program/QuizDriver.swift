/// The outside world as the quiz sees it: something that performs effects (saving an answer,
/// choosing the next card) and answers with messages. The CLI implements it over the history
/// store and the scheduler; tests implement it in memory.
public protocol QuizDriver {
    /// The first messages of a session: usually the first card, or `finished` when none is due.
    mutating func start(now: Int64) -> [QuizMessage]
    /// Performs one effect (never `.quit`) and returns the replies.
    mutating func perform(_ effect: QuizEffect, now: Int64) -> [QuizMessage]
}
