import FSRS

/// One line of the history file.
public enum HistoryRecord: Hashable, Sendable {
    case review(ReviewEvent)
    case undo(UndoEvent)
    case mark(CardMarkEvent)
    case setting(SettingEvent)

    public var id: EventID {
        switch self {
        case .review(let r): return r.id
        case .undo(let u): return u.id
        case .mark(let m): return m.id
        case .setting(let s): return s.id
        }
    }

    public var at: Instant {
        switch self {
        case .review(let r): return r.at
        case .undo(let u): return u.at
        case .mark(let m): return m.at
        case .setting(let s): return s.at
        }
    }
}
