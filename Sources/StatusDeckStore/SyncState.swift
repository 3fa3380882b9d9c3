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

    var folder: String
    /// The history file, and how many of its bytes every event of which the folder holds.
    var history: (device: UInt64, inode: UInt64)
    var historyBytes: Int64
    /// Every `*.jsonl` in the folder by name, this machine's own file included.
    var files: [String: Identity]

    static func == (a: SyncState, b: SyncState) -> Bool {
        a.folder == b.folder && a.history == b.history && a.historyBytes == b.historyBytes && a.files == b.files
    }

    static let header = "statusdeck-sync-state 1"

    /// The file's lines: the header, `folder PATH`, `history DEV INODE BYTES`, then
    /// `file DEV INODE SIZE SECONDS NANOSECONDS NAME` (the name last: it may hold spaces).
    func render() -> String {
        var out = Self.header + "\nfolder \(folder)\nhistory \(history.device) \(history.inode) \(historyBytes)\n"
        for name in files.keys.sorted() {
            if let identity = files[name] { out += "file \(identity.fields) \(name)\n" }
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
        var files: [String: Identity] = [:]
        for line in lines[3...] {
            let parts = line.split(separator: " ", maxSplits: 6, omittingEmptySubsequences: false)
            guard parts.count == 7, parts[0] == "file", let dev = UInt64(parts[1]), let ino = UInt64(parts[2]),
                let size = Int64(parts[3]), let sec = Int64(parts[4]), let nsec = Int64(parts[5])
            else { return nil }
            files[String(parts[6])] = Identity(device: dev, inode: ino, size: size, modifiedSeconds: sec, modifiedNanoseconds: nsec)
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
