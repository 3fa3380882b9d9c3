/// How well the learner recalled a card. Raw values are py-fsrs's, and they are stored in history,
/// so they never change.
public enum Rating: Int, CaseIterable, Hashable, Sendable {
    case again = 1, hard = 2, good = 3, easy = 4
}
