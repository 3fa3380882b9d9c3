/// What part of a history file a snapshot stands for.
public struct SnapshotCoverage: Equatable, Sendable {
    /// The file's first `bytes` bytes: whole lines, the last one ending in its newline.
    public var bytes: Int64
    /// How many lines those are, so a mistake further on is still reported at its own line.
    public var lines: Int
    /// `HistorySnapshot.fileHash` of those bytes.
    public var fileHash: UInt64

    public init(bytes: Int64, lines: Int, fileHash: UInt64) {
        self.bytes = bytes
        self.lines = lines
        self.fileHash = fileHash
    }
}

/// A loaded history in binary, so the next start reads it back instead of parsing every line.
///
/// The history file stays the only record: a snapshot is derived from it and used only when the
/// file still begins with exactly the bytes it was made from (their hash is in the snapshot, and
/// the store hashes the file again before trusting it); lines appended since are parsed as usual.
/// Anything wrong with a snapshot (another version, truncated, a flipped bit, indices that do not
/// fit) makes it unusable, never an error: the file is then parsed in full.
///
/// Layout: a header of 16 little-endian 64-bit words, then the packed reviews, the undos and the
/// id index's two tables as they lie in memory, then the card and deck ids (a 32-bit length and
/// the UTF-8 bytes each), then the marks and settings as history lines (they are few, and hold Strings). The
/// last header word hashes the other fifteen and every block.
public enum HistorySnapshot {
    /// Files are hashed in blocks of this size, each block's hash folded in order
    /// (`ContentHash.combine`), so two threads can each hash half of a file.
    public static let fileBlock = 1 << 20
    public static let headerBytes = 16 * 8
    private static let magic = UInt64(littleEndian: 0x3130_5041_4E53_4453)  // "SDSNAP01"
    /// 3 since settings travel as history lines (issue 19): older snapshots are parsed again once.
    private static let version: UInt64 = 3
    private static var layout: UInt64 {
        UInt64(MemoryLayout<PackedReview>.stride) | UInt64(MemoryLayout<UndoEvent>.stride) << 16
            | UInt64(MemoryLayout<UInt64>.stride) << 32 | version << 48
    }

    /// A snapshot's header, read and checked for shape.
    public struct Header: Sendable {
        fileprivate var words: [UInt64]
        public var coverage: SnapshotCoverage {
            SnapshotCoverage(bytes: Int64(bitPattern: words[2]), lines: Int(words[3]), fileHash: words[4])
        }
        /// Bytes after the header.
        public var payloadBytes: Int {
            Int(words[6]) * MemoryLayout<PackedReview>.stride + Int(words[7]) * MemoryLayout<UndoEvent>.stride
                + (Int(words[8]) + Int(words[10])) * 8 + Int(words[12])
        }
    }

    /// The hash of a file's bytes as `SnapshotCoverage.fileHash` means it: `fileBlock`-sized
    /// blocks hashed one by one and folded in order.
    public static func fileHash(blockHashes: [UInt64]) -> UInt64 {
        blockHashes.reduce(0x5D5E_5D5E_5D5E_5D5E) { ContentHash.combine($0, $1) }
    }

    public static func header(_ raw: UnsafeRawBufferPointer) -> Header? {
        guard raw.count == headerBytes else { return nil }
        let words = (0..<16).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        let limit: UInt64 = 1 << 31
        guard words[0] == magic, words[1] == layout, words[2] < 1 << 50, words[3] < 1 << 40,
            words[5] < limit, words[6] < limit, words[7] < limit, words[8] < limit, words[9] < limit,
            words[10] < limit, words[11] < limit, words[12] < limit, words[13] < limit, words[14] < limit,
            words[9] < words[8] || words[8] == 0 && words[9] == 0,
            words[11] < words[10] || words[10] == 0 && words[11] == 0,
            words[9] + words[11] == words[6] + words[7]
        else { return nil }
        return Header(words: words)
    }

    /// Hands `write` the snapshot of `history` block by block; false as soon as a write fails.
    /// `history` must be as a reader hands it over (compacted).
    public static func encode(_ history: History, coverage: SnapshotCoverage, write: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        let index = history.eventIndex
        var strings: [UInt8] = []
        for table in [history.cardTable, history.deckTable] {
            for s in table.strings {
                let utf8 = Array(s.utf8)
                withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { strings += $0 }
                strings += utf8
            }
        }
        for m in history.marks { strings += HistoryLineEncoder.encode(.mark(m)) }
        for e in history.settings { strings += HistoryLineEncoder.encode(.setting(e)) }
        var words: [UInt64] = [
            magic, layout, UInt64(coverage.bytes), UInt64(coverage.lines), coverage.fileHash, UInt64(history.duplicates),
            UInt64(history.packed.count), UInt64(history.undos.count),
            UInt64(index.tables.0.table.count), UInt64(index.tables.0.count),
            UInt64(index.tables.1.table.count), UInt64(index.tables.1.count),
            UInt64(strings.count), UInt64(history.cardTable.count), UInt64(history.deckTable.count), 0,
        ]
        var hash = words[0..<15].withUnsafeBytes { ContentHash.of($0) }
        hash = ContentHash.combine(hash, history.packed.withUnsafeBytes { ContentHash.of($0) })
        hash = ContentHash.combine(hash, history.undos.withUnsafeBytes { ContentHash.of($0) })
        hash = ContentHash.combine(hash, index.tables.0.table.withUnsafeBytes { ContentHash.of($0) })
        hash = ContentHash.combine(hash, index.tables.1.table.withUnsafeBytes { ContentHash.of($0) })
        hash = ContentHash.combine(hash, strings.withUnsafeBytes { ContentHash.of($0) })
        words[15] = hash
        let littleEndian = words.map(\.littleEndian)
        return littleEndian.withUnsafeBytes(write)
            && history.packed.withUnsafeBytes(write)
            && history.undos.withUnsafeBytes(write)
            && index.tables.0.table.withUnsafeBytes(write)
            && index.tables.1.table.withUnsafeBytes(write)
            && strings.withUnsafeBytes(write)
    }

