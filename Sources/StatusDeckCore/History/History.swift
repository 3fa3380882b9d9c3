import FSRS

/// Every event of a history file, each id once, in file order.
///
/// Reviews and undos are kept apart: an undo cancels its target wherever the two lines sit
/// (after a merge the undo may come first), so their relative order carries no meaning.
public struct History: Sendable {
    public private(set) var reviews: [ReviewEvent] = []
    public private(set) var undos: [UndoEvent] = []
    /// Lines whose id was already present with identical content (e.g. a file concatenated twice).
    public private(set) var duplicates = 0
    private var index = EventIndex()
    /// Distinct card ids, and for each review the position of its card among them, so replay
    /// groups by a small integer instead of hashing a String per review.
    /// Two bytes a review (a million reviews count against the memory budget); a history with
    /// more distinct cards than that gives them up, and replay then numbers the cards itself.
    private var cardTable = StringInterner()
    private(set) var cardIndices: [UInt16] = []
    private(set) var cardIndicesComplete = true

    public init() {}

    public init<S: Sequence>(_ records: S) throws(InputError) where S.Element == HistoryRecord {
        for r in records { _ = try add(r, line: nil) }
    }

    public var count: Int { reviews.count + undos.count }

    /// Touches the index entries these ids will probe. The loads are independent, so the
    /// processor overlaps their cache misses; the adds that follow then hit the cache.
    /// At a million random ids the index is far larger than the cache, and this halves the cost.
    func warm(_ ids: UnsafeBufferPointer<EventID>) -> UInt64 {
        index.warm(ids)
    }

    /// Room for `events` reviews without regrowing.
    public mutating func reserveCapacity(_ events: Int) {
        reviews.reserveCapacity(events)
        cardIndices.reserveCapacity(events)
        index.reserveCapacity(events)
    }

    public enum Addition: Equatable, Sendable { case added, duplicate }

    /// Adds a record unless its id is known. The same id with different content is an error:
    /// two different answers cannot both be the one event.
    @discardableResult
    public mutating func add(_ record: HistoryRecord, line: Int? = nil) throws(InputError) -> Addition {
        try add(record, line: line, card: nil)
    }

    /// The position of `card` among the distinct card ids, adding it when new.
    mutating func cardIndex(of card: String) -> UInt32 { UInt32(cardTable.index(of: card)) }

    /// `card`, when given, is `cardIndex(of:)` of the review's card, already looked up by the caller.
    /// Takes the record over, so the reader's copy moves in without retaining its strings.
    mutating func add(_ record: consuming HistoryRecord, line: Int?, card: UInt32?) throws(InputError) -> Addition {
        if let slot = index.find(record.id, reviews: reviews, undos: undos) {
            let existing: HistoryRecord = slot >= 0 ? .review(reviews[Int(slot)]) : .undo(undos[Int(-slot - 1)])
            guard existing == record else {
                throw InputError(line: line, found: "event id \(record.id) again with different content",
                                 expected: "each event id once (keep one of the two lines)")
            }
            duplicates += 1
            return .duplicate
        }
        let id = record.id
        switch consume record {
        case .review(let r):
            reviews.append(r)
            if cardIndicesComplete {
                let c = card ?? UInt32(cardTable.index(of: r.card))
                if c <= UInt32(UInt16.max) {
                    cardIndices.append(UInt16(c))
                } else {
                    cardIndicesComplete = false
                    cardIndices = []
                }
            }
            index.insert(id, slot: Int32(reviews.count - 1), reviews: reviews, undos: undos)
        case .undo(let u):
            undos.append(u)
            index.insert(id, slot: -Int32(undos.count), reviews: reviews, undos: undos)
        }
        return .added
    }

    /// Distinct card ids in order of first review; `cardIndices` point into this.
    var cardCount: Int { cardTable.count }
    func cardID(at index: Int) -> String { cardTable.string(at: index) }

    /// Where the review with this id sits in `reviews`, if it is a review here.
    func reviewPosition(of id: EventID) -> Int? {
        guard let slot = index.find(id, reviews: reviews, undos: undos), slot >= 0 else { return nil }
        return Int(slot)
    }

    public func contains(_ id: EventID) -> Bool { index.find(id, reviews: reviews, undos: undos) != nil }

