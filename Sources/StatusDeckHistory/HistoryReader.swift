import FSRS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// Turns the bytes of a history file into a History, line by line.
///
/// Fed in chunks so a large file never has to sit in memory whole; a final line without its
/// newline is not a record (it was torn by a crash mid-write) and is handed back, not parsed.
/// A large chunk is cut at a newline into two parts parsed on two threads. Its records are then
/// appended to the history, and added to its id index while the next chunk is parsed, by the
/// same two threads (each owns half of the index and, after its part of the parse, adds its
/// half of the ids): one wake-up of the second thread per chunk, and no index work left for one
/// thread alone. Both keep file order where it matters, so the history, and the first error
/// reported, are those of one thread reading line by line.
public struct HistoryReader {
    private var building = History()
    public private(set) var line = 0
    private let lanes = [ParseLane(), ParseLane()]
    /// The last large chunk's records: in the history's arrays, not yet in its id index.
    private var pending: PendingIndex?
    /// Below this many bytes a second thread costs more to start than it saves.
    static let parallelBytes = 256 << 10
    public let path: String

    /// `expectedBytes` (the file's size) lets the arrays be sized once instead of doubling,
    /// which would briefly hold two copies of a million events.
    public init(path: String, expectedBytes: Int = 0) {
        self.path = path
        if expectedBytes > 0 { building.reserveCapacity(expectedBytes / 150 + 16) }
    }

    /// Goes on from a history already read up to `line` (a snapshot's), so line numbers in
    /// errors stay those of the file.
    public init(path: String, continuing history: History, afterLine line: Int) {
        self.path = path
        self.building = history
        self.line = line
    }

    /// Everything read so far, once the last chunk's ids are indexed: throws when one of them
    /// came back with other content, as `consume` would have.
    public mutating func finish() throws(InputError) -> History {
        try indexPending(alongside: nil)
        var h = building
        h.compact()
        return h
    }

    /// Everything read so far, without reporting a conflict among the last chunk's ids (a copy
    /// of the index is made to add them): `finish()` is the one the loads use.
    public var history: History {
        var h = building
        if let p = pending { _ = h.indexAppended(lines: p.lines, hashes: p.hashes, from: p.bases, parallel: false) }
        h.compact()
        return h
    }

    /// Parses every complete line in `bytes`; returns how many bytes were consumed (up to and
    /// including the last newline). The caller keeps the rest for the next chunk.
    ///
    /// `alongside`, when given, is run once with 0 and once with 1, on the two threads of a large
    /// chunk after their share of the parse (one after the other otherwise): the store reads the
    /// next part of the file there, in two halves, instead of on one thread between chunks.
    public mutating func consume(
        _ bytes: UnsafeBufferPointer<UInt8>, alongside: (@Sendable (Int) -> Void)? = nil
    ) throws(InputError) -> Int {
        guard let base = bytes.baseAddress else {
            alongside?(0)
            alongside?(1)
            return 0
        }
        var complete = bytes.count
        while complete > 0, base[complete - 1] != 0x0a { complete -= 1 }
        #if canImport(Dispatch)
        if complete >= Self.parallelBytes, let hit = memchr(base + complete / 2, 0x0a, complete - complete / 2) {
            let split = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + 1
            let parts = Parts(whole: bytes, split: split, end: complete)
            let lanes = self.lanes
            let parse: @Sendable (Int) -> Void = { k in
                lanes[k].parse(parts.part(k))
                alongside?(k)
            }
            do throws(InputError) { try indexPending(alongside: parse) } catch {
                for lane in lanes { lane.clear() }
                throw error
            }
            try add(lanes[0].error == nil ? lanes : [lanes[0]], deferIndex: true)
            return complete
        }
        #endif
        alongside?(0)
        alongside?(1)
        guard complete > 0 else { return 0 }
        try indexPending(alongside: nil)
        lanes[0].parse(UnsafeBufferPointer(rebasing: bytes[0..<complete]))
        try add([lanes[0]], deferIndex: false)
        return complete
    }

