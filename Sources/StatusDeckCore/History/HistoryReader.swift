import FSRS
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(Dispatch)
import Dispatch
#endif

/// Turns the bytes of a history file into a History, line by line.
///
/// Fed in chunks so a large file never has to sit in memory whole; a final line without its
/// newline is not a record (it was torn by a crash mid-write) and is handed back, not parsed.
/// A large chunk is cut at a newline into two parts parsed on two threads; the records are
/// added in file order, so the history, and the first error reported, are those of one thread.
public struct HistoryReader {
    public private(set) var history = History()
    public private(set) var line = 0
    private let lanes = [ParseLane(), ParseLane()]
    /// Keeps the warming loads from being optimised away.
    public private(set) var warmSink: UInt64 = 0
    private static let batch = 64
    private static let placeholder = HistoryRecord.undo(UndoEvent(id: EventID(high: 0, low: 0), target: EventID(high: 0, low: 0), at: Instant(milliseconds: 0)))
    /// Below this many bytes a second thread costs more to start than it saves.
    static let parallelBytes = 256 << 10
    public let path: String

    /// `expectedBytes` (the file's size) lets the arrays be sized once instead of doubling,
    /// which would briefly hold two copies of a million events.
    public init(path: String, expectedBytes: Int = 0) {
        self.path = path
        if expectedBytes > 0 { history.reserveCapacity(expectedBytes / 150 + 16) }
    }

    /// Parses every complete line in `bytes`; returns how many bytes were consumed (up to and
    /// including the last newline). The caller keeps the rest for the next chunk.
    public mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>) throws(InputError) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var complete = bytes.count
        while complete > 0, base[complete - 1] != 0x0a { complete -= 1 }
        guard complete > 0 else { return 0 }
        #if canImport(Dispatch)
        // This thread parses the first part and adds it to the history while another thread
        // parses the rest; adding costs about as much as parsing, so this thread's part is smaller.
        let cut = complete / 4
        if complete >= Self.parallelBytes, let hit = memchr(base + cut, 0x0a, complete - cut) {
            let split = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + 1
            let parts = Parts(whole: bytes, split: split, end: complete)
            let other = lanes[1]
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                other.parse(parts.part(1))
                done.signal()
            }
            lanes[0].parse(parts.part(0))
            do {
                try merge(lanes[0])
            } catch {
                // The other thread still reads the caller's bytes: never return before it is done.
                done.wait()
                other.clear()
                throw error
            }
            done.wait()
            try merge(other)
            return complete
        }
        #endif
        lanes[0].parse(UnsafeBufferPointer(rebasing: bytes[0..<complete]))
        try merge(lanes[0])
        return complete
    }

    /// Adds a lane's records in order, in batches whose index entries are warmed first (see
    /// `History.warm`), then reports the lane's parse error, if any: it comes after them in the file.
    private mutating func merge(_ lane: ParseLane) throws(InputError) {
        defer { lane.clear() }
        let first = line
        // The records are moved out of the lane, not copied: a copy retained each record's card
        // and deck strings only for the lane to release them again, a tenth of the main thread.
        var records = lane.records
        lane.records = []
        defer { lane.records = records }
        let (ids, lines, cards) = (lane.ids, lane.lines, lane.cards)
        let n = records.count
        try records.withUnsafeMutableBufferPointer { (buffer) throws(InputError) in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < n {
                let end = min(start + Self.batch, n)
                warmSink &+= ids.withUnsafeBufferPointer { history.warm(UnsafeBufferPointer(rebasing: $0[start..<end])) }
                for k in start..<end {
                    let p = cards[k]
                    let card: UInt32? = p >= 0 ? historyCard(p, lane) : nil
                    // The slot keeps a record that owns nothing, so the lane's clear frees nothing twice.
                    let record = (base + k).move()
                    (base + k).initialize(to: Self.placeholder)
                    do throws(InputError) {
                        _ = try history.add(record, line: first + Int(lines[k]), card: card)
                    } catch {
                        var e = error
                        e.path = path
                        throw e
                    }
                }
                start = end
            }
        }
        if var e = lane.error {
            e.line = e.line.map { first + $0 }
            e.path = path
            line = e.line ?? line
            throw e
        }
        line = first + lane.lineCount
    }

    @inline(__always)
    private mutating func historyCard(_ p: Int32, _ lane: ParseLane) -> UInt32 {
        let i = Int(p)
        if i < lane.cardMap.count, lane.cardMap[i] >= 0 { return UInt32(lane.cardMap[i]) }
        if i >= lane.cardMap.count { lane.cardMap += [Int32](repeating: -1, count: i + 1 - lane.cardMap.count) }
        let h = history.cardIndex(of: lane.parser.internedString(at: p))
        lane.cardMap[i] = Int32(h)
        return h
    }

    /// Reads a whole in-memory file; returns the history and the torn tail (bytes after the last newline).
    public static func read(_ bytes: [UInt8], path: String) throws(InputError) -> (History, [UInt8]) {
        var reader = HistoryReader(path: path)
        let used = try bytes.withUnsafeBufferPointer { (b) throws(InputError) -> Int in try reader.consume(b) }
        return (reader.history, Array(bytes[used...]))
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

/// One thread's share of a chunk: complete lines parsed into records, line numbers counted from
/// the share's start, and the first error. Used by one thread at a time (the reader waits for both).
final class ParseLane: @unchecked Sendable {
    var parser = HistoryLineParser()
    var records: [HistoryRecord] = []
    var ids: [EventID] = []
    /// Line of each record, from 1 at the share's first line.
    var lines: [Int32] = []
    /// The card's index in this lane's parser (-1: not read by the fast path).
    var cards: [Int32] = []
    var error: InputError?
    var lineCount = 0
    /// This lane's parser index of a card id → the history's index of it (-1 not yet looked up).
    var cardMap: [Int32] = []

    func clear() {
        records.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        cards.removeAll(keepingCapacity: true)
        error = nil
        lineCount = 0
    }

    /// Parses lines that each end in a newline, stopping at the first bad one.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        // Worked on as locals, moved out and back: every access to a class's stored property
        // is checked for exclusivity at run time, which cost as much as the parse itself.
        var parser = self.parser, records = self.records, ids = self.ids, lines = self.lines, cards = self.cards
        self.parser = HistoryLineParser()
        (self.records, self.ids, self.lines, self.cards) = ([], [], [], [])
        var error: InputError?
        defer {
            (self.parser, self.records, self.ids, self.lines, self.cards) = (parser, records, ids, lines, cards)
            self.error = error
        }
        let n = bytes.count
        var start = 0
        var line = 0
        while start < n {
            // memchr scans with vector instructions; a byte loop here cost a tenth of the load.
            guard let hit = memchr(base + start, 0x0a, n - start) else { break }
            let i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            line += 1
            var end = i
            if end > start, bytes[end - 1] == 0x0d { end -= 1 }
            if !Self.isBlank(bytes, start, end) {
                var card: Int32 = -1
                do {
                    let record = try parser.parse(UnsafeBufferPointer(rebasing: bytes[start..<end]), line: line, card: &card)
                    ids.append(record.id)
                    records.append(record)
                    lines.append(Int32(truncatingIfNeeded: line))
                    cards.append(card)
                } catch let e {
                    error = e
                    break
                }
            }
            start = i + 1
        }
        lineCount = line
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
