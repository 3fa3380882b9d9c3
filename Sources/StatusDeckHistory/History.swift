import CProcessorHints
import FSRS

/// Every event of a history file, each id once, in file order.
///
/// Reviews and undos are kept apart: an undo cancels its target wherever the two lines sit
/// (after a merge the undo may come first), so their relative order carries no meaning.
/// Reviews are kept packed (`PackedReview`): cards and decks are numbers in two string tables.
public struct History: Sendable {
    public private(set) var packed: [PackedReview] = []
    public private(set) var undos: [UndoEvent] = []
    /// Suspends and buries, in file order. A few a day at most, so they stay plain values with
    /// their own small index rather than slots in the million-entry one.
    public private(set) var marks: [CardMarkEvent] = []
    private(set) var markIndex: [EventID: Int] = [:]
    /// Settings given a value (`statusdeck config set`), in file order; rarer than marks, and kept
    /// apart from the reviews the same way.
    public private(set) var settings: [SettingEvent] = []
    private(set) var settingIndex: [EventID: Int] = [:]
    /// Lines whose id was already present with identical content (e.g. a file concatenated twice).
    public private(set) var duplicates = 0
    private var index = EventIndex()
    /// Distinct card ids and deck ids, in order of first sight; `PackedReview.card` and `.deck` point here.
    private(set) var cardTable = StringInterner()
    private(set) var deckTable = StringInterner()
    /// Slots of repeated lines that `addBatch` appended before it knew they were repeats; they are
    /// indexed nowhere and removed by `compact()`, once, when a reader hands the history over.
    private var dead: [Int32] = []

    public init() {}

    /// A history from a snapshot's parts, already checked against each other (`HistorySnapshot`).
    init(
        packed: [PackedReview], undos: [UndoEvent], marks: [CardMarkEvent], settings: [SettingEvent], duplicates: Int,
        index: EventIndex, cardTable: StringInterner, deckTable: StringInterner
    ) {
        self.packed = packed
        self.undos = undos
        self.marks = marks
        for (k, m) in marks.enumerated() { markIndex[m.id] = k }
        self.settings = settings
        for (k, e) in settings.enumerated() { settingIndex[e.id] = k }
        self.duplicates = duplicates
        self.index = index
        self.cardTable = cardTable
        self.deckTable = deckTable
    }

    /// The id index, for a snapshot; only meaningful once compacted.
    var eventIndex: EventIndex { index }

    public init<S: Sequence>(_ records: S) throws(InputError) where S.Element == HistoryRecord {
        for r in records { _ = try add(r, line: nil) }
    }

    /// The reviews in file order.
    public var reviews: ReviewList { ReviewList(packed: packed, cards: cardTable.strings, decks: deckTable.strings) }

    public var count: Int { packed.count + undos.count + marks.count + settings.count - dead.count }

    /// Room for `events` reviews without regrowing.
    public mutating func reserveCapacity(_ events: Int) {
        let fresh = packed.capacity < events
        packed.reserveCapacity(events)
        // Before any review is written there: a million take 40 MB.
        if fresh {
            let bytes = events * MemoryLayout<PackedReview>.stride
            packed.withUnsafeMutableBufferPointer { HugePages.advise(UnsafeMutableRawPointer($0.baseAddress), bytes: bytes) }
        }
        index.reserveCapacity(events)
    }

    public enum Addition: Equatable, Sendable { case added, duplicate }

