import Dispatch
import FSRS
import StatusDeckCore
import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#endif

/// The history file: an append-only JSON Lines log that never loses an answer.
///
/// - An answer is committed by its final newline: one `write(2)` of the whole line on an
///   O_APPEND descriptor, then `fsync`, all under an exclusive `flock`, so two processes never
///   interleave bytes or lose each other's lines.
/// - A last line without its newline was torn by a crash mid-write. It is moved, under the lock,
///   to `history.torn-<instant>` beside the file (never deleted) and the log is cut back to its
///   last newline, so the next append starts on a clean line.
/// - A failed write (disk full, file size limit) is cut back off before the lock is released:
///   nothing half-written remains as a record.
/// - The file is never rewritten: appends and that cut of an uncommitted tail are the only changes.
public struct HistoryStore: Sendable {
    public let directory: DataDirectory
    public let path: String
    private let clock: @Sendable () -> Instant

    /// See `snapshotAfterBytes`.
    public let snapshotAfter: Int64

    /// Write the snapshot a load makes on another thread, 250 ms after the load returns (the
    /// process waits for it at exit: `SnapshotWrites`), instead of before. For commands that
    /// start with a load, where the snapshot would only delay the first frame or the output.
    public let snapshotInBackground: Bool

    /// Called by a load after each part of the file is read, with the offset read up to: lets a
    /// test change the file between two reads.
    var afterEachPart: (@Sendable (Int64) -> Void)?

    /// `clock` names torn-tail files; the CLI passes the real clock. `snapshotAfter` is for tests.
    public init(
        directory: DataDirectory, clock: @escaping @Sendable () -> Instant, snapshotAfter: Int64 = snapshotAfterBytes,
        snapshotInBackground: Bool = false
    ) {
        self.snapshotAfter = snapshotAfter
        self.snapshotInBackground = snapshotInBackground
        self.directory = directory
        self.path = directory.historyPath
        self.clock = clock
    }

    /// What a load found besides the history.
    public struct Loaded: Sendable {
        public var history: History
        /// Where a torn final line was set aside during this load, if there was one.
        public var tornTailSavedAs: String?
        /// A torn final line that could not be moved (read-only data dir): still in the file.
        public var tornTailLeftInPlace: Bool
        /// The history came from `history.snapshot` plus the lines after it.
        public var readFromSnapshot = false
        /// This load wrote a new `history.snapshot` (waits for the write, which runs in the
        /// background: see `SnapshotWrites`).
        public var wroteSnapshot: Bool { snapshotWrite?.wait() ?? false }
        /// The snapshot being written after this load, if one is.
        public var snapshotWrite: SnapshotWrites.Write?
    }

    /// Once a load has parsed this many bytes that no snapshot covered, it writes one
    /// (at about 180 bytes a line, some 23,000 answers; parsing them takes a few milliseconds).
    public static let snapshotAfterBytes: Int64 = 4 << 20

    /// Reads the whole history. A missing file is an empty history.
    public func load() throws(StoreError) -> Loaded {
        let fd: Int32
        var writable = true
        switch Posix.open(path, O_RDWR | RegularFile.inDataDir) {
        case .success(let f): fd = f
        case .failure(let e) where e.code == ENOENT:
            return Loaded(history: History(), tornTailSavedAs: nil, tornTailLeftInPlace: false)
        case .failure(let e) where e.code == EISDIR:
            // A folder where the history belongs: the data dir is wrong, not the disk.
            throw StoreError.input(InputError(path: path, found: "a directory", expected: "the history file, a regular file of JSON lines"))
        case .failure(let e) where e.code == EACCES || e.code == EROFS || e.code == EPERM:
            writable = false
            switch Posix.open(path, O_RDONLY | RegularFile.inDataDir) {
            case .success(let f): fd = f
            case .failure(let e): throw RegularFile.openError(path, errno: e.code, action: "read the history")
            }
        case .failure(let e):
            throw RegularFile.openError(path, errno: e.code, action: "read the history")
        }
        defer { close(fd) }
        try RegularFile.check(fd, path: path, expected: "the history file, a regular file of JSON lines")
        if let e = Posix.lock(fd, LOCK_SH) { throw StoreError.system(path: path, action: "lock the history", errno: e) }
        // A large history is read on two threads: the second is made now, not on the first part.
        if case .success(let size) = Posix.size(fd) { TwoLanes.prepare(forBytes: size) }
        let snapshot = readSnapshot(historyFD: fd)
        let snapshotBytes = snapshot?.coverage.bytes ?? 0
        var parsed = try read(fd, from: consume snapshot)
        var loaded = Loaded(history: parsed.history, tornTailSavedAs: nil, tornTailLeftInPlace: false, readFromSnapshot: parsed.fromSnapshot)
        if parsed.tail > 0 {
            guard writable else {
                loaded.tornTailLeftInPlace = true
                return loaded
            }
            // Trade the shared lock for an exclusive one; a writer may slip in between, and it would
            // have set the tail aside itself, so read again if the file changed.
            if let e = Posix.lock(fd, LOCK_EX) { throw StoreError.system(path: path, action: "lock the history", errno: e) }
            if case .success(let now) = Posix.size(fd), now != parsed.size {
                parsed = try read(fd, from: readSnapshot(historyFD: fd))
                loaded.history = parsed.history
                loaded.readFromSnapshot = parsed.fromSnapshot
            }
            if parsed.tail > 0 { loaded.tornTailSavedAs = try setAsideTail(fd, size: parsed.size, tail: parsed.tail) }
        }
        // Still under the lock, so no answer can land between the parse and the hash of the file.
        if writable { loaded.snapshotWrite = snapshotIfDue(fd, parsed, after: snapshotBytes) }
        return loaded
    }

