import FSRS

/// One line of the history file.
public enum HistoryRecord: Hashable, Sendable {
    case review(ReviewEvent)
    case undo(UndoEvent)

    public var id: EventID {
        switch self {
        case .review(let r): return r.id
        case .undo(let u): return u.id
        }
    }

    public var at: Instant {
        switch self {
        case .review(let r): return r.at
        case .undo(let u): return u.at
        }
    }
}