    /// Adds the pending chunk's ids to the index (two threads, `alongside` first on each) and
    /// reports the first of its lines whose id came back with other content, or that a mark has.
    private mutating func indexPending(alongside: (@Sendable (Int) -> Void)?) throws(InputError) {
        guard let p = pending else {
            if let alongside { TwoLanes.run(alongside) }
            return
        }
        pending = nil
        var conflict = building.indexAppended(
            lines: p.lines, hashes: p.hashes, from: p.bases, parallel: true, alongside: alongside)
        // Marks read earlier were checked against the ids indexed then; these are new.
        if !building.marks.isEmpty || !building.settings.isEmpty, let clash = building.markClashingWithIndex(), let l = p.line(of: clash, in: building) {
            conflict = min(conflict ?? Int32.max, Int32(l))
        }
        guard let conflict else { return }
        line = Int(conflict)
        var e = History.conflict(p.id(atLine: conflict, in: building), line: Int(conflict))
        e.path = path
        throw e
    }

    /// Adds the lanes' records in file order, then reports the first error: a parse error ends
    /// the last lane given, and a repeated id with other content may come before it. Each lane's
    /// arrays are renumbered in place and appended to the history straight from the lane: a
    /// batch of both lanes, copied once more, was a twentieth of the load. With `deferIndex`, a
    /// chunk without marks or errors leaves its ids to be indexed with the next chunk's parse.
    private mutating func add(_ used: [ParseLane], deferIndex: Bool) throws(InputError) {
        defer { for lane in lanes { lane.clear() } }
        var first = line
        var parseError: InputError?
        var marks: [(HistoryRecord, Int)] = []
        for lane in used {
            lane.mapStrings(into: &building)
            lane.renumber(firstLine: Int32(first))
            for (m, l) in lane.marks { marks.append((m, Int(l) + first)) }
            if var e = lane.error {
                e.line = e.line.map { first + $0 }
                parseError = e
                break
            }
            first += lane.lineCount
        }
        if deferIndex, parseError == nil, marks.isEmpty {
            var p = PendingIndex(bases: (Int32(building.packed.count), Int32(building.undos.count)))
            for lane in used {
                _ = building.appendUnindexed(reviews: lane.reviews.buffer, undos: lane.undos)
                p.lines.append(contentsOf: lane.lines.buffer)
                p.hashes.append(contentsOf: lane.hashes.buffer)
            }
            pending = p
            line = first
            return
        }
        // Lane by lane, in file order: a repeat in the second lane of an id in the first is found
        // in the index as it would be in one batch of both, and the first conflict is the first line's.
        var conflict: Int?
        for lane in used {
            if let c = building.addBatch(reviews: lane.reviews.buffer, undos: lane.undos, lines: lane.lines.buffer, hashes: lane.hashes.buffer) {
                conflict = Int(c)
                break
            }
        }
        if let markConflict = addMarks(marks, used), markConflict < conflict ?? Int.max { conflict = markConflict }
        if let conflict, conflict < parseError?.line ?? Int.max {
            line = conflict
            let id = marks.first { $0.1 == conflict }?.0.id ?? Self.id(atLine: Int32(conflict), in: used)
            var e = History.conflict(id, line: conflict)
            e.path = path
            throw e
        }
        if var e = parseError {
            e.path = path
            line = e.line ?? line
            throw e
        }
        line = first
    }

    /// Adds a chunk's marks and settings (after its reviews and undos); returns the first line
    /// whose id is taken. A review or undo that takes a mark's id is caught here too, once it is
    /// indexed, at the review's line when it is in this chunk.
    private mutating func addMarks(_ marks: [(HistoryRecord, Int)], _ used: [ParseLane]) -> Int? {
        var first: Int?
        for (m, l) in marks {
            do throws(InputError) { _ = try building.addAside(m, line: l) } catch {
                // The later of the two lines is the repeat: the review's, when it is further on in this chunk.
                let repeatLine = max(l, Self.line(of: m.id, in: used) ?? l)
                first = min(first ?? repeatLine, repeatLine)
                break
            }
        }
        guard !building.marks.isEmpty || !building.settings.isEmpty, let clash = building.markClashingWithIndex() else { return first }
        let l = Self.line(of: clash, in: used) ?? marks.first { $0.0.id == clash }?.1 ?? line
        return min(first ?? l, l)
    }