    /// Reads the blocks after `header` through `read` (which must fill the buffer it is given,
    /// or return false) straight into the history's arrays; nil unless every check passes.
    public static func decode(_ header: Header, read: (UnsafeMutableRawBufferPointer) -> Bool) -> History? {
        let w = header.words
        // `room`: capacity past the count. The lines after the snapshot and the session's answers
        // are appended to these arrays; at exactly their size the first append would move the
        // whole array (32 MB at a million reviews). Capacity never written is never touched, so
        // it costs address space, not memory.
        func block<T>(_ count: Int, _: T.Type, room: Int = 0) -> [T]? {
            var ok = true
            let array = [T](unsafeUninitializedCapacity: count + room) { buffer, initialized in
                ok = read(UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[..<count])))
                // The bytes are plain data (no references), so a partly filled array is still safe to free.
                initialized = count
            }
            return ok ? array : nil
        }
        guard let packed = block(Int(w[6]), PackedReview.self, room: Int(w[6]) / 8 + 32_768),
            let undos = block(Int(w[7]), UndoEvent.self, room: Int(w[7]) / 8 + 1_024),
            let table0 = block(Int(w[8]), UInt64.self), let table1 = block(Int(w[10]), UInt64.self),
            let strings = block(Int(w[12]), UInt8.self)
        else { return nil }
        // The hash on one thread, the checks that every number points into its table on the other.
        let (cards, decks) = (UInt32(w[13]), UInt32(w[14]))
        var results = [false, false]
        results.withUnsafeMutableBufferPointer { out in
            let results = DisjointWrites(out)
            let work: @Sendable (Int) -> Void = { part in
                if part == 0 {
                    var hash = w[0..<15].withUnsafeBytes { ContentHash.of($0) }
                    hash = ContentHash.combine(hash, packed.withUnsafeBytes { ContentHash.of($0) })
                    hash = ContentHash.combine(hash, undos.withUnsafeBytes { ContentHash.of($0) })
                    hash = ContentHash.combine(hash, table0.withUnsafeBytes { ContentHash.of($0) })
                    hash = ContentHash.combine(hash, table1.withUnsafeBytes { ContentHash.of($0) })
                    hash = ContentHash.combine(hash, strings.withUnsafeBytes { ContentHash.of($0) })
                    results.buffer[0] = hash == w[15]
                } else {
                    // Every number must point into its table, so reading the history can never trap.
                    let fits = packed.withUnsafeBufferPointer { reviews in
                        reviews.allSatisfy { $0.card < cards && $0.deck <= decks && $0.rating >= 1 && $0.rating <= 4 }
                    }
                    results.buffer[1] =
                        fits && slotsFit(table0, count: Int(w[9]), reviews: packed.count, undos: undos.count)
                        && slotsFit(table1, count: Int(w[11]), reviews: packed.count, undos: undos.count)
                }
            }
            TwoLanes.run(work)
        }
        guard results[0], results[1] else { return nil }

        // The ids, each distinct, so numbering them again gives back the same numbers.
        var tables = (StringInterner(), StringInterner())
        var marksStart = 0
        let ok = strings.withUnsafeBytes { (raw) -> Bool in
            var at = 0
            for k in 0..<Int(w[13] + w[14]) {
                guard at + 4 <= raw.count else { return false }
                let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                at += 4
                guard length > 0 || k >= Int(w[13]), at + length <= raw.count else { return false }
                let bytes = UnsafeRawBufferPointer(rebasing: raw[at..<(at + length)]).bindMemory(to: UInt8.self)
                guard HistoryLineParser.isValidUTF8(bytes) else { return false }
                let number = k < Int(w[13]) ? tables.0.index(bytes) : tables.1.index(bytes)
                guard Int(number) == (k < Int(w[13]) ? k : k - Int(w[13])) else { return false }
                at += length
            }
            marksStart = at
            return true
        }
        guard ok else { return nil }
        var marks: [CardMarkEvent] = []
        var settings: [SettingEvent] = []
        var parser = HistoryLineParser()
        var start = marksStart
        while start < strings.count {
            guard let end = strings[start...].firstIndex(of: 0x0a) else { return nil }
            let record = strings.withUnsafeBufferPointer { b in
                try? parser.parse(UnsafeBufferPointer(rebasing: b[start..<end]), line: 1)
            }
            switch record {
            case .mark(let m)?: marks.append(m)
            case .setting(let e)?: settings.append(e)
            default: return nil
            }
            start = end + 1
        }
        let index = EventIndex(tables: (EventTable(table: table0, count: Int(w[9])), EventTable(table: table1, count: Int(w[11]))))
        return History(
            packed: packed, undos: undos, marks: marks, settings: settings, duplicates: Int(w[5]), index: index,
            cardTable: tables.0, deckTable: tables.1)
    }

    private static func slotsFit(_ table: [UInt64], count: Int, reviews: Int, undos: Int) -> Bool {
        var used = 0
        for e in table where e != 0 {
            let s = Int(Int32(bitPattern: UInt32(truncatingIfNeeded: e)))
            guard s >= 0 ? s < reviews : -s - 1 < undos else { return false }
            used += 1
        }
        return used == count
    }
}