    /// Adds a record unless its id is known. The same id with different content is an error:
    /// two different answers cannot both be the one event.
    @discardableResult
    public mutating func add(_ record: HistoryRecord, line: Int? = nil) throws(InputError) -> Addition {
        compact()
        if !markIndex.isEmpty, markIndex[record.id] != nil {
            guard case .mark(let m) = record else { throw Self.conflict(record.id, line: line) }
            return try add(m, line: line)
        }
        if !settingIndex.isEmpty, settingIndex[record.id] != nil {
            guard case .setting(let e) = record else { throw Self.conflict(record.id, line: line) }
            return try add(e, line: line)
        }
        switch record {
        case .mark(let m):
            return try add(m, line: line)
        case .setting(let e):
            return try add(e, line: line)
        case .review(let r):
            let p = pack(r)
            let h = EventIndex.hash(p.id)
            if let slot = index.find(p.id, hash: h, packed, undos) {
                guard slot >= 0, packed[Int(slot)] == p else { throw Self.conflict(p.id, line: line) }
                duplicates += 1
                return .duplicate
            }
            packed.append(p)
            index.insert(hash: h, slot: Int32(packed.count - 1), packed, undos)
        case .undo(let u):
            let h = EventIndex.hash(u.id)
            if let slot = index.find(u.id, hash: h, packed, undos) {
                guard slot < 0, undos[Int(-slot - 1)] == u else { throw Self.conflict(u.id, line: line) }
                duplicates += 1
                return .duplicate
            }
            undos.append(u)
            index.insert(hash: h, slot: -Int32(undos.count), packed, undos)
        }
        return .added
    }

    /// Adds a mark unless its id is known; what `add(_:line:)` does for one, without first
    /// compacting (the reader adds marks between batches).
    mutating func add(_ m: CardMarkEvent, line: Int?) throws(InputError) -> Addition {
        if let k = markIndex[m.id] {
            guard marks[k] == m else { throw Self.conflict(m.id, line: line) }
            duplicates += 1
            return .duplicate
        }
        if settingIndex[m.id] != nil || index.find(m.id, hash: EventIndex.hash(m.id), packed, undos) != nil {
            throw Self.conflict(m.id, line: line)
        }
        markIndex[m.id] = marks.count
        marks.append(m)
        return .added
    }

    /// Adds a setting unless its id is known, as `add(_:line:)` does for a mark.
    mutating func add(_ e: SettingEvent, line: Int?) throws(InputError) -> Addition {
        if let k = settingIndex[e.id] {
            guard settings[k] == e else { throw Self.conflict(e.id, line: line) }
            duplicates += 1
            return .duplicate
        }
        if markIndex[e.id] != nil || index.find(e.id, hash: EventIndex.hash(e.id), packed, undos) != nil {
            throw Self.conflict(e.id, line: line)
        }
        settingIndex[e.id] = settings.count
        settings.append(e)
        return .added
    }

    /// Adds a mark or a setting (the records the reader keeps out of its batch).
    mutating func addAside(_ record: HistoryRecord, line: Int?) throws(InputError) -> Addition {
        switch record {
        case .mark(let m): return try add(m, line: line)
        case .setting(let e): return try add(e, line: line)
        case .review, .undo: return try add(record, line: line)
        }
    }

    /// Adds the reviews of `source` at `positions`, which `holdings(ofReviewsIn:)` found this
    /// history lacks, without unpacking them: each is renumbered into this history's card and
    /// deck tables (a name looked up once per source, not once per review). What `add` would
    /// do with each, at a fraction of the cost when a new machine's first sync brings a million.
    /// Returns where the added ones now sit in `packed` (in order), and how many were found
    /// held after all: with the same content they count as duplicates, with other content as
    /// conflicts, as `add` would have thrown.
    public mutating func addReviews(at positions: [Int], of source: History) -> (added: Range<Int>, conflicts: Int) {
        compact()
        let start = packed.count
        var conflicts = 0
        var cards = [UInt32](repeating: .max, count: source.cardTable.count)
        var decks = [UInt32](repeating: .max, count: source.deckTable.count + 1)
        decks[0] = 0
        packed.reserveCapacity(packed.count + positions.count)
        let half = positions.count / 2 + positions.count / 64 + 16  // each table's share, with room for chance
        index.prepare(adding: (half, half), packed, undos)
        for k in positions {
            var p = source.packed[k]
            if cards[Int(p.card)] == .max { cards[Int(p.card)] = UInt32(cardTable.index(of: source.cardTable.string(at: Int(p.card)))) }
            if decks[Int(p.deck)] == .max {
                decks[Int(p.deck)] = UInt32(deckTable.index(of: source.deckTable.string(at: Int(p.deck) - 1))) + 1
            }
            p.card = cards[Int(p.card)]
            p.deck = decks[Int(p.deck)]
            if (!markIndex.isEmpty && markIndex[p.id] != nil) || (!settingIndex.isEmpty && settingIndex[p.id] != nil) {
                conflicts += 1
                continue
            }
            let h = EventIndex.hash(p.id)
            if let slot = index.find(p.id, hash: h, packed, undos) {
                if slot >= 0, packed[Int(slot)] == p { duplicates += 1 } else { conflicts += 1 }
                continue
            }
            packed.append(p)
            index.insert(hash: h, slot: Int32(packed.count - 1), packed, undos)
        }
        return (start..<packed.count, conflicts)
    }