    /// The line of the record with this id, if it is in these lanes (renumbered).
    private static func line(of id: EventID, in used: [ParseLane]) -> Int? {
        for lane in used {
            var r = 0, u = 0
            for l in lane.lines.buffer {
                if (l > 0 ? lane.reviews.buffer[r].id : lane.undos[u].id) == id { return Int(abs(l)) }
                if l > 0 { r += 1 } else { u += 1 }
            }
        }
        return nil
    }

    /// The id of the record on this line (it is in these lanes, renumbered).
    private static func id(atLine line: Int32, in used: [ParseLane]) -> EventID {
        for lane in used {
            var r = 0, u = 0
            for l in lane.lines.buffer {
                if abs(l) == line { return l > 0 ? lane.reviews.buffer[r].id : lane.undos[u].id }
                if l > 0 { r += 1 } else { u += 1 }
            }
        }
        return EventID(high: 0, low: 0)
    }

    /// Reads a whole in-memory file; returns the history and the torn tail (bytes after the last newline).
    public static func read(_ bytes: [UInt8], path: String) throws(InputError) -> (History, [UInt8]) {
        var reader = HistoryReader(path: path)
        let used = try bytes.withUnsafeBufferPointer { (b) throws(InputError) -> Int in try reader.consume(b) }
        return (try reader.finish(), Array(bytes[used...]))
    }
}

/// A chunk's records appended to the history but not yet indexed: their lines (negated for an
/// undo) and id hashes in file order, and where in the history's arrays they start.
private struct PendingIndex {
    var bases: (reviews: Int32, undos: Int32)
    var lines: [Int32] = []
    var hashes: [UInt64] = []

    /// The id of the record on this line, which is one of these.
    func id(atLine line: Int32, in history: History) -> EventID {
        var r = Int(bases.reviews), u = Int(bases.undos)
        for l in lines {
            if abs(l) == line { return l > 0 ? history.packed[r].id : history.undos[u].id }
            if l > 0 { r += 1 } else { u += 1 }
        }
        return EventID(high: 0, low: 0)
    }

    /// The line of the record with this id, if it is one of these.
    func line(of id: EventID, in history: History) -> Int? {
        var r = Int(bases.reviews), u = Int(bases.undos)
        for l in lines {
            if (l > 0 ? history.packed[r].id : history.undos[u].id) == id { return Int(abs(l)) }
            if l > 0 { r += 1 } else { u += 1 }
        }
        return nil
    }
}

/// The two parts of a chunk, handed to the threads that parse them.
private struct Parts: @unchecked Sendable {
    let whole: UnsafeBufferPointer<UInt8>
    let split: Int
    let end: Int

    func part(_ k: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: k == 0 ? whole[0..<split] : whole[split..<end])
    }
}

/// One thread's share of a chunk: complete lines parsed into packed records (cards and decks
/// numbered by this lane's parser), line numbers counted from the share's start, and the first
/// error. Used by one thread at a time (the reader waits for both).
final class ParseLane: @unchecked Sendable {
    var parser = HistoryLineParser()
    var reviews = LaneColumn<PackedReview>()
    var undos: [UndoEvent] = []
    /// Marks and settings, with their lines; they take no part in the index's batch.
    var marks: [(HistoryRecord, Int32)] = []
    /// Line of each record from 1 at the share's first line, negated for an undo.
    var lines = LaneColumn<Int32>()
    /// `EventIndex.hash` of each record's id, worked out here on the lane's thread.
    var hashes = LaneColumn<UInt64>()
    var error: InputError?
    var lineCount = 0
    /// This lane's parser's card and deck numbers → the history's.
    var cardMap: [UInt32] = []
    var deckMap: [UInt32] = []

    deinit {
        reviews.deallocate()
        lines.deallocate()
        hashes.deallocate()
    }

    func clear() {
        reviews.removeAll()
        undos.removeAll(keepingCapacity: true)
        marks.removeAll(keepingCapacity: true)
        lines.removeAll()
        hashes.removeAll()
        error = nil
        lineCount = 0
    }

