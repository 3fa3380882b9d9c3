/// What a card asks. The raw values are written in deck files and card ids, so they never change.
public enum CardKind: String, Sendable, Hashable, CaseIterable {
    /// Front: a code. Back: its name and meaning.
    case codeToMeaning = "code-to-meaning"
    /// Front: a meaning or a concrete scenario. Back: the code.
    case meaningToCode = "meaning-to-code"
    /// Front: a reason phrase. Back: the code.
    case phraseToCode = "phrase-to-code"
    /// Front: a code's phrase. Back: its class (2xx, 4xx, …).
    case classRecognition = "class"
    /// Front: a question about codes that are mixed up. Back: what tells them apart.
    case contrast = "contrast"

    /// The mode a card of this kind is quizzed in unless the deck says otherwise: recalling a
    /// code is best typed, recalling a meaning is best self-graded, and a class is one of five.
    public var defaultMode: QuizMode {
        switch self {
        case .codeToMeaning: .flip
        case .meaningToCode: .type
        case .phraseToCode: .type
        case .classRecognition: .choice
        case .contrast: .flip
        }
    }
}