    static func conflict(_ id: EventID, line: Int?) -> InputError {
        InputError(
            line: line, found: "event id \(id) again with different content",
            expected: "each event id once (keep one of the two lines)")
    }

    /// The review numbered with this history's tables, adding its card and deck ids when new.
    mutating func pack(_ r: ReviewEvent) -> PackedReview {
        PackedReview(
            id: r.id, at: r.at.milliseconds, milliseconds: r.storedMilliseconds,
            card: UInt32(cardTable.index(of: r.card)),
            deck: r.deck.map { UInt32(deckTable.index(of: $0)) + 1 } ?? 0,
            rating: UInt8(r.rating.rawValue), flags: PackedReview.flags(storedMode: r.storedMode, correct: r.correct))
    }

    /// The position of `card` among the distinct card ids, adding it when new.
    mutating func cardIndex(of card: String) -> UInt32 { UInt32(cardTable.index(of: card)) }
    /// The position of `deck` among the distinct deck ids, adding it when new.
    mutating func deckIndex(of deck: String) -> UInt32 { UInt32(deckTable.index(of: deck)) }

    /// Distinct card ids in order of first review; `PackedReview.card` points into this.
    public var cardCount: Int { cardTable.count }
    public func cardID(at index: Int) -> String { cardTable.string(at: index) }
    /// The deck of a packed review, if it named one.
    public func deckID(of p: PackedReview) -> String? { p.deck == 0 ? nil : deckTable.string(at: Int(p.deck) - 1) }

    /// Where the review with this id sits in `reviews`, if it is a review here.
    func reviewPosition(of id: EventID) -> Int? {
        guard let slot = index.find(id, hash: EventIndex.hash(id), packed, undos), slot >= 0 else { return nil }
        return Int(slot)
    }

    public func contains(_ id: EventID) -> Bool {
        markIndex[id] != nil || settingIndex[id] != nil || index.find(id, hash: EventIndex.hash(id), packed, undos) != nil
    }

    public func find(_ id: EventID) -> HistoryRecord? {
        if let k = markIndex[id] { return .mark(marks[k]) }
        if let k = settingIndex[id] { return .setting(settings[k]) }
        guard let slot = index.find(id, hash: EventIndex.hash(id), packed, undos) else { return nil }
        return slot >= 0 ? .review(reviews[Int(slot)]) : .undo(undos[Int(-slot - 1)])
    }

    /// Ids of reviews (and marks) cancelled by an undo.
    public var undoneIDs: Set<EventID> { Set(undos.map(\.target)) }

    /// Reviews that count: not undone, in file order.
    public var effectiveReviews: [ReviewEvent] {
        let undone = undoneIDs
        return undone.isEmpty ? Array(reviews) : reviews.filter { !undone.contains($0.id) }
    }

    /// For each review position, whether an undo cancelled it: a bit each, empty when none was.
    public func undoneMask() -> [UInt64] {
        guard !undos.isEmpty else { return [] }
        var mask = [UInt64](repeating: 0, count: (packed.count + 63) / 64)
        var any = false
        for u in undos {
            if let p = reviewPosition(of: u.target) {
                mask[p >> 6] |= 1 << UInt64(p & 63)
                any = true
            }
        }
        return any ? mask : []
    }