    /// Turns the lane's card and deck numbers into the history's (after `mapStrings`) and its
    /// lines into the file's, in place.
    func renumber(firstLine: Int32) {
        // Locals: every access to a class's stored property is checked for exclusivity at run
        // time, which in a loop costs as much as the work.
        let (r, l) = (reviews.mutableBuffer, lines.mutableBuffer)
        cardMap.withUnsafeBufferPointer { cardMap in
            deckMap.withUnsafeBufferPointer { deckMap in
                for k in r.indices {
                    r[k].card = cardMap[Int(r[k].card)]
                    if r[k].deck != 0 { r[k].deck = deckMap[Int(r[k].deck) - 1] + 1 }
                }
            }
        }
        for k in l.indices { l[k] = l[k] > 0 ? l[k] + firstLine : l[k] - firstLine }
    }

    /// Numbers, in the history, the card and deck ids this lane's parser met for the first time.
    func mapStrings(into history: inout History) {
        while cardMap.count < parser.cardCount { cardMap.append(history.cardIndex(of: parser.cardID(at: cardMap.count))) }
        while deckMap.count < parser.deckCount { deckMap.append(history.deckIndex(of: parser.deckID(at: deckMap.count))) }
    }

    /// Parses lines that each end in a newline, stopping at the first bad one.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        // Worked on as locals, moved out and back (the exclusivity checks, see `renumber`).
        var parser = self.parser, reviews = self.reviews, undos = self.undos, lines = self.lines, hashes = self.hashes
        self.parser = HistoryLineParser()
        self.undos = []
        var error: InputError?
        defer {
            (self.parser, self.reviews, self.undos, self.lines, self.hashes) = (parser, reviews, undos, lines, hashes)
            self.error = error
        }
        let n = bytes.count
        var start = 0
        var line: Int32 = 0
        while start < n {
            line += 1
            // A line as StatusDeck writes it is read in one pass, newline included.
            if let (record, length) = parser.canonical(base + start, limit: n - start), start + length < n {
                Self.append(record, line: line, &reviews, &undos, &lines, &hashes)
                start += length + 1
                continue
            }
            // Anything else: find the line's end (memchr scans with vector instructions), then the
            // general parser, which also words the errors.
            guard let hit = memchr(base + start, 0x0a, n - start) else {
                line -= 1
                break
            }
            let i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            var end = i
            if end > start, bytes[end - 1] == 0x0d { end -= 1 }
            if !Self.isBlank(bytes, start, end) {
                do {
                    let record = try parser.parsePacked(UnsafeBufferPointer(rebasing: bytes[start..<end]), line: Int(line))
                    if case .mark(let m) = record {
                        marks.append((.mark(m), line))
                    } else if case .setting(let e) = record {
                        marks.append((.setting(e), line))
                    } else {
                        Self.append(record, line: line, &reviews, &undos, &lines, &hashes)
                    }
                } catch let e {
                    error = e
                    break
                }
            }
            start = i + 1
        }
        lineCount = Int(line)
    }

    @inline(__always)
    private static func append(
        _ record: HistoryLineParser.Packed, line: Int32, _ reviews: inout LaneColumn<PackedReview>,
        _ undos: inout [UndoEvent], _ lines: inout LaneColumn<Int32>, _ hashes: inout LaneColumn<UInt64>
    ) {
        switch record {
        case .review(let p):
            reviews.append(p)
            lines.append(line)
            hashes.append(EventIndex.hash(p.id))
        case .undo(let u):
            undos.append(u)
            lines.append(-line)
            hashes.append(EventIndex.hash(u.id))
        case .mark, .setting:
            break  // kept apart by the caller (neither is ever canonical)
        }
    }

    /// Blank lines are tolerated (hand edits), never written by StatusDeck.
    private static func isBlank(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = s
        while k < e {
            if b[k] != 0x20 && b[k] != 0x09 { return false }
            k += 1
        }
        return true
    }
}

/// One column of a lane's output (its reviews, lines or hashes): memory kept from part to part
/// and appended to in place. An Array here cost a call per record to check that it was not
/// shared, since the compiler cannot see that a column moved out of the lane is unique.
/// Freed by the lane that owns it (`deallocate`); copies of the struct only borrow it.
struct LaneColumn<Element: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init() {
        capacity = 4096
        base = .allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    mutating func removeAll() { count = 0 }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
    var mutableBuffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    func deallocate() { base.deallocate() }
}
