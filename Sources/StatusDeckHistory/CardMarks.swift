import FSRS

/// Which cards are suspended, and when each was last buried: the history's marks folded in order
/// of instant (ties by event id, like answers), leaving out those an undo took back.
///
/// The same events give the same answer on every machine, whatever order a merge left the lines
/// in: a later suspend wins over an earlier unsuspend, and so on.
public struct CardMarks: Equatable, Sendable {
    /// Cards taken out of study until unsuspended.
    public private(set) var suspended: Set<String> = []
    /// Each card's latest bury not taken back by an unbury after it.
    public private(set) var buriedAt: [String: Instant] = [:]

    public init() {}

    public init(history: History) {
        guard !history.marks.isEmpty else { return }
        let undone = history.undos.isEmpty ? [] : history.undoneIDs
        let ordered = history.marks
            .filter { !undone.contains($0.id) }
            .sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        for m in ordered {
            switch m.mark {
            case .suspend: suspended.insert(m.card)
            case .unsuspend: suspended.remove(m.card)
            case .bury: buriedAt[m.card] = m.at
            case .unbury: buriedAt[m.card] = nil
            }
        }
    }

    /// Whether the card was buried in the study day that began at `dayStart` (a bury lasts until
    /// the next study day begins).
    public func isBuried(_ card: String, dayStart: Instant) -> Bool {
        buriedAt[card].map { $0 >= dayStart } ?? false
    }

    /// Cards buried in the study day that began at `dayStart`.
    public func buried(dayStart: Instant) -> Set<String> {
        Set(buriedAt.filter { $0.value >= dayStart }.keys)
    }
}
