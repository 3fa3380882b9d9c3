/// How a card is asked: flipped, typed, or chosen from four options.
public enum AnswerMode: String, Hashable, Sendable, CaseIterable {
    case flip
    case type
    case choice

    /// The mode after this one, for the `m` key.
    var next: AnswerMode {
        switch self {
        case .flip: .type
        case .type: .choice
        case .choice: .flip
        }
    }
}
