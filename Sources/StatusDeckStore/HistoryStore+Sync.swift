import FSRS
import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#endif

/// Sync through a folder that some other tool (Syncthing, Dropbox, a network share, a git repo)
/// copies between machines.
///
/// Each machine appends only to its own file there, `<device id>.jsonl`, so no two machines ever
/// write one file and the tool has nothing to choose between. Every other `*.jsonl` in the folder
/// (other machines' files, and the conflict copies a tool makes, `x.sync-conflict-….jsonl` or
/// `x (conflicted copy).jsonl`) is only read, and merged into the local history by event id, as
/// `history import` does. Whatever a tool did to a file (cut it mid-copy, truncated it, put an
/// older copy back, garbled a line) it is read for what it holds and never written back over; the
/// local history becomes the union, so it stays the whole truth for this machine, and deleting the
/// folder loses nothing.
extension HistoryStore {
    /// What a sync did.
    public struct SyncSummary: Equatable, Sendable {
        /// Other machines' files (and conflict copies) that were read.
        public var deviceFiles: Int
        /// Other machines' files left unread because they are as the last sync left them.
        public var unchanged: Int = 0
        /// Events they had that the local history lacked, now appended to it.
        public var merged: Int
        /// Local events the folder lacked, appended to this machine's file.
        public var appended: Int
        /// This machine's file in the folder.
        public var ownFile: String
        /// One line per damaged or unreadable file: `path: what was found; what was done`.
        public var warnings: [String]
    }

    /// A sync, and the history as it left it.
    public struct Synced: Sendable {
        public var summary: SyncSummary
        /// The history after the sync, when the sync read it whole (to merge what the folder
        /// brought, or to read every file against it): what a load right after would return,
        /// torn tail set aside and snapshot written as a load does. A command that syncs first
        /// then loads once, not twice. Nil when the sync did not need it: then load.
        public var loaded: Loaded?
    }

    /// `syncAndLoad` for its summary alone.
    public func sync(folder: String, device: DeviceID) throws(StoreError) -> SyncSummary {
        try syncAndLoad(folder: folder, device: device).summary
    }

    /// Merges every device file in `folder` into the history, then appends to this machine's
    /// file what the folder lacks. Both appends happen under the locks of the files written
    /// (the history's, then our device file's), each with one write and one fsync.
    ///
    /// What is appended to our file is decided by what the folder holds now, not by what was
    /// written last time: a tool that replaced the file with an older copy, truncated it, or
    /// lost another machine's file gets the missing events back at the next sync.
    public func syncAndLoad(folder: String, device: DeviceID) throws(StoreError) -> Synced {
        let ownName = device.text + ".jsonl"
        let ownPath = folder + "/" + ownName
        var warnings: [String] = []
        let names = try Self.deviceFileNames(in: folder)
        try directory.create()
        if let quick = try syncIncremental(folder: folder, names: names, ownName: ownName) { return quick }

        // The history first, and the other files read against it: most of their lines are ones
        // it holds, and those are only matched, not parsed (`History.knownLines`). So the files
        // are read under the history's lock, which an answer being saved meanwhile waits for.
        let fd = try openLockedForAppend()
        defer { close(fd) }
        var (mine, loaded) = try loadLocked(fd)

        // Released before the merge adds to `mine`: a second reference would make the first
        // added event copy the whole history.
        var against: KnownLinesRead? = KnownLinesRead(history: mine)
        var theirs: [(path: String, history: History)] = []
        var known: [[Int32]] = []
        var seen: [String: SyncState.Entry] = [:]
        for name in names where name != ownName {
            let file = folder + "/" + name
            var entry: SyncState.Entry?
            if let read = readDeviceFile(file, against: against, entry: &entry, warnings: &warnings) {
                theirs.append((file, read.history))
                known.append(read.held)
            }
            seen[name] = entry
        }

        let own = try Self.openOwnDeviceFile(ownPath)
        defer { close(own) }
        let ownRead = try readTolerantly(own, path: ownPath, against: against, warnings: &warnings)
        against = nil

        // Our own file is merged too: it may hold what this history lost (a data dir restored
        // from an old backup keeps its device id).
        let sources = theirs + [(ownPath, ownRead.history)]
        let (merged, mergedCount, held) = Self.merge(sources, held: known + [ownRead.held], into: &mine, warnings: &warnings)
        if !merged.isEmpty { try appendLocked(fd, merged, writing: .import) }

        let (missing, appended) = Self.lines(of: mine, absentFrom: sources.map(\.history), seen: held)
        // A torn last line in our own file (a tool copied it back mid-write): cut it, or the next
        // line would be glued to it. Every event of our file is in the history by now.
        // Only if the file is as it was read: cutting a file a tool has since shortened would
        // pad it with zeros instead.
        if ownRead.tail > 0, case .success(ownRead.size) = Posix.size(own) {
            if let e = Posix.truncate(own, ownRead.size - Int64(ownRead.tail)) {
                throw StoreError.system(path: ownPath, action: "cut off the torn last line", errno: e)
            }
        }
        if !missing.isEmpty || ownRead.tail > 0 {
            let (_, error) = missing.withUnsafeBytes { Posix.writeAll(own, $0) }
            if let error { throw StoreError.system(path: ownPath, action: "append to this machine's sync file", errno: error) }
            if let e = Posix.fsync(own) { throw StoreError.system(path: ownPath, action: "flush this machine's sync file", errno: e) }
        }
        // Saved under the history's lock, so a sync in another process never saves an older view
        // over this one. Every file read whole, and nothing else, is remembered as unchanged.
        if let history = SyncState.Identity.of(fd), let ownIdentity = SyncState.Identity.of(own), seen.count == names.count - (names.contains(ownName) ? 1 : 0)
        {
            seen[ownName] = SyncState.Entry(identity: ownIdentity, covered: ownIdentity.size, mark: 0)
            SyncState(folder: folder, history: (history.device, history.inode), historyBytes: history.size, files: seen).save(directory.syncStatePath)
        } else {
            SyncState.forget(directory.syncStatePath)
        }
        loaded.history = mine
        return Synced(
            summary: SyncSummary(deviceFiles: theirs.count, merged: mergedCount, appended: appended, ownFile: ownPath, warnings: warnings),
            loaded: loaded)
    }

