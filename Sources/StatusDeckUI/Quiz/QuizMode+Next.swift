import StatusDeckCore

extension QuizMode {
    /// The mode after this one, for the `m` key.
    var next: QuizMode {
        switch self {
        case .flip: .type
        case .type: .choice
        case .choice: .flip
        }
    }
}
