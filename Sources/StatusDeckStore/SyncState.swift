import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#endif

/// What the last sync saw, so the next one can tell that nothing in the folder changed without
/// reading it: `DATA_DIR/sync.state`, a cache like the snapshot (derived, safe to delete; a
/// missing, stale or malformed one only means a full sync).
///
/// It names the folder, how many bytes of the local history the folder had been given, and each
/// device file as it was read (device, inode, size, modification time). When every file in the
/// folder is still exactly so, the sync reads none of them: it only appends to this machine's file
/// the events the history gained since. Any difference (a file new, grown, replaced, shortened or
/// gone, the history replaced by a repair) and the sync reads everything, as it would without this.
struct SyncState: Equatable {
    /// One file as `fstat` saw it.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int64
        var modifiedNanoseconds: Int64

        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            modifiedSeconds = Int64(st.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(st.st_mtim.tv_nsec)
        }

        init(device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64) {
            self.device = device
            self.inode = inode
            self.size = size
            self.modifiedSeconds = modifiedSeconds
            self.modifiedNanoseconds = modifiedNanoseconds
        }

        static func of(_ fd: Int32) -> Identity? {
            var st = stat()
            return fstat(fd, &st) == 0 ? Identity(st) : nil
        }

        static func of(path: String) -> Identity? {
            var st = stat()
            return lstat(path, &st) == 0 ? Identity(st) : nil
        }

        var fields: String { "\(device) \(inode) \(size) \(modifiedSeconds) \(modifiedNanoseconds)" }
    }

    /// A file as last read: how it was, how many of its bytes were complete lines, and a hash
    /// of the last of those lines, to know a longer file for the same one grown (appended to,
    /// or replaced by a longer copy, as Syncthing and Dropbox do) and read only what follows.
    struct Entry: Equatable {
        var identity: Identity
        var covered: Int64
        var mark: UInt64
    }

    /// FNV-1a of the last complete line before `covered` (at most 4 KiB of it): it holds the
    /// line's random event id, so another file cannot match it by chance. Nil if unreadable.
    static func mark(_ fd: Int32, covered: Int64) -> UInt64? {
        let window = Int(min(covered, 4096))
        var bytes = [UInt8](repeating: 0, count: window)
        if window > 0 {
            guard case .success(window) = bytes.withUnsafeMutableBytes({ Posix.pread(fd, $0, covered - Int64(window)) }) else { return nil }
        }
        var start = window > 0 ? window - 1 : 0
        while start > 0, bytes[start - 1] != 0x0a { start -= 1 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes[start...] {
            hash ^= UInt64(b)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    var folder: String
    /// The history file, and how many of its bytes every event of which the folder holds.
    var history: (device: UInt64, inode: UInt64)
    var historyBytes: Int64
    /// Every `*.jsonl` in the folder by name, this machine's own file included.
    var files: [String: Entry]

    static func == (a: SyncState, b: SyncState) -> Bool {
        a.folder == b.folder && a.history == b.history && a.historyBytes == b.historyBytes && a.files == b.files
    }

    static let header = "statusdeck-sync-state 1"

    /// The file's lines: the header, `folder PATH`, `history DEV INODE BYTES`, then
    /// `file DEV INODE SIZE SECONDS NANOSECONDS COVERED MARK NAME` (the name last: it may hold spaces).
    func render() -> String {
        var out = Self.header + "\nfolder \(folder)\nhistory \(history.device) \(history.inode) \(historyBytes)\n"
        for name in files.keys.sorted() {
            if let e = files[name] { out += "file \(e.identity.fields) \(e.covered) \(e.mark) \(name)\n" }
        }
        return out
    }

    /// Nil for anything that is not exactly what `render` writes.
    static func parse(_ text: String) -> SyncState? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.last == "" else { return nil }
        lines.removeLast()
        guard lines.count >= 3, lines[0] == header, lines[1].hasPrefix("folder ") else { return nil }
        let folder = String(lines[1].dropFirst("folder ".count))
        let h = lines[2].split(separator: " ")
        guard h.count == 4, h[0] == "history", let d = UInt64(h[1]), let i = UInt64(h[2]), let bytes = Int64(h[3]) else { return nil }
        var files: [String: Entry] = [:]
        for line in lines[3...] {
            let parts = line.split(separator: " ", maxSplits: 8, omittingEmptySubsequences: false)
            guard parts.count == 9, parts[0] == "file", let dev = UInt64(parts[1]), let ino = UInt64(parts[2]),
                let size = Int64(parts[3]), let sec = Int64(parts[4]), let nsec = Int64(parts[5]),
                let covered = Int64(parts[6]), let mark = UInt64(parts[7])
            else { return nil }
            let identity = Identity(device: dev, inode: ino, size: size, modifiedSeconds: sec, modifiedNanoseconds: nsec)
            files[String(parts[8])] = Entry(identity: identity, covered: covered, mark: mark)
        }
        return SyncState(folder: folder, history: (d, i), historyBytes: bytes, files: files)
    }

    /// The saved state; nil when there is none or it cannot be read (a full sync then).
    static func load(_ path: String) -> SyncState? {
        guard case .success(let fd) = Posix.open(path, O_RDONLY | RegularFile.inDataDir) else { return nil }
        defer { close(fd) }
        guard case .success(let size) = Posix.size(fd), size < 1 << 20 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        guard case .success(Int(size)) = bytes.withUnsafeMutableBytes({ Posix.pread(fd, $0, 0) }) else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return parse(text)
    }

    /// Replaces the saved state (temporary file, rename). Not flushed: losing it costs a full sync.
    func save(_ path: String) {
        guard case .success(let created) = Posix.createTemporary(for: path) else { return }
        let bytes = Array(render().utf8)
        let (_, error) = bytes.withUnsafeBytes { Posix.writeAll(created.fd, $0) }
        close(created.fd)
        if error != nil || rename(created.path, path) != 0 { unlink(created.path) }
    }

    /// Removes a saved state (before anything the next sync must not skip).
    static func forget(_ path: String) { unlink(path) }
}

extension DataDirectory {
    /// `SyncState`'s file.
    public var syncStatePath: String { path + "/sync.state" }
}
