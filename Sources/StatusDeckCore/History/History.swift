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

    public init() {}

    public init<S: Sequence>(_ records: S) throws(InputError) where S.Element == HistoryRecord {
        for r in records { _ = try add(r, line: nil) }
    }

    public var count: Int { reviews.count + undos.count }

    public enum Addition: Equatable, Sendable { case added, duplicate }

    /// Adds a record unless its id is known. The same id with different content is an error:
    /// two different answers cannot both be the one event.
    @discardableResult
    public mutating func add(_ record: HistoryRecord, line: Int? = nil) throws(InputError) -> Addition {
        if let existing = find(record.id) {
            guard existing == record else {
                throw InputError(line: line, found: "event id \(record.id) again with different content",
                                 expected: "each event id once (keep one of the two lines)")
            }
            duplicates += 1
            return .duplicate
        }
        switch record {
        case .review(let r):
            index.insert(record.id, slot: Int32(reviews.count), lookup: lookup)
            reviews.append(r)
        case .undo(let u):
            index.insert(record.id, slot: -Int32(undos.count) - 1, lookup: lookup)
            undos.append(u)
        }
        return .added
    }

    public func contains(_ id: EventID) -> Bool { index.find(id, lookup: lookup) != nil }

    public func find(_ id: EventID) -> HistoryRecord? {
        guard let slot = index.find(id, lookup: lookup) else { return nil }
        return slot >= 0 ? .review(reviews[Int(slot)]) : .undo(undos[Int(-slot - 1)])
    }

    /// Ids of reviews cancelled by an undo.
    public var undoneIDs: Set<EventID> { Set(undos.map(\.target)) }

    /// Reviews that count: not undone, in file order.
    public var effectiveReviews: [ReviewEvent] {
        let undone = undoneIDs
        return undone.isEmpty ? reviews : reviews.filter { !undone.contains($0.id) }
    }

    private func lookup(_ slot: Int32) -> EventID {
        slot >= 0 ? reviews[Int(slot)].id : undos[Int(-slot - 1)].id
    }
}

/// Open addressing over slots into the history's arrays: 4 bytes per event instead of a
/// Set's 16 plus hashing, which matters at a million events.
struct EventIndex: Sendable {
    private var table: [Int32] = []
    private var count = 0
    private static let empty = Int32.min

    private static func hash(_ id: EventID) -> Int {
        var z = id.high ^ (id.low &* 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: z ^ (z >> 31))
    }

    func find(_ id: EventID, lookup: (Int32) -> EventID) -> Int32? {
        guard !table.isEmpty else { return nil }
        let mask = table.count - 1
        var i = Self.hash(id) & mask
        while true {
            let s = table[i]
            if s == Self.empty { return nil }
            if lookup(s) == id { return s }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ id: EventID, slot: Int32, lookup: (Int32) -> EventID) {
        if (count + 1) * 2 > table.count { grow(lookup: lookup) }
        let mask = table.count - 1
        var i = Self.hash(id) & mask
        while table[i] != Self.empty { i = (i + 1) & mask }
        table[i] = slot
        count += 1
    }

    private mutating func grow(lookup: (Int32) -> EventID) {
        let old = table
        table = [Int32](repeating: Self.empty, count: max(64, old.count * 2))
        let mask = table.count - 1
        for s in old where s != Self.empty {
            var i = Self.hash(lookup(s)) & mask
            while table[i] != Self.empty { i = (i + 1) & mask }
            table[i] = s
        }
    }
}