    /// A mark or setting whose id a review or undo also has, if any: the batch path indexes
    /// reviews and undos without looking at them, so the reader asks after each chunk (they are few).
    func markClashingWithIndex() -> EventID? {
        marks.first { index.find($0.id, hash: EventIndex.hash($0.id), packed, undos) != nil }?.id
            ?? settings.first { index.find($0.id, hash: EventIndex.hash($0.id), packed, undos) != nil }?.id
    }

    // MARK: - Adding a reader's chunk

    /// Adds records parsed elsewhere, in file order: `reviews` (numbered with this history's tables)
    /// and `undos`, interleaved as `lines` says (each record's line, negated for an undo), with
    /// `hashes[k]` = `EventIndex.hash` of the k-th record's id.
    ///
    /// The index is two tables split by a bit of the hash, so two threads add a large batch at once,
    /// each in file order within its table: the first of two equal ids is always the one kept, as
    /// when adding one by one. Returns the first line whose id came back with other content.
    mutating func addBatch(
        reviews: UnsafeBufferPointer<PackedReview>, undos newUndos: [UndoEvent], lines: UnsafeBufferPointer<Int32>,
        hashes: UnsafeBufferPointer<UInt64>
    ) -> Int32? {
        let bases = appendUnindexed(reviews: reviews, undos: newUndos)
        return indexAppended(lines: Array(lines), hashes: Array(hashes), from: bases, parallel: lines.count >= 4096)
    }

    /// The first half of `addBatch`: appends the records to the arrays without indexing them and
    /// returns where they start. Until `indexAppended` has run for them, nothing else may read or
    /// add to the history: the reader uses the gap to index one chunk while it parses the next.
    mutating func appendUnindexed(reviews: UnsafeBufferPointer<PackedReview>, undos newUndos: [UndoEvent]) -> (reviews: Int32, undos: Int32) {
        let bases = (reviews: Int32(packed.count), undos: Int32(undos.count))
        packed.append(contentsOf: reviews)
        undos.append(contentsOf: newUndos)
        return bases
    }

    /// The second half of `addBatch`, for records appended from `bases` on (possibly by several
    /// `appendUnindexed`, `lines` and `hashes` then concatenated in the same order). `alongside`,
    /// when given, runs first on each of the two threads that then index (its argument is the
    /// thread's number, 0 or 1), so other work shares the one wake-up of the second thread.
    mutating func indexAppended(
        lines: [Int32], hashes: [UInt64], from bases: (reviews: Int32, undos: Int32), parallel: Bool,
        alongside: (@Sendable (Int) -> Void)? = nil
    ) -> Int32? {
        var counts = (0, 0)
        for h in hashes { if h >> 63 == 0 { counts.0 += 1 } else { counts.1 += 1 } }
        index.prepare(adding: counts, packed, undos)

        let outcome = index.addBatch(
            lines: lines, hashes: hashes, reviewBase: bases.reviews, undoBase: bases.undos,
            packed: packed, undos: undos, parallel: parallel, alongside: alongside)
        dead += outcome.dead
        duplicates += outcome.dead.count
        return outcome.conflict
    }

    /// Removes the repeats `addBatch` left in place and renumbers the index; a no-op without them.
    mutating func compact() {
        guard !dead.isEmpty else { return }
        dead.sort()
        var gone = dead[...]
        let undoSlots = gone.prefix { $0 < 0 }  // undos' slots are negative, so they sort first
        var keptUndos: [UndoEvent] = []
        keptUndos.reserveCapacity(undos.count)
        let undoGone = Set(undoSlots.map { Int(-$0 - 1) })
        for (k, u) in undos.enumerated() where !undoGone.contains(k) { keptUndos.append(u) }
        gone = gone.dropFirst(undoSlots.count)
        var keptReviews: [PackedReview] = []
        keptReviews.reserveCapacity(packed.count - gone.count)
        var next = gone.first.map(Int.init) ?? Int.max
        for k in packed.indices {
            if k == next {
                gone = gone.dropFirst()
                next = gone.first.map(Int.init) ?? Int.max
                continue
            }
            keptReviews.append(packed[k])
        }
        packed = keptReviews
        undos = keptUndos
        dead = []
        index = EventIndex()
        index.reserveCapacity(packed.count + undos.count)
        for (k, p) in packed.enumerated() { index.insert(hash: EventIndex.hash(p.id), slot: Int32(k), packed, undos) }
        for (k, u) in undos.enumerated() { index.insert(hash: EventIndex.hash(u.id), slot: -Int32(k + 1), packed, undos) }
    }
}

