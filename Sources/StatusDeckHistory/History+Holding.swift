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
        if !markIndex.isEmpty, markIndex[p.id] != nil { return (.other, nil) }
        if !settingIndex.isEmpty, settingIndex[p.id] != nil { return (.other, nil) }
        guard let slot = eventIndex.find(p.id, hash: EventIndex.hash(p.id), packed, undos) else { return (.absent, nil) }
        guard slot >= 0 else { return (.other, .undo(Int(-slot - 1))) }
        let q = packed[Int(slot)]
        // Cards and decks are numbered in each history's own tables: compare their names.
        guard q.at == p.at, q.milliseconds == p.milliseconds, q.rating == p.rating, q.flags == p.flags,
            (q.deck == 0) == (p.deck == 0),
            cardTable.string(at: Int(q.card)) == source.cardTable.string(at: Int(p.card)),
            q.deck == 0 || deckTable.string(at: Int(q.deck) - 1) == source.deckTable.string(at: Int(p.deck) - 1)
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