    public func find(_ id: EventID) -> HistoryRecord? {
        guard let slot = index.find(id, reviews: reviews, undos: undos) else { return nil }
        return slot >= 0 ? .review(reviews[Int(slot)]) : .undo(undos[Int(-slot - 1)])
    }

    /// Ids of reviews cancelled by an undo.
    public var undoneIDs: Set<EventID> { Set(undos.map(\.target)) }

    /// Reviews that count: not undone, in file order.
    public var effectiveReviews: [ReviewEvent] {
        let undone = undoneIDs
        return undone.isEmpty ? reviews : reviews.filter { !undone.contains($0.id) }
    }
}

/// Open addressing over slots into the history's arrays. Each entry packs a 32-bit fingerprint
/// of the id with the slot, so a probe touches only this table (8 bytes an entry) and reaches
/// into the million-event arrays only when fingerprints match.
struct EventIndex: Sendable {
    private var table: [UInt64] = []
    private var count = 0

    @inline(__always)
    private static func hash(_ id: EventID) -> UInt64 {
        var z = id.high ^ (id.low &* 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The entry an id's probe starts at: its hash's low half scaled to the table, so the table
    /// need not be a power of two (at a million events one would cost a few megabytes more);
    /// the high half is the fingerprint, so the two stay independent.
    @inline(__always)
    private static func start(_ h: UInt64, _ size: Int) -> Int {
        Int(truncatingIfNeeded: ((h & 0xFFFF_FFFF) &* UInt64(size)) >> 32)
    }

    /// Never 0, which marks an empty entry.
    @inline(__always)
    private static func entry(_ h: UInt64, _ slot: Int32) -> UInt64 {
        (h & 0xFFFF_FFFF_0000_0000) | 0x1_0000_0000 | UInt64(UInt32(bitPattern: slot))
    }

    /// Slot s >= 0 is reviews[s]; s < 0 is undos[-s - 1]. The arrays are passed in, not
    /// captured, so the history never holds a second reference that would force copies.
    @inline(__always)
    private static func id(_ s: Int32, _ reviews: [ReviewEvent], _ undos: [UndoEvent]) -> EventID {
        s >= 0 ? reviews[Int(s)].id : undos[Int(-s - 1)].id
    }

    func find(_ id: EventID, reviews: [ReviewEvent], undos: [UndoEvent]) -> Int32? {
        guard !table.isEmpty else { return nil }
        let h = Self.hash(id)
        let fingerprint = (h & 0xFFFF_FFFF_0000_0000) | 0x1_0000_0000
        let size = table.count
        var i = Self.start(h, size)
        while true {
            let e = table[i]
            if e == 0 { return nil }
            if e & 0xFFFF_FFFF_0000_0000 == fingerprint {
                let s = Int32(bitPattern: UInt32(truncatingIfNeeded: e))
                if Self.id(s, reviews, undos) == id { return s }
            }
            i += 1
            if i == size { i = 0 }
        }
    }

    func warm(_ ids: UnsafeBufferPointer<EventID>) -> UInt64 {
        guard !table.isEmpty else { return 0 }
        let size = table.count
        var sink: UInt64 = 0
        table.withUnsafeBufferPointer { t in
            for id in ids { sink &+= t[Self.start(Self.hash(id), size)] }
        }
        return sink
    }

    mutating func reserveCapacity(_ n: Int) {
        guard n * 4 > table.count * 3, count == 0 else { return }
        table = [UInt64](repeating: 0, count: max(64, n * 4 / 3 + 1))
    }

    mutating func insert(_ id: EventID, slot: Int32, reviews: [ReviewEvent], undos: [UndoEvent]) {
        if (count + 1) * 4 > table.count * 3 { grow(reviews: reviews, undos: undos) }
        let h = Self.hash(id)
        let size = table.count
        var i = Self.start(h, size)
        while table[i] != 0 {
            i += 1
            if i == size { i = 0 }
        }
        table[i] = Self.entry(h, slot)
        count += 1
    }

    private mutating func grow(reviews: [ReviewEvent], undos: [UndoEvent]) {
        let old = table
        table = [UInt64](repeating: 0, count: max(64, old.count * 2))
        let size = table.count
        for e in old where e != 0 {
            let s = Int32(bitPattern: UInt32(truncatingIfNeeded: e))
            let h = Self.hash(Self.id(s, reviews, undos))
            var i = Self.start(h, size)
            while table[i] != 0 {
                i += 1
                if i == size { i = 0 }
            }
            table[i] = e
        }
    }
}