    // MARK: - Snapshot

    /// Writes a snapshot of what `parsed` read, when it parsed `snapshotAfter` bytes or more that
    /// no snapshot covered (`after`: where the snapshot it started from ended). Called with the
    /// history's lock held, so no answer can land between the parse and the hash of the file.
    func snapshotIfDue(_ fd: Int32, _ parsed: Read, after: Int64) -> SnapshotWrites.Write? {
        let covered = parsed.size - Int64(parsed.tail)
        guard covered - (parsed.fromSnapshot ? after : 0) >= snapshotAfter else { return nil }
        // With `snapshotInBackground`, off the critical path: the caller has its history now;
        // the snapshot (a hash of the file and 50 MB written at a million events) follows on
        // a thread of its own, 250 ms later or at exit, which waits for it (SnapshotWrites).
        // The bytes it covers never change (appends only add after them), so it needs no
        // lock; a snapshot of a file since replaced is refused by the next load's hash check.
        let history = parsed.history, lines = parsed.lines
        let copy = snapshotInBackground ? dup(fd) : -1
        if copy < 0 {
            return SnapshotWrites.Write(finished: writeSnapshot(history, historyFD: fd, bytes: covered, lines: lines, threads: 2))
        }
        return SnapshotWrites.start { () -> Bool in
            defer { close(copy) }
            return writeSnapshot(history, historyFD: copy, bytes: covered, lines: lines, threads: 1)
        }
    }

    /// The snapshot's history and what it covers, if it is there, whole, and made from exactly
    /// the bytes the history file still begins with. Any doubt: nil, and the file is parsed in full.
    func readSnapshot(historyFD: Int32) -> (history: History, coverage: SnapshotCoverage)? {
        guard case .success(let fd) = Posix.open(directory.snapshotPath, O_RDONLY | RegularFile.inDataDir) else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var raw = [UInt8](repeating: 0, count: HistorySnapshot.headerBytes)
        let got = raw.withUnsafeMutableBytes { Posix.pread(fd, $0, 0) }
        guard case .success(HistorySnapshot.headerBytes) = got,
            let header = raw.withUnsafeBytes({ HistorySnapshot.header($0) }),
            Int64(info.st_size) == Int64(HistorySnapshot.headerBytes + header.payloadBytes),
            case .success(let size) = Posix.size(historyFD), header.coverage.bytes <= size,
            fileHash(historyFD, bytes: header.coverage.bytes) == header.coverage.fileHash
        else { return nil }
        var offset = Int64(HistorySnapshot.headerBytes)
        let history = HistorySnapshot.decode(header) { buffer in
            // Fresh memory is faulted in a page at a time; asking for huge pages first made reading
            // the 53 MB of a million-event snapshot about twice as fast here.
            Posix.preferHugePages(buffer)
            guard case .success(let n) = Posix.pread(fd, buffer, offset), n == buffer.count else { return false }
            offset += Int64(n)
            return true
        }
        return history.map { ($0, header.coverage) }
    }