/// Open addressing over slots into the history's arrays, in two tables chosen by the hash's top
/// bit so two threads can add at once. Each entry packs a 32-bit fingerprint of the id with the
/// slot, so a probe touches only the table (8 bytes an entry) and reaches into the million-event
/// arrays only when fingerprints match. Slot s >= 0 is reviews[s]; s < 0 is undos[-s - 1].
/// The arrays are passed in, not captured, so the history never holds a second reference that
/// would force copies.
struct EventIndex: Sendable {
    private(set) var tables = (EventTable(), EventTable())

    init() {}

    /// From a snapshot's two tables, whose entries were checked to point into the arrays.
    init(tables: (EventTable, EventTable)) { self.tables = tables }

    @inline(__always)
    static func hash(_ id: EventID) -> UInt64 {
        var z = id.high ^ (id.low &* 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    func find(_ id: EventID, hash h: UInt64, _ packed: [PackedReview], _ undos: [UndoEvent]) -> Int32? {
        h >> 63 == 0 ? tables.0.find(id, hash: h, packed, undos) : tables.1.find(id, hash: h, packed, undos)
    }

    /// Reads the entry where `h`'s probe starts and returns it, so that a `find` of the same
    /// hash a little later finds it in the cache: looking up many ids, issuing these some way
    /// ahead lets their cache misses overlap instead of coming one at a time.
    @inline(__always)
    func warm(_ h: UInt64) -> UInt64 {
        h >> 63 == 0 ? tables.0.warm(h) : tables.1.warm(h)
    }

    /// The slot in the entry where `h`'s probe starts, when that entry's fingerprint is `h`'s
    /// (nearly always the slot a `find` will compare), so that its event can be warmed as well.
    @inline(__always)
    func likelySlot(_ h: UInt64) -> Int32? {
        h >> 63 == 0 ? tables.0.likelySlot(h) : tables.1.likelySlot(h)
    }

    mutating func insert(hash h: UInt64, slot: Int32, _ packed: [PackedReview], _ undos: [UndoEvent]) {
        if h >> 63 == 0 { tables.0.insert(hash: h, slot: slot, packed, undos) } else { tables.1.insert(hash: h, slot: slot, packed, undos) }
    }

    mutating func reserveCapacity(_ n: Int) {
        tables.0.reserveCapacity(n / 2 + n / 64 + 16)
        tables.1.reserveCapacity(n / 2 + n / 64 + 16)
    }

    /// Grows each table now, so that adding this many more never grows it on a worker thread.
    mutating func prepare(adding counts: (Int, Int), _ packed: [PackedReview], _ undos: [UndoEvent]) {
        tables.0.prepare(adding: counts.0, packed, undos)
        tables.1.prepare(adding: counts.1, packed, undos)
    }

    struct BatchOutcome {
        var dead: [Int32] = []
        var conflict: Int32?
    }

    mutating func addBatch(
        lines: [Int32], hashes: [UInt64], reviewBase: Int32, undoBase: Int32,
        packed: [PackedReview], undos: [UndoEvent], parallel: Bool, alongside: (@Sendable (Int) -> Void)? = nil
    ) -> BatchOutcome {
        var parts = tables
        tables = (EventTable(), EventTable())  // so each table below is the only reference: no copy on write
        var outcomes = (BatchOutcome(), BatchOutcome())
        withUnsafeMutablePointer(to: &parts.0) { t0 in
            withUnsafeMutablePointer(to: &parts.1) { t1 in
                withUnsafeMutablePointer(to: &outcomes.0) { o0 in
                    withUnsafeMutablePointer(to: &outcomes.1) { o1 in
                        let work = Workers(t0: t0, t1: t1, o0: o0, o1: o1)
                        let run: @Sendable (Int) -> Void = { part in
                            alongside?(part)
                            let (t, o) = part == 0 ? (work.t0, work.o0) : (work.t1, work.o1)
                            o.pointee = t.pointee.addBatch(
                                part: UInt64(part), lines: lines, hashes: hashes, reviewBase: reviewBase,
                                undoBase: undoBase, packed: packed, undos: undos)
                        }
                        TwoLanes.run(together: parallel || alongside != nil, run)
                    }
                }
            }
        }
        tables = parts
        let conflict: Int32? =
            switch (outcomes.0.conflict, outcomes.1.conflict) {
            case let (a?, b?): min(a, b)
            case let (a, b): a ?? b
            }
        return BatchOutcome(dead: outcomes.0.dead + outcomes.1.dead, conflict: conflict)
    }
}

/// Each worker thread owns one table and one outcome.
private struct Workers: @unchecked Sendable {
    let t0: UnsafeMutablePointer<EventTable>
    let t1: UnsafeMutablePointer<EventTable>
    let o0: UnsafeMutablePointer<EventIndex.BatchOutcome>
    let o1: UnsafeMutablePointer<EventIndex.BatchOutcome>
}

/// One of the index's two tables.
struct EventTable: Sendable {
    private(set) var table: [UInt64] = []
    private(set) var count = 0

    init() {}

    /// A table read back from a snapshot.
    init(table: [UInt64], count: Int) {
        self.table = table
        self.count = count
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

    @inline(__always)
    private static func id(_ s: Int32, _ packed: UnsafeBufferPointer<PackedReview>, _ undos: UnsafeBufferPointer<UndoEvent>) -> EventID {
        s >= 0 ? packed[Int(s)].id : undos[Int(-s - 1)].id
    }

    func find(_ id: EventID, hash h: UInt64, _ packed: [PackedReview], _ undos: [UndoEvent]) -> Int32? {
        guard !table.isEmpty else { return nil }
        return table.withUnsafeBufferPointer { t in
            packed.withUnsafeBufferPointer { p in
                undos.withUnsafeBufferPointer { u in Self.find(id, hash: h, t, p, u) }
            }
        }
    }

    @inline(__always)
    private static func find(
        _ id: EventID, hash h: UInt64, _ t: UnsafeBufferPointer<UInt64>,
        _ packed: UnsafeBufferPointer<PackedReview>, _ undos: UnsafeBufferPointer<UndoEvent>
    ) -> Int32? {
        let fingerprint = (h & 0xFFFF_FFFF_0000_0000) | 0x1_0000_0000
        let size = t.count
        var i = start(h, size)
        while true {
            let e = t[i]
            if e == 0 { return nil }
            if e & 0xFFFF_FFFF_0000_0000 == fingerprint {
                let s = Int32(bitPattern: UInt32(truncatingIfNeeded: e))
                if Self.id(s, packed, undos) == id { return s }
            }
            i += 1
            if i == size { i = 0 }
        }
    }

    @inline(__always)
    func warm(_ h: UInt64) -> UInt64 {
        table.isEmpty ? 0 : table.withUnsafeBufferPointer { $0[Self.start(h, $0.count)] }
    }

    @inline(__always)
    func likelySlot(_ h: UInt64) -> Int32? {
        guard !table.isEmpty else { return nil }
        let e = table.withUnsafeBufferPointer { $0[Self.start(h, $0.count)] }
        guard e & 0xFFFF_FFFF_0000_0000 == (h & 0xFFFF_FFFF_0000_0000) | 0x1_0000_0000 else { return nil }
        return Int32(bitPattern: UInt32(truncatingIfNeeded: e))
    }

    @inline(__always)
    private static func place(_ e: UInt64, hash h: UInt64, _ t: UnsafeMutableBufferPointer<UInt64>) {
        let size = t.count
        var i = start(h, size)
        while t[i] != 0 {
            i += 1
            if i == size { i = 0 }
        }
        t[i] = e
    }

    mutating func reserveCapacity(_ n: Int) {
        guard n * 4 > table.count * 3, count == 0 else { return }
        table = HugePages.zeros(max(64, n * 4 / 3 + 1))
    }

    mutating func prepare(adding n: Int, _ packed: [PackedReview], _ undos: [UndoEvent]) {
        while (count + n) * 4 > table.count * 3 { grow(packed, undos) }
    }

    mutating func insert(hash h: UInt64, slot: Int32, _ packed: [PackedReview], _ undos: [UndoEvent]) {
        prepare(adding: 1, packed, undos)
        table.withUnsafeMutableBufferPointer { Self.place(Self.entry(h, slot), hash: h, $0) }
        count += 1
    }

    /// Adds the batch's records whose hash has `part` as its top bit, in file order, with room
    /// already made (`prepare`). Entries are prefetched 64 records ahead of use, so their cache
    /// misses overlap instead of coming one at a time: at a million ids the table is far larger
    /// than the cache. (Plain loads did that too, but 64 of them in flight filled the processor's
    /// window and stalled it; with the prefetch hint, 3 % off the 1M cold load.)
    mutating func addBatch(
        part: UInt64, lines: [Int32], hashes: [UInt64], reviewBase: Int32, undoBase: Int32,
        packed: [PackedReview], undos: [UndoEvent]
    ) -> EventIndex.BatchOutcome {
        var outcome = EventIndex.BatchOutcome()
        var added = 0
        table.withUnsafeMutableBufferPointer { t in
            packed.withUnsafeBufferPointer { p in
                undos.withUnsafeBufferPointer { u in
                    lines.withUnsafeBufferPointer { lines in
                        hashes.withUnsafeBufferPointer { hashes in
                            let n = lines.count, size = t.count
                            var r = reviewBase, v = undoBase
                            var block = 0
                            guard let table = t.baseAddress else { return }
                            while block < n {
                                let end = min(block + 64, n)
                                for k in block..<end where hashes[k] >> 63 == part { statusdeck_prefetch(table + Self.start(hashes[k], size)) }
                                for k in block..<end {
                                    let slot: Int32
                                    if lines[k] > 0 {
                                        slot = r
                                        r += 1
                                    } else {
                                        v += 1
                                        slot = -v
                                    }
                                    let h = hashes[k]
                                    guard h >> 63 == part else { continue }
                                    let id = Self.id(slot, p, u)
                                    if let old = Self.find(id, hash: h, UnsafeBufferPointer(t), p, u) {
                                        let same =
                                            old >= 0 && slot >= 0
                                            ? p[Int(old)] == p[Int(slot)]
                                            : old < 0 && slot < 0 ? u[Int(-old - 1)] == u[Int(-slot - 1)] : false
                                        guard same else {
                                            outcome.conflict = abs(lines[k])
                                            return
                                        }
                                        outcome.dead.append(slot)
                                        continue
                                    }
                                    Self.place(Self.entry(h, slot), hash: h, t)
                                    added += 1
                                }
                                block = end
                            }
                        }
                    }
                }
            }
        }
        count += added
        return outcome
    }

    private mutating func grow(_ packed: [PackedReview], _ undos: [UndoEvent]) {
        let old = table
        table = HugePages.zeros(max(64, old.count * 2))
        table.withUnsafeMutableBufferPointer { t in
            packed.withUnsafeBufferPointer { p in
                undos.withUnsafeBufferPointer { u in
                    for e in old where e != 0 {
                        let s = Int32(bitPattern: UInt32(truncatingIfNeeded: e))
                        Self.place(e, hash: EventIndex.hash(Self.id(s, p, u)), t)
                    }
                }
            }
        }
    }
}
