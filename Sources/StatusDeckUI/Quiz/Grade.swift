/// The four answers a learner can give about how well they knew a card (FSRS ratings).
/// Raw values are the keys that choose them.
public enum Grade: Int, Hashable, Sendable, CaseIterable {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4
}
