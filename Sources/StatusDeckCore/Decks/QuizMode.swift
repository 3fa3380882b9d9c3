/// How a card is quizzed. The raw values are written in deck files, so they never change.
public enum QuizMode: String, Sendable, Hashable, CaseIterable {
    /// Show the front, reveal the back, the learner grades themselves.
    case flip
    /// The learner types the answer; `answer` and `accepted` are right.
    case type
    /// The learner picks the answer among it and some of `choices`.
    case choice
}