    /// The history read whole under the exclusive lock `fd` holds, as `load` reads it: a torn
    /// last line set aside (the lock is the writer's, so no write is under way), a snapshot
    /// written when due. The history comes back apart from the `Loaded`, so it is the only
    /// reference to it and can grow without being copied.
    private func loadLocked(_ fd: Int32) throws(StoreError) -> (History, Loaded) {
        let snapshot = readSnapshot(historyFD: fd)
        let snapshotBytes = snapshot?.coverage.bytes ?? 0
        var parsed = try read(fd, from: consume snapshot)
        var loaded = Loaded(history: History(), tornTailSavedAs: nil, tornTailLeftInPlace: false, readFromSnapshot: parsed.fromSnapshot)
        if parsed.tail > 0 { loaded.tornTailSavedAs = try setAsideTail(fd, size: parsed.size, tail: parsed.tail) }
        loaded.snapshotWrite = snapshotIfDue(fd, parsed, after: snapshotBytes)
        let history = parsed.history
        parsed.history = History()
        return (history, loaded)
    }

    /// The sync from what the last one saw (`SyncState`): a file unchanged since is not read, a
    /// file grown since (the same lines and more) is read from where it was left; this machine's
    /// file gets the events the history gained since. Nil when anything else differs (a file
    /// shortened, replaced by other content, gone; our own file or the history not as left; a
    /// bad line), and the full sync runs.
    func syncIncremental(folder: String, names: [String], ownName: String) throws(StoreError) -> Synced? {
        let statePath = directory.syncStatePath
        guard var state = SyncState.load(statePath), state.folder == folder, let ownBefore = state.files[ownName],
            names.contains(ownName), Set(state.files.keys).isSubset(of: Set(names))
        else { return nil }
        var warnings: [String] = []
        var parts: [(path: String, history: History)] = []
        var unchanged = 0
        for name in names where name != ownName {
            let file = folder + "/" + name
            var entry: SyncState.Entry?
            if let before = state.files[name] {
                if SyncState.Identity.of(path: file) == before.identity {
                    unchanged += 1
                    continue
                }
                guard let grown = Self.readGrown(file, from: before, entry: &entry, warnings: &warnings) else { return nil }
                parts.append((file, grown))
            } else {
                guard let whole = readDeviceFile(file, entry: &entry, warnings: &warnings) else { return nil }
                parts.append((file, whole.history))
            }
            guard let entry else { return nil }
            state.files[name] = entry
        }
        let fd = try openLockedForAppend()
        defer { close(fd) }
        guard let history = SyncState.Identity.of(fd), history.device == state.history.device, history.inode == state.history.inode,
            history.size >= state.historyBytes
        else { return nil }
        let ownPath = folder + "/" + ownName
        let own = try Self.openOwnDeviceFile(ownPath)
        defer { close(own) }
        guard SyncState.Identity.of(own) == ownBefore.identity else { return nil }

        var gained = [UInt8](repeating: 0, count: Int(history.size - state.historyBytes))
        if !gained.isEmpty {
            let got = gained.withUnsafeMutableBytes { Posix.pread(fd, $0, state.historyBytes) }
            guard case .success(gained.count) = got else { return nil }
        }
        let part: History
        let tail: [UInt8]
        do throws(InputError) { (part, tail) = try HistoryReader.read(gained, path: path) } catch { return nil }

        var merged: [UInt8] = []
        var mergedCount = 0
        var loaded: Loaded?
        if !parts.isEmpty {
            var (mine, read) = try loadLocked(fd)
            (merged, mergedCount, _) = Self.merge(parts, into: &mine, warnings: &warnings)
            if !merged.isEmpty { try appendLocked(fd, merged, writing: .import) }
            read.history = mine
            loaded = read
        }

        let (bytes, appended) = Self.lines(of: part, absentFrom: parts.map(\.history))
        if !bytes.isEmpty {
            let (_, error) = bytes.withUnsafeBytes { Posix.writeAll(own, $0) }
            if let error {
                SyncState.forget(statePath)
                throw StoreError.system(path: ownPath, action: "append to this machine's sync file", errno: error)
            }
            if let e = Posix.fsync(own) { throw StoreError.system(path: ownPath, action: "flush this machine's sync file", errno: e) }
        }
        guard let ownAfter = SyncState.Identity.of(own), let historyAfter = SyncState.Identity.of(fd) else {
            SyncState.forget(statePath)
            return nil
        }
        state.files[ownName] = SyncState.Entry(identity: ownAfter, covered: ownAfter.size, mark: 0)
        // Everything the history holds up to here is in the folder now (its torn tail is not,
        // unless the load above set it aside or the merge's append did).
        state.historyBytes = loaded == nil ? history.size - Int64(tail.count) : historyAfter.size
        state.save(statePath)
        return Synced(
            summary: SyncSummary(
                deviceFiles: parts.count, unchanged: unchanged, merged: mergedCount, appended: appended, ownFile: ownPath, warnings: warnings),
            loaded: loaded)
    }

