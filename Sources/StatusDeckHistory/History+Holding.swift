/// Asking a history whether it already has another history's event, without unpacking it.
///
/// A sync compares every event of every device file with the local history; unpacking each
/// into a `HistoryRecord` (two strings each) only to find it already there was most of a full
/// sync's time. These look the packed event up and compare it field by field; only the events
/// that are `absent` need unpacking.
extension History {
    /// What a history holds under another history's event id.
    public enum Holding: Equatable, Sendable {
        /// No event with that id.
        case absent
        /// The same event.
        case same
        /// Another event under that id (a different answer, or another kind of event).
        case other
    }

    /// Where this history keeps an event found by `holding`: a review's position in `reviews`,
    /// or an undo's in `undos`; nil when not found, or found as a mark or setting.
    public enum Place: Equatable, Sendable {
        case review(Int)
        case undo(Int)
    }

    /// Whether this history has `source`'s review number `k` (`source.reviews[k]`), and where.
    public func holding(reviewAt k: Int, of source: History) -> (Holding, Place?) {
        let p = source.packed[k]
        // Cards and decks are numbered in each history's own tables: compare their names.
        return holding(p, index: eventIndex) { q in
            (q.deck == 0) == (p.deck == 0) && cardTable.string(at: Int(q.card)) == source.cardTable.string(at: Int(p.card))
                && (q.deck == 0 || deckTable.string(at: Int(q.deck) - 1) == source.deckTable.string(at: Int(p.deck) - 1))
        }
    }

    /// What this history holds under each review of `source` (`holding(reviewAt:of:)` for every
    /// `k`, in order). A full sync asks this of a million reviews, nearly all present: each
    /// lookup is two cache misses (the index entry, then the event it points to), so for each 64
    /// reviews both are read first, all 64 at once, and the two halves go to two threads; cards and decks are matched by
    /// number through a table made once per source instead of by name per review.
    public func holdings(ofReviewsIn source: History) -> [(Holding, Place?)] {
        let n = source.packed.count
        guard n > 0 else { return [] }
        // Source's card and deck numbers → this history's; `UInt32.max` for a name it lacks.
        let cards = (0..<source.cardTable.count).map { cardTable.existingIndex(of: source.cardTable.string(at: $0)).map(UInt32.init) ?? .max }
        let decks = [0] + (0..<source.deckTable.count).map { deckTable.existingIndex(of: source.deckTable.string(at: $0)).map { UInt32($0 + 1) } ?? .max }
        var found = [(Holding, Place?)](repeating: (.absent, nil), count: n)
        var sums: [UInt64] = [0, 0]
        found.withUnsafeMutableBufferPointer { out in
            sums.withUnsafeMutableBufferPointer { sums in
                let (results, warmed) = (DisjointWrites(out), DisjointWrites(sums))
                let index = eventIndex
                let run: @Sendable (Int) -> Void = { half in
                    let range = half == 0 ? 0..<(n / 2) : (n / 2)..<n
                    source.packed.withUnsafeBufferPointer { theirs in
                        packed.withUnsafeBufferPointer { mine in
                            var sum: UInt64 = 0
                            var block = range.lowerBound
                            while block < range.upperBound {
                                let end = min(block + 64, range.upperBound)
                                for k in block..<end { sum &+= index.warm(EventIndex.hash(theirs[k].id)) }
                                // Then the events those entries point to: the second cache miss of each lookup.
                                for k in block..<end {
                                    guard let s = index.likelySlot(EventIndex.hash(theirs[k].id)), s >= 0 else { continue }
                                    sum &+= UInt64(bitPattern: mine[Int(s)].at)
                                }
                                for k in block..<end { results.buffer[k] = holding(theirs[k], index: index, cards: cards, decks: decks) }
                                block = end
                            }
                            warmed.buffer[half] = sum  // stored, so the warming loads are not optimised away
                        }
                    }
                }
                TwoLanes.run(together: n >= 4096, run)
            }
        }
        return found
    }

    /// `holding(reviewAt:of:)` of one packed review, its card and deck renumbered by `cards` and `decks`.
    @inline(__always)
    private func holding(_ p: PackedReview, index: EventIndex, cards: [UInt32], decks: [UInt32]) -> (Holding, Place?) {
        holding(p, index: index) { q in q.card == cards[Int(p.card)] && q.deck == decks[Int(p.deck)] }
    }

    /// The lookup both of the above make; `sameCardAndDeck` tells whether the review `q` found
    /// under `p`'s id is on the same card in the same deck (the tables differ between histories).
    @inline(__always)
    private func holding(_ p: PackedReview, index: EventIndex, sameCardAndDeck: (PackedReview) -> Bool) -> (Holding, Place?) {
        if !markIndex.isEmpty, markIndex[p.id] != nil { return (.other, nil) }
        if !settingIndex.isEmpty, settingIndex[p.id] != nil { return (.other, nil) }
        guard let slot = index.find(p.id, hash: EventIndex.hash(p.id), packed, undos) else { return (.absent, nil) }
        guard slot >= 0 else { return (.other, .undo(Int(-slot - 1))) }
        let q = packed[Int(slot)]
        guard q.at == p.at, q.milliseconds == p.milliseconds, q.rating == p.rating, q.flags == p.flags, sameCardAndDeck(q)
        else { return (.other, .review(Int(slot))) }
        return (.same, .review(Int(slot)))
    }

    /// Whether this history has `source`'s undo number `k` (`source.undos[k]`), and where.
    public func holding(undoAt k: Int, of source: History) -> (Holding, Place?) {
        let u = source.undos[k]
        if !markIndex.isEmpty, markIndex[u.id] != nil { return (.other, nil) }
        if !settingIndex.isEmpty, settingIndex[u.id] != nil { return (.other, nil) }
        guard let slot = eventIndex.find(u.id, hash: EventIndex.hash(u.id), packed, undos) else { return (.absent, nil) }
        guard slot < 0 else { return (.other, .review(Int(slot))) }
        return (undos[Int(-slot - 1)] == u ? .same : .other, .undo(Int(-slot - 1)))
    }
}
