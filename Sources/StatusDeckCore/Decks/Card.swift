/// One flashcard, already written in its deck's language.
///
/// Its `id` is what review history is keyed on: the same id in two decks (zh and en, everyday and
/// all) is the same card, so an id names what is asked, never how it is worded.
public struct Card: Sendable, Hashable {
    /// Stable name, e.g. "http/404/code-to-meaning".
    public let id: String
    public let kind: CardKind
    /// The status code the card is about, when there is exactly one.
    public let code: Int?
    /// The front.
    public let prompt: String
    /// The back: short, shown as the right answer, and always accepted when typed.
    public let answer: String
    /// Other typed answers that count as right (former phrases, the other language's name, …).
    public let accepted: [String]
    /// Candidate wrong answers for multiple choice; the quiz picks some of them.
    public let choices: [String]
    /// The fuller text behind the `i` key: meaning, headers, contrasts, reference.
    public let explanation: String
    /// The mode the card is quizzed in by default.
    public let mode: QuizMode

    public init(
        id: String, kind: CardKind, code: Int? = nil, prompt: String, answer: String,
        accepted: [String] = [], choices: [String] = [], explanation: String = "",
        mode: QuizMode
    ) {
        self.id = id
        self.kind = kind
        self.code = code
        self.prompt = prompt
        self.answer = answer
        self.accepted = accepted
        self.choices = choices
        self.explanation = explanation
        self.mode = mode
    }
}
