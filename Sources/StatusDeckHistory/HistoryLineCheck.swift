/// Every bad line of a history file, not only the first: what `history check` lists and
/// `history repair` sets aside.
///
/// Each complete line is judged by the loader's own rules, in file order: the line parser (so a
/// line is bad exactly when loading would stop on it), then the id index (an event id already
/// used by an earlier good line with other content). A bad line is left out of what later lines
/// are judged against, so lines after it are judged as they would be once it is gone, and
/// dropping every bad line leaves a file that loads.
public struct HistoryLineCheck: Sendable {
    /// One bad line: where it is and why the loader refuses it.
    public struct BadLine: Equatable, Sendable {
        /// 1-based line number in the file.
        public var line: Int
        /// The line's bytes in the file, its newline included.
        public var bytes: Range<Int>
        public var error: InputError
    }

    public private(set) var bad: [BadLine] = []
    /// Complete lines (each ends with a newline).
    public private(set) var lines = 0
    /// Bytes after the last newline: a torn line, the loader's to set aside, not a bad one.
    public private(set) var tornTail = 0

    /// Checks the file's bytes; `path` names the file in each error.
    public init(_ bytes: UnsafeBufferPointer<UInt8>, path: String) {
        var parser = HistoryLineParser()
        var history = History()
        var start = 0
        let n = bytes.count
        while start < n {
            guard let newline = bytes[start..<n].firstIndex(of: 0x0a) else {
                tornTail = n - start
                break
            }
            lines += 1
            do throws(InputError) {
                let record = try parser.parse(UnsafeBufferPointer(rebasing: bytes[start..<newline]), line: lines)
                try history.add(record, line: lines)
            } catch {
                var e = error
                e.path = path
                e.line = lines
                bad.append(BadLine(line: lines, bytes: start..<(newline + 1), error: e))
            }
            start = newline + 1
        }
    }

    /// The file without its bad lines: every good line, and a torn tail, byte for byte in order.
    public static func kept(_ bytes: UnsafeBufferPointer<UInt8>, without bad: [BadLine]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var next = 0
        for b in bad {
            out += bytes[next..<b.bytes.lowerBound]
            next = b.bytes.upperBound
        }
        out += bytes[next..<bytes.count]
        return out
    }

    /// The bad lines, verbatim and in order, each with its newline.
    public static func rejected(_ bytes: UnsafeBufferPointer<UInt8>, _ bad: [BadLine]) -> [UInt8] {
        bad.flatMap { bytes[$0.bytes] }
    }
}
