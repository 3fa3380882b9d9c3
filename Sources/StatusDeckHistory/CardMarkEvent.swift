import FSRS

/// What a mark does to a card: take it out of study (suspend) until taken back, or put it away
/// until the next study day (bury).
///
/// Raw values are the stored words and never change.
public enum CardMark: String, CaseIterable, Hashable, Sendable {
    case suspend
    case unsuspend
    case bury
    case unbury
}

/// A card suspended, unsuspended, buried or unburied at an instant: one line of the history file,
/// merged by id like answers and taken back by an undo like them. It schedules nothing.
public struct CardMarkEvent: Hashable, Sendable {
    public var id: EventID
    public var card: String
    public var at: Instant
    public var mark: CardMark

    public init(id: EventID, card: String, at: Instant, mark: CardMark) {
        self.id = id
        self.card = card
        self.at = at
        self.mark = mark
    }
}