    /// What a file holds past `before.covered`, when its bytes up to there are still the last
    /// complete line seen there (`SyncState.mark`). Nil when they are not, or a new line is bad
    /// (the full read reports it with its true line number).
    static func readGrown(_ path: String, from before: SyncState.Entry, entry: inout SyncState.Entry?, warnings: inout [String]) -> History? {
        guard case .success(let fd) = Posix.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK) else { return nil }
        defer { close(fd) }
        guard let now = SyncState.Identity.of(fd), now.size > before.covered, SyncState.mark(fd, covered: before.covered) == before.mark
        else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(now.size - before.covered))
        guard case .success(bytes.count) = bytes.withUnsafeMutableBytes({ Posix.pread(fd, $0, before.covered) }) else { return nil }
        let history: History
        let tail: [UInt8]
        do throws(InputError) { (history, tail) = try HistoryReader.read(bytes, path: path) } catch { return nil }
        if !tail.isEmpty {
            warnings.append("\(path): the last line has no newline (copied mid-write?); read the complete lines before it")
        }
        let covered = now.size - Int64(tail.count)
        guard let mark = SyncState.mark(fd, covered: covered) else { return nil }
        entry = SyncState.Entry(identity: now, covered: covered, mark: mark)
        return history
    }

    /// Adds the events of `sources` that `mine` lacks, and returns them as history lines. Reviews
    /// and marks of every source go before any undo, so an undo never precedes its target. An id
    /// `mine` holds with other content is skipped, one warning per source. `held` lists, per
    /// source, reviews of `mine` its file held that are not in its `history`.
    ///
    /// Reviews and undos are looked up packed (`History.holding`) and only those `mine` lacks are
    /// unpacked: in a full sync nearly every event is already here, and unpacking them all was
    /// most of its time. `seen` comes back with every review and undo of `mine` that some source
    /// holds (by id), for `lines(of:absentFrom:seen:)`.
    static func merge(
        _ sources: [(path: String, history: History)], held: [[Int32]] = [], into mine: inout History, warnings: inout [String]
    ) -> (lines: [UInt8], count: Int, seen: Seen) {
        var lines: [UInt8] = []
        var count = 0
        var conflicts = Array(repeating: 0, count: sources.count)
        var seen = Seen(reviews: Array(repeating: false, count: mine.packed.count), undos: Array(repeating: false, count: mine.undos.count))
        // Reviews the sources' files were found to hold line for line (`History.knownLines`).
        for slots in held {
            for slot in slots where Int(slot) < seen.reviews.count { seen.reviews[Int(slot)] = true }
        }
        func add(_ record: HistoryRecord, from i: Int) {
            do throws(InputError) {
                if try mine.add(record) == .added {
                    lines += HistoryLineEncoder.encode(record)
                    count += 1
                }
            } catch {
                conflicts[i] += 1
            }
        }
        func note(_ holding: History.Holding, _ place: History.Place?, _ record: @autoclosure () -> HistoryRecord, from i: Int) {
            switch place {
            case .review(let k) where k < seen.reviews.count: seen.reviews[k] = true
            case .undo(let k) where k < seen.undos.count: seen.undos[k] = true
            default: break
            }
            switch holding {
            case .same: break
            case .other: conflicts[i] += 1
            case .absent: add(record(), from: i)
            }
        }
        for (i, source) in sources.enumerated() {
            let theirs = source.history
            // Looked up before this source's first event is added: a source holds each id once,
            // so none of its later reviews can find one of its own.
            var absent: [Int] = []
            for (k, (holding, place)) in mine.holdings(ofReviewsIn: theirs).enumerated() {
                if holding == .absent { absent.append(k) } else { note(holding, place, .review(theirs.reviews[k]), from: i) }
            }
            // Added packed, and written from the packed reviews: a new machine's first sync
            // brings the whole folder, a million events, and unpacking each cost microseconds.
            let (added, clashes) = mine.addReviews(at: absent, of: theirs)
            conflicts[i] += clashes
            var writer = ReviewLineWriter(mine)
            for k in added { writer.append(reviewAt: k, to: &lines) }
            count += added.count
            for record in theirs.marks.map(HistoryRecord.mark) + theirs.settings.map(HistoryRecord.setting) { add(record, from: i) }
        }
        for (i, source) in sources.enumerated() {
            let theirs = source.history
            for k in theirs.undos.indices {
                let (holding, place) = mine.holding(undoAt: k, of: theirs)
                note(holding, place, .undo(theirs.undos[k]), from: i)
            }
        }
        for (i, n) in conflicts.enumerated() where n > 0 {
            warnings.append(
                "\(sources[i].path): found \(n) event\(n == 1 ? "" : "s") whose id this history has with other content; expected each id once (kept this machine's, skipped those)"
            )
        }
        return (lines, count, seen)
    }

    /// Which reviews and undos of a history (by position) some device file holds, as `merge`
    /// found them; those past the ends were added by the merge, from a device file.
    struct Seen {
        var reviews: [Bool]
        var undos: [Bool]
    }

    /// The events of `history` that none of `others` holds, as history lines, undos last. Ids
    /// are checked packed; only the events found missing are unpacked and encoded. With `seen`
    /// (from merging `others` into `history`) reviews and undos are not looked up at all.
    static func lines(of history: History, absentFrom others: [History], seen: Seen? = nil) -> (lines: [UInt8], count: Int) {
        var lines: [UInt8] = []
        var count = 0
        func absent(_ id: EventID) -> Bool { !others.contains { $0.contains(id) } }
        var writer = ReviewLineWriter(history)
        for (k, p) in history.packed.enumerated() {
            let missing = if let seen { k < seen.reviews.count && !seen.reviews[k] } else { absent(p.id) }
            guard missing else { continue }
            writer.append(reviewAt: k, to: &lines)
            count += 1
        }
        for record in history.marks.map(HistoryRecord.mark) + history.settings.map(HistoryRecord.setting) where absent(record.id) {
            lines += HistoryLineEncoder.encode(record)
            count += 1
        }
        for (k, u) in history.undos.enumerated() {
            let missing = if let seen { k < seen.undos.count && !seen.undos[k] } else { absent(u.id) }
            guard missing else { continue }
            lines += HistoryLineEncoder.encode(.undo(u))
            count += 1
        }
        return (lines, count)
    }

    /// One kind of record of `history`, in file order.
    static func records(of history: History, undos: Bool) -> [HistoryRecord] {
        undos
            ? history.undos.map(HistoryRecord.undo)
            : history.reviews.map(HistoryRecord.review) + history.marks.map(HistoryRecord.mark)
                + history.settings.map(HistoryRecord.setting)
    }

    /// The names of the `*.jsonl` files in `folder`, sorted; hidden ones (a tool's temporary
    /// files, `.git`) are skipped. A missing folder, or a file in its place, is bad input.
    static func deviceFileNames(in folder: String) throws(StoreError) -> [String] {
        let expected = "the sync folder: a folder your sync tool shares between machines (create it first)"
        guard let dir = opendir(folder) else {
            let code = errno
            if code == ENOENT { throw StoreError.input(InputError(path: folder, found: "no such folder", expected: expected)) }
            if code == ENOTDIR { throw StoreError.input(InputError(path: folder, found: "a file", expected: expected)) }
            throw StoreError.system(path: folder, action: "read the sync folder", errno: code)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".jsonl"), !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    /// The events of another machine's file, read for what it holds: a torn last line is left
    /// out, bad lines are skipped; either is one warning. Nil (and a warning) when it cannot be
    /// read at all; nil alone when it vanished since the folder was listed.
    ///
    /// `entry` is the file as it was before it was read, when it was read whole (it did not
    /// change size meanwhile): what `SyncState` may remember.
    func readDeviceFile(_ path: String, against known: KnownLinesRead? = nil, entry: inout SyncState.Entry?, warnings: inout [String]) -> DeviceFileRead? {
        let fd: Int32
        switch Posix.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK) {
        case .success(let f): fd = f
        case .failure(let e) where e.code == ENOENT:
            return nil
        case .failure(let e):
            let reason = e.code == ELOOP ? "a symbolic link" : StoreError.message(e.code)
            warnings.append("\(path): cannot read it (\(reason)); skipped")
            return nil
        }
        defer { close(fd) }
        do throws(StoreError) {
            try RegularFile.check(fd, path: path, expected: "a device file of history lines")
            let before = SyncState.Identity.of(fd)
            let read = try readTolerantly(fd, path: path, against: known, warnings: &warnings)
            let covered = read.size - Int64(read.tail)
            if let before, before.size == read.size, let mark = SyncState.mark(fd, covered: covered) {
                entry = SyncState.Entry(identity: before, covered: covered, mark: mark)
            }
            return read
        } catch {
            warnings.append("\(error.description); skipped")
            return nil
        }
    }

    /// Opens (creating it) this machine's file for appending and takes its exclusive lock.
    static func openOwnDeviceFile(_ path: String) throws(StoreError) -> Int32 {
        let fd: Int32
        switch Posix.open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK, 0o644) {
        case .success(let f): fd = f
        case .failure(let e): throw RegularFile.openError(path, errno: e.code, action: "open this machine's sync file")
        }
        do throws(StoreError) {
            try RegularFile.check(fd, path: path, expected: "this machine's sync file, a regular file of history lines")
            if let e = Posix.lock(fd, LOCK_EX) { throw StoreError.system(path: path, action: "lock this machine's sync file", errno: e) }
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// What a device file held.
    struct DeviceFileRead {
        var history: History
        /// Bytes after the last newline, and the size read.
        var tail: Int
        var size: Int64
        /// Reviews of the history read against whose lines the file held (`History.knownLines`);
        /// they are not in `history`.
        var held: [Int32] = []
    }

    /// The load's own reader first (in parts, as the history is read: no copy of the whole file
    /// in memory); if a line stops it, the file is read whole, every bad line is found (by the
    /// loader's own rules, `HistoryLineCheck`) and the rest is read without them.
    ///
    /// Read with pread, never mapped: a tool may truncate the file in place while it is read,
    /// and a mapped page past the new end would kill the process with SIGBUS. A file that
    /// shrinks while it is read is taken as far as it went.
    func readTolerantly(_ fd: Int32, path: String, against known: KnownLinesRead? = nil, warnings: inout [String]) throws(StoreError) -> DeviceFileRead {
        let torn = "\(path): the last line has no newline (copied mid-write?); read the complete lines before it"
        if let known, let read = try Self.readKnown(fd, path: path, against: known) {
            if read.tail > 0 { warnings.append(torn) }
            return read
        }
        do throws(StoreError) {
            let read = try read(fd, path: path)
            if read.tail > 0 { warnings.append(torn) }
            return DeviceFileRead(history: read.history, tail: read.tail, size: read.size)
        } catch {
            // A bad line somewhere: found and left out below. A failed read is worded for a device file.
            switch error {
            case .input: break
            case .system(_, _, let code): throw StoreError.system(path: path, action: "read it", errno: code)
            case .full: throw error
            }
        }
        let size: Int64
        switch Posix.size(fd) {
        case .success(let s): size = s
        case .failure(let e): throw StoreError.system(path: path, action: "read it", errno: e.code)
        }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        var got = 0
        while got < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in
                Posix.pread(fd, UnsafeMutableRawBufferPointer(rebasing: raw[got...]), Int64(got))
            }
            guard case .success(let k) = n else { throw StoreError.system(path: path, action: "read it", errno: EIO) }
            if k == 0 { break }
            got += k
        }
        if got < bytes.count { bytes.removeLast(bytes.count - got) }
        let (check, kept) = bytes.withUnsafeBufferPointer { b in
            let check = HistoryLineCheck(b, path: path)
            return (check, HistoryLineCheck.kept(b, without: check.bad))
        }
        if let first = check.bad.first {
            let more = check.bad.count > 1 ? " and \(check.bad.count - 1) more bad lines" : ""
            warnings.append("\(first.error.description); skipped that line\(more), read the rest")
        }
        if check.tornTail > 0 { warnings.append(torn) }
        do {
            let (history, tail) = try HistoryReader.read(kept, path: path)
            return DeviceFileRead(history: history, tail: tail.count, size: Int64(got))
        } catch {
            throw StoreError.input(error)
        }
    }

    /// The file read whole, the lines `mine` holds matched and the rest parsed. Nil when a line
    /// of the rest is bad: the caller reads the file again the plain way, which reports each bad
    /// line with its own line number.
    static func readKnown(_ fd: Int32, path: String, against known: KnownLinesRead) throws(StoreError) -> DeviceFileRead? {
        let size: Int
        switch Posix.size(fd) {
        case .success(let s): size = Int(s)
        case .failure(let e): throw StoreError.system(path: path, action: "read it", errno: e.code)
        }
        let buffer = known.buffer(size)
        // Two threads read a half each: the copy out of the page cache is a tenth of the sync.
        // Each leaves how far it got, or -errno; a half cut short is where a shortened file ends.
        let half = size / 2
        var reached = [0, 0]
        reached.withUnsafeMutableBufferPointer { r in
            let out = DisjointWrites(r)
            let target = SendableBuffer(bytes: buffer)
            TwoLanes.run { k in
                let (start, end) = k == 0 ? (0, half) : (half, size)
                var at = start
                while at < end {
                    switch Posix.pread(fd, UnsafeMutableRawBufferPointer(rebasing: target.bytes[at..<end]), Int64(at)) {
                    case .success(0):
                        out.buffer[k] = at - start
                        return
                    case .success(let n): at += n
                    case .failure(let e):
                        out.buffer[k] = -Int(max(e.code, 1))
                        return
                    }
                }
                out.buffer[k] = at - start
            }
        }
        if let failed = reached.first(where: { $0 < 0 }) { throw StoreError.system(path: path, action: "read it", errno: Int32(-failed)) }
        let got = reached[0] < half ? reached[0] : half + reached[1]
        let lines = known.history.knownLines(in: UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: got))
        guard let (history, _) = try? HistoryReader.read(lines.rest, path: path) else { return nil }
        return DeviceFileRead(history: history, tail: got - lines.consumed, size: Int64(got), held: lines.held)
    }
}

/// What a full sync reads the device files against: this machine's history, and one buffer for
/// every file's bytes (a fresh one per file cost more in the kernel's zeroing of its pages than
/// the matching of its lines).
final class KnownLinesRead {
    let history: History
    private var bytes = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    init(history: History) { self.history = history }

    deinit { bytes.deallocate() }

    /// At least `size` bytes, kept for the next file.
    func buffer(_ size: Int) -> UnsafeMutableRawBufferPointer {
        if bytes.count < size {
            bytes.deallocate()
            bytes = .allocate(byteCount: size, alignment: 64)
        }
        return bytes
    }
}

/// A buffer whose disjoint parts two threads fill.
private struct SendableBuffer: @unchecked Sendable {
    let bytes: UnsafeMutableRawBufferPointer
}
