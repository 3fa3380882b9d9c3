import FSRS

/// A note's answers, oldest first: a literal list, or the answers of one card that an
/// `ExportHistory` folds when they are walked, so a million of them are never all held.
///
/// Which answers of the card are the note's is the assignment's choice (`ExportAnswerOwners`):
/// each answer belongs to one exported deck, so every answer is exported once.
public struct ExportReviews: Sequence, Hashable, Sendable, ExpressibleByArrayLiteral {
    enum Storage: Sendable {
        case literal([ExportReview])
        /// The card's answers whose owner is one of `decks` (indices into the exported decks).
        case history(ExportHistory, card: String, owners: ExportAnswerOwners, decks: [UInt16])
    }

    let storage: Storage
    /// How many answers the walk yields.
    public let count: Int

    public init(_ reviews: [ExportReview]) {
        storage = .literal(reviews)
        count = reviews.count
    }

    public init(arrayLiteral elements: ExportReview...) { self.init(elements) }

    init(history: ExportHistory, card: String, owners: ExportAnswerOwners, decks: [UInt16], count: Int) {
        storage = .history(history, card: card, owners: owners, decks: decks)
        self.count = count
    }

    public var isEmpty: Bool { count == 0 }

    public struct Iterator: IteratorProtocol {
        var literal: IndexingIterator<[ExportReview]>?
        var chain: ExportHistory.Chain?
        let owners: ExportAnswerOwners?
        let decks: [UInt16]

        public mutating func next() -> ExportReview? {
            if literal != nil { return literal?.next() }
            guard let owners else { return nil }
            let decks = self.decks
            return chain?.next(keeping: { decks.contains(owners.owner[$0]) })
        }
    }

    public func makeIterator() -> Iterator {
        switch storage {
        case .literal(let reviews):
            return Iterator(literal: reviews.makeIterator(), chain: nil, owners: nil, decks: [])
        case .history(let history, let card, let owners, let decks):
            return Iterator(literal: nil, chain: ExportHistory.Chain(history, card: card), owners: owners, decks: decks)
        }
    }

    /// The state these answers give the card, for a note whose answers come from a history.
    func scheduling() -> ExportScheduling? {
        guard case .history(let history, let card, let owners, let decks) = storage else { return nil }
        return history.scheduling(for: card, keeping: { decks.contains(owners.owner[$0]) })
    }

    /// The first answer's instant, without folding anything.
    public var earliest: Instant? {
        switch storage {
        case .literal(let reviews):
            return reviews.map(\.at).min()
        case .history(let history, let card, let owners, let decks):
            // A card's answers are in instant order: the first one kept is the earliest.
            for position in history.order[history.ranges[card] ?? 0..<0] where decks.contains(owners.owner[Int(position)]) {
                return history.history.packed[Int(position)].instant
            }
            return nil
        }
    }

    /// These answers and `other`'s, one list: the same note in two exported decks (Anki keeps a
    /// guid once) gets the answers given in either (and its state is then their fold: see
    /// `ExportHistory.scheduling(for:keeping:)`).
    func merged(with other: ExportReviews) -> ExportReviews {
        if case .history(let history, let card, let owners, let decks) = storage,
            case .history(_, let otherCard, let otherOwners, let otherDecks) = other.storage,
            card == otherCard, owners === otherOwners
        {
            return ExportReviews(
                history: history, card: card, owners: owners, decks: decks + otherDecks.filter { !decks.contains($0) },
                count: count + other.count)
        }
        if other.isEmpty { return self }
        if isEmpty { return other }
        return ExportReviews((Array(self) + Array(other)).sorted { $0.at < $1.at })
    }

    public static func == (a: ExportReviews, b: ExportReviews) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for review in self { hasher.combine(review) }
    }
}

/// For each answer in a history (by position), the exported deck it goes with: an index into the
/// exported decks, or `none` when no exported deck has its card.
public final class ExportAnswerOwners: Sendable {
    static let none = UInt16.max
    let owner: [UInt16]

    init(_ owner: [UInt16]) { self.owner = owner }
}
