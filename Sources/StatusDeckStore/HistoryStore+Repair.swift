import StatusDeckCore
import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#endif

/// `history check` and `history repair`: one bad line in the middle of the log (a sync tool's
/// conflict marker, a disk error) stops every command until it is dealt with. Loading keeps
/// refusing it; these list every bad line and, on request, move them out of the way.
extension HistoryStore {
    /// What a check found; nil when there is no history file.
    public func check() throws(StoreError) -> HistoryLineCheck? {
        guard let fd = try openLockedExisting(O_RDONLY, LOCK_SH) else { return nil }
        defer { close(fd) }
        let bytes = try readAll(fd)
        return bytes.withUnsafeBufferPointer { HistoryLineCheck($0, path: path) }
    }

    /// What a repair did.
    public struct Repair: Sendable {
        /// The lines moved out, in file order; empty when there was nothing to repair.
        public var moved: [HistoryLineCheck.BadLine]
        /// Where they went (`history.rejected-<instant>`), when any did.
        public var rejectedPath: String?
        /// Complete lines left in the history.
        public var kept: Int
    }

    /// Moves every bad line, verbatim, to `history.rejected-<instant>` and keeps every other byte
    /// in order; nil when there is no history file. All under the history's exclusive lock, and
    /// atomic: the rejected lines are on disk before a new history (written beside it, fsynced)
    /// is renamed over the old one, so a crash at any moment leaves every line in one file or the
    /// other, usually both.
    public func repair() throws(StoreError) -> Repair? {
        guard let fd = try openLockedExisting(O_RDWR, LOCK_EX) else { return nil }
        defer { close(fd) }
        let bytes = try readAll(fd)
        let check = bytes.withUnsafeBufferPointer { HistoryLineCheck($0, path: path) }
        let kept = check.lines - check.bad.count
        guard !check.bad.isEmpty else { return Repair(moved: [], rejectedPath: nil, kept: kept) }

        let (out, rejectedPath) = try createAside("rejected", action: "set aside the bad lines")
        do {
            defer { close(out) }
            let rejected = bytes.withUnsafeBufferPointer { HistoryLineCheck.rejected($0, check.bad) }
            try writeDurably(out, rejected, path: rejectedPath, action: "set aside the bad lines")
        }
        Posix.syncDirectory(directory.path)

        let good = bytes.withUnsafeBufferPointer { HistoryLineCheck.kept($0, without: check.bad) }
        let temporary: (fd: Int32, path: String)
        switch Posix.createTemporary(for: path, mode: 0o600) {
        case .success(let t): temporary = t
        case .failure(let e): throw StoreError.system(path: path, action: "write the repaired history", errno: e.code)
        }
        do {
            defer { close(temporary.fd) }
            try writeDurably(temporary.fd, good, path: path, action: "write the repaired history")
        } catch {
            unlink(temporary.path)
            throw error
        }
        // The old snapshot was made from bytes the file no longer begins with; it would be
        // ignored, but it is only a cache, so it goes rather than lingering.
        unlink(directory.snapshotPath)
        if rename(temporary.path, path) != 0 {
            let e = errno
            unlink(temporary.path)
            throw StoreError.system(path: path, action: "replace the history with the repaired one", errno: e)
        }
        Posix.syncDirectory(directory.path)
        return Repair(moved: check.bad, rejectedPath: rejectedPath, kept: kept)
    }

    /// The history file opened and locked, or nil when there is none. Like appenders, a repair
    /// that waited through another one must read the new file, or it would put back the old
    /// lines over answers saved in between.
    func openLockedExisting(_ flags: Int32, _ operation: Int32) throws(StoreError) -> Int32? {
        try lockCurrentFile(operation) { () throws(StoreError) -> Int32? in try openExisting(flags) }
    }

    /// The history file opened with `flags` (never through a link), or nil when there is none.
    private func openExisting(_ flags: Int32) throws(StoreError) -> Int32? {
        let fd: Int32
        switch Posix.open(path, flags | RegularFile.inDataDir) {
        case .success(let f): fd = f
        case .failure(let e) where e.code == ENOENT: return nil
        case .failure(let e): throw RegularFile.openError(path, errno: e.code, action: "read the history")
        }
        do { try RegularFile.check(fd, path: path, expected: "the history file, a regular file of JSON lines") } catch {
            close(fd)
            throw error
        }
        return fd
    }

    private func readAll(_ fd: Int32) throws(StoreError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset: Int64 = 0
        while true {
            let got = buffer.withUnsafeMutableBytes { Posix.pread(fd, $0, offset) }
            switch got {
            case .success(0): return bytes
            case .success(let n):
                bytes += buffer[0..<n]
                offset += Int64(n)
            case .failure(let e): throw StoreError.system(path: path, action: "read the history", errno: e.code)
            }
        }
    }

    private func writeDurably(_ fd: Int32, _ bytes: [UInt8], path: String, action: String) throws(StoreError) {
        let (_, error) = bytes.withUnsafeBytes { Posix.writeAll(fd, $0) }
        if let error {
            if error == ENOSPC || error == EFBIG || error == EDQUOT {
                throw StoreError.system(path: path, action: action + " (the disk is full)", errno: error)
            }
            throw StoreError.system(path: path, action: action, errno: error)
        }
        if let e = Posix.fsync(fd) { throw StoreError.system(path: path, action: action, errno: e) }
    }
}
