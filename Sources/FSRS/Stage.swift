/// Where a card is in the scheduler's state machine (py-fsrs calls this `State`).
///
/// There is no "new" stage: as in py-fsrs 6, a card that was never reviewed is `.learning` at step 0
/// with no memory state. Raw values are py-fsrs's and are stored, so they never change.
public enum Stage: Int, CaseIterable, Hashable, Sendable {
    case learning = 1, review = 2, relearning = 3
}
