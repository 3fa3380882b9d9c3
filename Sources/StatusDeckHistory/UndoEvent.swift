import FSRS

/// Cancels an earlier review by its id, so undo never rewrites the file.
public struct UndoEvent: Hashable, Sendable {
    public var id: EventID
    /// The review this undo cancels.
    public var target: EventID
    public var at: Instant

    public init(id: EventID, target: EventID, at: Instant) {
        self.id = id
        self.target = target
        self.at = at
    }
}
