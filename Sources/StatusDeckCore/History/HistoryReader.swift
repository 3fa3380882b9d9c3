#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a history file into a History, line by line.
///
/// Fed in chunks so a large file never has to sit in memory whole; a final line without its
/// newline is not a record (it was torn by a crash mid-write) and is handed back, not parsed.
public struct HistoryReader {
    public private(set) var history = History()
    public private(set) var line = 0
    private var parser = HistoryLineParser()
    /// Parsed lines waiting to be added in a batch (see `History.warm`).
    private var pending: [(HistoryRecord, Int)] = []
    private var pendingIDs: [EventID] = []
    /// Keeps the warming loads from being optimised away.
    public private(set) var warmSink: UInt64 = 0
    private static let batch = 64
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
        var start = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return 0 }
        while start < n {
            // memchr scans with vector instructions; a byte loop here cost a tenth of the load.
            guard let hit = memchr(base + start, 0x0a, n - start) else { break }
            let i = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            line += 1
            var end = i
            if end > start, bytes[end - 1] == 0x0d { end -= 1 }
            if !Self.isBlank(bytes, start, end) {
                do {
                    let record = try parser.parse(UnsafeBufferPointer(rebasing: bytes[start..<end]), line: line)
                    pending.append((record, line))
                    pendingIDs.append(record.id)
                    if pending.count == Self.batch { try flush() }
                } catch {
                    // Earlier lines first, so the error reported is the first one in the file.
                    try flush()
                    var e = error
                    e.path = path
                    throw e
                }
            }
            start = i + 1
        }
        try flush()
        return start
    }

    private mutating func flush() throws(InputError) {
        guard !pending.isEmpty else { return }
        warmSink &+= pendingIDs.withUnsafeBufferPointer { history.warm($0) }
        defer {
            pending.removeAll(keepingCapacity: true)
            pendingIDs.removeAll(keepingCapacity: true)
        }
        for (record, line) in pending {
            do {
                try history.add(record, line: line)
            } catch {
                var e = error
                e.path = path
                throw e
            }
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

    /// Reads a whole in-memory file; returns the history and the torn tail (bytes after the last newline).
    public static func read(_ bytes: [UInt8], path: String) throws(InputError) -> (History, [UInt8]) {
        var reader = HistoryReader(path: path)
        let used = try bytes.withUnsafeBufferPointer { (b) throws(InputError) -> Int in try reader.consume(b) }
        return (reader.history, Array(bytes[used...]))
    }
}
