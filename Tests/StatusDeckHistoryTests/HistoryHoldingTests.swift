import FSRS
import Testing

@testable import StatusDeckHistory

/// `History.holding` answers, for another history's packed event, what `find` and `==` on the
/// unpacked records answer: a sync relies on it to skip the events already here unread.
@Suite struct HistoryHoldingTests {
    /// Two histories sharing ids: some events copied as they are, some with one field changed,
    /// some under an id the other has as another kind of event; cards and decks first seen in
    /// different orders, so their numbers differ between the two.
    static func pair(seed: UInt64, events: Int = 400) throws -> (mine: History, theirs: History) {
        var rng = SplitMix64(seed: seed)
        let cards = ["http/404", "http/200", "卡片/418", "a"]
        let decks: [String?] = [nil, "http-all-en", "d2"]
        var mine = History(), theirs = History()
        func review(_ id: EventID, _ rng: inout SplitMix64) -> ReviewEvent {
            ReviewEvent(
                id: id, card: cards.randomElement(using: &rng) ?? "a", at: Instant(milliseconds: Int64.random(in: 0..<1_000_000, using: &rng)),
                rating: Rating(rawValue: Int.random(in: 1...4, using: &rng)) ?? .good, deck: decks.randomElement(using: &rng) ?? nil,
                mode: [nil, "flip", "type"].randomElement(using: &rng) ?? nil,
                answerMilliseconds: Bool.random(using: &rng) ? Int.random(in: 0...9_000, using: &rng) : nil,
                correct: [nil, true, false].randomElement(using: &rng) ?? nil)
        }
        for _ in 0..<events {
            let id = EventID.random(using: &rng)
            var r = review(id, &rng)
            // Some cards and decks only the other history names, so no number of mine matches them.
            if Int.random(in: 0..<20, using: &rng) == 0 { r.card = "only/theirs/" + String(Int.random(in: 0..<3, using: &rng)) }
            if Int.random(in: 0..<20, using: &rng) == 0 { r.deck = "only-theirs" }
            let u = UndoEvent(id: id, target: EventID.random(using: &rng), at: Instant(milliseconds: 5))
            let isUndo = Int.random(in: 0..<6, using: &rng) == 0
            let record: HistoryRecord = isUndo ? .undo(u) : .review(r)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0:  // only theirs
                try theirs.add(record)
            case 1:  // only mine
                try mine.add(record)
            case 2:  // theirs differs in one field only: the card, the deck, the time, or the rating
                try mine.add(record)
                var other = r
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: other.card = cards.first { $0 != r.card } ?? "a"
                case 1: other.deck = r.deck == nil ? "d2" : (r.deck == "d2" ? nil : "d2")
                case 2: other.at = Instant(milliseconds: r.at.milliseconds + 1)
                default: other.rating = r.rating == .good ? .hard : .good
                }
                try theirs.add(isUndo ? .undo(UndoEvent(id: id, target: EventID.random(using: &rng), at: u.at)) : .review(other))
            case 3:  // another kind of event under the same id
                try mine.add(.mark(CardMarkEvent(id: id, card: "a", at: Instant(milliseconds: 1), mark: .suspend)))
                try theirs.add(record)
            case 4:  // a review here, an undo there
                try mine.add(.review(r))
                try theirs.add(.undo(u))
            default:  // the same event in both
                try mine.add(record)
                try theirs.add(record)
            }
        }
        return (mine, theirs)
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func holdingAgreesWithFindOnTheUnpackedRecord(seed: UInt64) throws {
        let (mine, theirs) = try Self.pair(seed: seed)
        var seen: [History.Holding: Int] = [:]
        func expected(_ record: HistoryRecord) -> History.Holding {
            guard let found = mine.find(record.id) else { return .absent }
            return found == record ? .same : .other
        }
        func place(_ id: EventID) -> History.Place? {
            if let k = mine.packed.firstIndex(where: { $0.id == id }) { return .review(k) }
            if let k = mine.undos.firstIndex(where: { $0.id == id }) { return .undo(k) }
            return nil
        }
        for k in theirs.packed.indices {
            let (holding, at) = mine.holding(reviewAt: k, of: theirs)
            #expect(holding == expected(.review(theirs.reviews[k])), "review \(k)")
            #expect(at == place(theirs.packed[k].id), "review \(k)")
            seen[holding, default: 0] += 1
        }
        for k in theirs.undos.indices {
            let (holding, at) = mine.holding(undoAt: k, of: theirs)
            #expect(holding == expected(.undo(theirs.undos[k])), "undo \(k)")
            #expect(at == place(theirs.undos[k].id), "undo \(k)")
            seen[holding, default: 0] += 1
        }
        // Every answer was exercised, so the agreement above means something.
        #expect(seen[.absent, default: 0] > 10 && seen[.same, default: 0] > 10 && seen[.other, default: 0] > 10)
    }

    /// The batched lookup a sync uses answers exactly what `holding(reviewAt:of:)` answers, on
    /// both of its threads (above 4,096 reviews) and on one.
    @Test(arguments: [(4, 6_000), (5, 300)] as [(UInt64, Int)]) func holdingsAgreeWithHoldingOneByOne(seed: UInt64, events: Int) throws {
        let (mine, theirs) = try Self.pair(seed: seed, events: events)
        let all = mine.holdings(ofReviewsIn: theirs)
        #expect(all.count == theirs.packed.count)
        var seen: Set<History.Holding> = []
        for k in theirs.packed.indices {
            let one = mine.holding(reviewAt: k, of: theirs)
            #expect(all[k].0 == one.0 && all[k].1 == one.1, "review \(k)")
            seen.insert(one.0)
        }
        #expect(seen == [.absent, .same, .other])
    }

    /// Adding the absent reviews packed gives the history that adding them one by one gives:
    /// the same reviews in the same order, cards and decks by name, and ids found held after
    /// all counted as `add` would have treated them (a repeat is a duplicate, other content a conflict).
    @Test(arguments: [6, 7] as [UInt64]) func addReviewsEqualsAddingOneByOne(seed: UInt64) throws {
        let (mine, theirs) = try Self.pair(seed: seed, events: 1_500)
        let holdings = mine.holdings(ofReviewsIn: theirs)
        let absent = theirs.packed.indices.filter { holdings[$0].0 == .absent }
        let same = theirs.packed.indices.filter { holdings[$0].0 == .same }
        let other = theirs.packed.indices.filter { holdings[$0].0 == .other }
        try #require(absent.count > 50 && !same.isEmpty && !other.isEmpty)
        var one = mine
        var conflicts = 0
        for k in absent + same + other {
            do { try one.add(.review(theirs.reviews[k])) } catch { conflicts += 1 }
        }
        var batch = mine
        let (added, clashes) = batch.addReviews(at: absent + same + other, of: theirs)
        #expect(added == mine.packed.count..<(mine.packed.count + absent.count))
        #expect(clashes == conflicts && clashes == other.count)
        #expect(batch.duplicates == one.duplicates && batch.duplicates == mine.duplicates + same.count)
        #expect(Array(batch.reviews) == Array(one.reviews))
        for k in theirs.packed.indices { #expect(batch.contains(theirs.packed[k].id)) }
        // Indexed as well as appended: a second pass finds every one of them held.
        #expect(batch.holdings(ofReviewsIn: theirs).allSatisfy { $0.0 != .absent })
    }
}