    /// Writes `history.snapshot` for the history file's first `bytes` bytes, through a temporary
    /// file renamed into place, so a reader sees the old snapshot or the new one, never half of
    /// one. A snapshot is only a cache: if it cannot be written (read-only or full disk), the next
    /// load parses the file again, and nothing is reported.
    private func writeSnapshot(_ history: History, historyFD: Int32, bytes: Int64, lines: Int, threads: Int) -> Bool {
        guard let hash = fileHash(historyFD, bytes: bytes, threads: threads) else { return false }
        guard case .success(let (fd, temporary)) = Posix.createTemporary(for: directory.snapshotPath) else { return false }
        let written = HistorySnapshot.encode(history, coverage: SnapshotCoverage(bytes: bytes, lines: lines, fileHash: hash)) {
            Posix.writeAll(fd, $0).error == nil
        }
        let closed = close(fd) == 0
        guard written, closed, rename(temporary, directory.snapshotPath) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// `HistorySnapshot.fileHash` of the file's first `bytes` bytes: its blocks are read and
    /// hashed by `threads` threads (one or two), a part each.
    private func fileHash(_ fd: Int32, bytes: Int64, threads: Int = 2) -> UInt64? {
        let block = HistorySnapshot.fileBlock
        let blocks = Int((bytes + Int64(block) - 1) / Int64(block))
        var hashes = [UInt64](repeating: 0, count: blocks)
        var failures = [false, false]
        hashes.withUnsafeMutableBufferPointer { h in
            failures.withUnsafeMutableBufferPointer { f in
                let (out, failed) = (DisjointWrites(h), DisjointWrites(f))
                let half = threads == 1 ? blocks : (blocks + 1) / 2
                DispatchQueue.concurrentPerform(iterations: threads == 1 ? 1 : 2) { part in
                    var scratch = [UInt8](repeating: 0, count: block)
                    for k in (part == 0 ? 0..<half : half..<blocks) {
                        let length = Int(min(Int64(block), bytes - Int64(k) * Int64(block)))
                        let got = scratch.withUnsafeMutableBytes {
                            Posix.pread(fd, UnsafeMutableRawBufferPointer(rebasing: $0[0..<length]), Int64(k) * Int64(block))
                        }
                        guard case .success(length) = got else {
                            failed.buffer[part] = true
                            return
                        }
                        out.buffer[k] = scratch.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
                    }
                }
            }
        }
        return failures.contains(true) ? nil : HistorySnapshot.fileHash(blockHashes: hashes)
    }

    /// Appends one record durably; returns once it is on disk.
    public func append(_ record: HistoryRecord) throws(StoreError) {
        try append(HistoryLineEncoder.encode(record))
    }

    /// Appends several records with one write and one fsync (used by import).
    public func append(contentsOf records: [HistoryRecord]) throws(StoreError) {
        guard !records.isEmpty else { return }
        var bytes: [UInt8] = []
        for r in records { bytes += HistoryLineEncoder.encode(r) }
        try append(bytes)
    }

    /// What an import did.
    public struct ImportSummary: Equatable, Sendable {
        public var added: Int
        public var alreadyPresent: Int
        /// The other file ended in a torn line, which was not imported.
        public var skippedTornTail: Bool
    }

    /// Merges another history file by event id: only events this history lacks are appended,
    /// so importing the same file twice changes nothing.
    public func importHistory(from otherPath: String) throws(StoreError) -> ImportSummary {
        let fdOther: Int32
        switch Posix.open(otherPath, O_RDONLY | O_NONBLOCK) {
        case .success(let f): fdOther = f
        case .failure(let e): throw StoreError.system(path: otherPath, action: "read it", errno: e.code)
        }
        let other: History
        let otherTail: Int
        do {
            defer { close(fdOther) }
            try RegularFile.check(fdOther, path: otherPath, expected: "a history file to import")
            let read = try self.read(fdOther, path: otherPath)
            (other, otherTail) = (read.history, read.tail)
        }
        let fd = try openLockedForAppend()
        defer { close(fd) }
        let mine = try read(fd).history
        var added: [HistoryRecord] = []
        var merged = mine
        var present = 0
        for record in Self.records(of: other) {
            do {
                if try merged.add(record) == .added { added.append(record) } else { present += 1 }
            } catch {
                throw StoreError.input(
                    InputError(
                        path: otherPath, found: "event id \(record.id) differs from the one in \(path)",
                        expected: "the same content for the same id"))
            }
        }
        if !added.isEmpty {
            var bytes: [UInt8] = []
            for r in added { bytes += HistoryLineEncoder.encode(r) }
            try appendLocked(fd, bytes, writing: .import)
        }
        return ImportSummary(added: added.count, alreadyPresent: present, skippedTornTail: otherTail > 0)
    }

    /// Records in an order that keeps each review and mark before its undo (file order within each kind).
    static func records(of history: History) -> [HistoryRecord] {
        records(of: history, undos: false) + records(of: history, undos: true)
    }

    // MARK: - Internals

    private func openForAppend() throws(StoreError) -> Int32 {
        try directory.create()
        try AppendProbe.checkOnce(directory.path)
        // O_NOFOLLOW: a dangling link here would otherwise create the history outside the data dir.
        let fd: Int32
        switch Posix.open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW) {
        case .success(let f): fd = f
        case .failure(let e): throw RegularFile.openError(path, errno: e.code, action: "open the history for appending")
        }
        // The lock and the append must not wait on a FIFO or write into a device.
        do { try RegularFile.check(fd, path: path, expected: "the history file, a regular file of JSON lines") } catch {
            close(fd)
            throw error
        }
        return fd
    }

    private func append(_ bytes: [UInt8]) throws(StoreError) {
        let fd = try openLockedForAppend()
        defer { close(fd) }
        try appendLocked(fd, bytes, writing: .answer)
    }

    /// Opens the history for appending and takes its exclusive lock, on the file that is at the
    /// path once the lock is held: `history repair` renames a new file over the old one while
    /// holding the old one's lock, and a writer that waited on it must not append to the old,
    /// unlinked file, where its answer would be lost.
    func openLockedForAppend() throws(StoreError) -> Int32 {
        // openForAppend creates the file, so nil cannot come back; say so rather than return a bad fd.
        guard let fd = try lockCurrentFile(LOCK_EX, open: { () throws(StoreError) -> Int32? in try openForAppend() }) else {
            throw StoreError.system(path: path, action: "open the history for appending", errno: ENOENT)
        }
        return fd
    }

    /// Opens with `open` and takes the lock `operation`, again until the descriptor locked is the
    /// file at the path (a repair may have renamed a new one into place while this one waited).
    /// Nil when `open` finds no file.
    func lockCurrentFile(_ operation: Int32, open: () throws(StoreError) -> Int32?) throws(StoreError) -> Int32? {
        while true {
            guard let fd = try open() else { return nil }
            if let e = Posix.lock(fd, operation) {
                close(fd)
                throw StoreError.system(path: path, action: "lock the history", errno: e)
            }
            var held = stat(), there = stat()
            if fstat(fd, &held) == 0, lstat(path, &there) == 0, held.st_dev == there.st_dev, held.st_ino == there.st_ino {
                return fd
            }
            close(fd)
        }
    }

    /// With the exclusive lock held: clears a torn tail, writes, fsyncs, or cuts back on failure.
    func appendLocked(_ fd: Int32, _ bytes: [UInt8], writing: StoreError.Appending) throws(StoreError) {
        var size: Int64
        switch Posix.size(fd) {
        case .success(let s): size = s
        case .failure(let e): throw StoreError.system(path: path, action: "read the history's size", errno: e.code)
        }
        if size > 0 {
            var last: UInt8 = 0
            let got = withUnsafeMutableBytes(of: &last) { Posix.pread(fd, $0, size - 1) }
            if case .success(1) = got, last != 0x0a {
                let tail = try tailLength(fd, size: size)
                _ = try setAsideTail(fd, size: size, tail: tail)
                size -= Int64(tail)
            }
        }
        let (written, error) = bytes.withUnsafeBytes { Posix.writeAll(fd, $0) }
        if let error {
            // Cut off whatever got out so no partial line can ever be read as a record.
            if written > 0 {
                _ = Posix.truncate(fd, size)
                _ = Posix.fsync(fd)
            }
            if error == ENOSPC || error == EFBIG || error == EDQUOT { throw StoreError.full(path: path, errno: error, writing: writing) }
            throw StoreError.system(path: path, action: "append to the history", errno: error)
        }
        if let e = Posix.fsync(fd) {
            throw StoreError.system(path: path, action: "flush the history to disk", errno: e)
        }
    }

    /// Length of the bytes after the last newline (the file does not end in one).
    private func tailLength(_ fd: Int32, size: Int64) throws(StoreError) -> Int {
        var end = size
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while end > 0 {
            let start = max(0, end - Int64(buffer.count))
            let count = Int(end - start)
            let got = buffer.withUnsafeMutableBytes { Posix.pread(fd, UnsafeMutableRawBufferPointer(rebasing: $0[0..<count]), start) }
            guard case .success(let n) = got, n == count else {
                throw StoreError.system(path: path, action: "read the history", errno: EIO)
            }
            if let i = buffer[0..<count].lastIndex(of: 0x0a) { return Int(size - (start + Int64(i) + 1)) }
            end = start
        }
        return Int(size)
    }

    /// Copies the torn tail to its own file (fsynced), then cuts it off the log.
    func setAsideTail(_ fd: Int32, size: Int64, tail: Int) throws(StoreError) -> String {
        var bytes = [UInt8](repeating: 0, count: tail)
        let got = bytes.withUnsafeMutableBytes { Posix.pread(fd, $0, size - Int64(tail)) }
        guard case .success(tail) = got else { throw StoreError.system(path: path, action: "read the torn last line", errno: EIO) }
        let (out, name) = try createAside("torn", action: "set aside the torn last line")
        defer { close(out) }
        let (_, error) = bytes.withUnsafeBytes { Posix.writeAll(out, $0) }
        if let error { throw StoreError.system(path: name, action: "set aside the torn last line", errno: error) }
        if let e = Posix.fsync(out) { throw StoreError.system(path: name, action: "set aside the torn last line", errno: e) }
        Posix.syncDirectory(directory.path)
        if let e = Posix.truncate(fd, size - Int64(tail)) { throw StoreError.system(path: path, action: "cut off the torn last line", errno: e) }
        if let e = Posix.fsync(fd) { throw StoreError.system(path: path, action: "flush the history to disk", errno: e) }
        return name
    }

    /// Creates `history.<kind>-<instant>` beside the history (`-2`, `-3`… when taken), never
    /// following a link planted under the name: where lines the log gives up are kept.
    func createAside(_ kind: String, action: String) throws(StoreError) -> (fd: Int32, path: String) {
        let stamp = RFC3339.format(clock()).filter { $0 != "-" && $0 != ":" }
        var name = path.replacingSuffix("history.jsonl", with: "history.\(kind)-" + stamp)
        var attempt = 1
        while true {
            switch Posix.open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW) {
            case .success(let f): return (f, name)
            case .failure(let e) where e.code == EEXIST && attempt < 1000:
                attempt += 1
                name = path.replacingSuffix("history.jsonl", with: "history.\(kind)-\(stamp)-\(attempt)")
            case .failure(let e):
                throw StoreError.system(path: name, action: action, errno: e.code)
            }
        }
    }

    /// What `read` found.
    struct Read {
        var history: History
        /// Bytes after the last newline (a torn line), the size read, and the complete lines.
        var tail: Int
        var size: Int64
        var lines: Int
        var fromSnapshot: Bool
    }

    /// Parses the file through the parser, from where the snapshot ends: read with pread(2) in
    /// 512 KiB parts into one buffer that is reused (memory stays bounded by the events, not the
    /// file), each part parsed while it is still in the cache the copy warmed. Not mapped: a file
    /// truncated by another program during the load (a sync tool, an editor) would raise SIGBUS
    /// on a mapped page past its new end, where a read only comes back short, and the load ends
    /// as at any end of file (a torn last line is then read again under the exclusive lock).
    ///
    /// The snapshot is consumed: its history becomes the one read, and the lines after it are
    /// appended in place. A caller holding on to a copy would make the first of them copy the
    /// whole history (tens of megabytes at a million events, on every load).
    func read(
        _ fd: Int32, path readPath: String? = nil, from snapshot: consuming (history: History, coverage: SnapshotCoverage)? = nil
    ) throws(StoreError) -> Read {
        let start = snapshot?.coverage.bytes ?? 0
        let fromSnapshot = snapshot != nil
        let size: Int64
        switch Posix.size(fd) {
        case .success(let s): size = s
        case .failure(let e): throw StoreError.system(path: readPath ?? path, action: "read the history", errno: e.code)
        }
        var reader =
            if let snapshot = snapshot.take() {
                HistoryReader(path: readPath ?? path, continuing: snapshot.history, afterLine: snapshot.coverage.lines)
            } else {
                HistoryReader(path: readPath ?? path, expectedBytes: Int(max(0, size - start)))
            }
        // Parts of 512 KiB: large enough for the two parse threads to share (HistoryReader splits
        // from 256 KiB), small enough to stay in the cache between the copy and the parse. At 1M
        // events, alternating builds: as fast as the mapped file was (444 vs 451 ms median, 11
        // runs, +12 ms CPU); 2 MiB parts cost 25 ms more, 4 MiB 30 ms.
        //
        // Each part after the first is read by the two parse threads, a half each, while the part
        // before it is parsed (`consume`'s `alongside`), into the other of two buffers: the copy
        // out of the page cache (~40 ms at 1M events) was the largest piece of the load done on
        // one thread alone. The unfinished line at the end of a part is then copied in front of
        // the next part, into a gap left for it; a longer one is read on, the buffer grown.
        _ = posix_fadvise(fd, off_t(start), 0, POSIX_FADV_SEQUENTIAL)  // advice only: a larger read-ahead
        let part = 512 << 10, gap = 64 << 10
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: gap + part, alignment: 64)
        var spare = UnsafeMutableRawBufferPointer.allocate(byteCount: gap + part, alignment: 64)
        let halves = UnsafeMutablePointer<Int>.allocate(capacity: 2)
        defer {
            buffer.deallocate()
            spare.deallocate()
            halves.deallocate()
        }
        // The bytes not yet consumed are buffer[begin..<end].
        var begin = gap, end = gap
        var offset = start
        // How many bytes of the next part are in `spare` from `gap` on, when they were read ahead.
        var readAhead: Int?
        while true {
            let n: Int
            if let ahead = readAhead {
                readAhead = nil
                let carried = end - begin
                if carried > 0, let from = buffer.baseAddress, let to = spare.baseAddress {
                    memcpy(to + gap - carried, from + begin, carried)
                }
                swap(&buffer, &spare)
                (begin, end) = (gap - carried, gap + ahead)
                n = ahead
            } else {
                if end == buffer.count {
                    if begin > 0, let base = buffer.baseAddress {
                        memmove(base, base + begin, end - begin)
                        (begin, end) = (0, end - begin)
                    } else {
                        // A line longer than the buffer: double it, keeping what is in it.
                        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 64)
                        larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                        buffer.deallocate()
                        buffer = larger
                    }
                }
                switch Posix.pread(fd, UnsafeMutableRawBufferPointer(rebasing: buffer[end...]), offset) {
                case .success(let k): n = k
                case .failure(let e): throw StoreError.system(path: readPath ?? path, action: "read the history", errno: e.code)
                }
                end += n
            }
            if n == 0 { break }
            offset += Int64(n)
            afterEachPart?(offset)
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { break }
            // Read the next part ahead only when what this one leaves over fits in the gap.
            var lineEnd = end
            while lineEnd > begin, base[lineEnd - 1] != 0x0a, end - lineEnd <= gap { lineEnd -= 1 }
            let leftover = end - lineEnd
            var alongside: (@Sendable (Int) -> Void)?
            if leftover <= gap, let into = spare.baseAddress {
                let next = ReadAhead(fd: fd, into: into + gap, half: part / 2, offset: offset, results: halves)
                alongside = { next.read(half: $0) }
            }
            let used: Int
            do {
                used = try reader.consume(UnsafeBufferPointer(start: base + begin, count: end - begin), alongside: alongside)
            } catch {
                throw StoreError.input(error)
            }
            begin += used
            // `consume` stops at the last newline, so what is left fits the gap; were it ever
            // longer, the part read ahead is left unused and read again the plain way.
            if alongside != nil, end - begin <= gap {
                if halves[0] < 0 || halves[1] < 0 {
                    throw StoreError.system(path: readPath ?? path, action: "read the history", errno: Int32(-min(halves[0], halves[1])))
                }
                // A short first half is the end of the file; bytes in the second would be from a
                // file that grew meanwhile, and are read again from there next time.
                readAhead = halves[0] < part / 2 ? halves[0] : halves[0] + halves[1]
            }
        }
        let filled = end - begin
        let history: History
        do { history = try reader.finish() } catch { throw StoreError.input(error) }
        return Read(history: history, tail: filled, size: offset, lines: reader.line, fromSnapshot: fromSnapshot)
    }
}

/// One half of the next part of the history, read on a parse thread (`HistoryStore.read`):
/// half 0 from `offset`, half 1 after it; each leaves its byte count, or -errno, in `results`.
private struct ReadAhead: @unchecked Sendable {
    let fd: Int32
    let into: UnsafeMutableRawPointer
    let half: Int
    let offset: Int64
    let results: UnsafeMutablePointer<Int>

    func read(half k: Int) {
        let target = UnsafeMutableRawBufferPointer(start: into + k * half, count: half)
        switch Posix.pread(fd, target, offset + Int64(k * half)) {
        case .success(let n): results[k] = n
        case .failure(let e): results[k] = -Int(max(e.code, 1))
        }
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self + "." + replacement
    }
}
