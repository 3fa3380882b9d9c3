import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#endif

/// This machine's name in a sync folder: its events go to `<id>.jsonl` there, a file no other
/// machine writes. Made once, from the randomness the caller passes, and kept in `DATA_DIR/device`.
public struct DeviceID: Equatable, Sendable, CustomStringConvertible {
    /// 16 lowercase hex digits: 64 random bits, so two machines never pick the same name.
    public let text: String

    /// Nil unless `text` is 16 lowercase hex digits (the only names written, so the only ones read).
    public init?(_ text: String) {
        guard text.utf8.count == 16, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            return nil
        }
        self.text = text
    }

    public init(random: UInt64) {
        let hex = String(random, radix: 16)
        self.text = String(repeating: "0", count: 16 - hex.count) + hex
    }

    public var description: String { text }

    /// The id kept in `directory`, made from `random` and saved first if there is none.
    ///
    /// The new file is written whole under a temporary name and linked into place, which fails if
    /// another process got there first; then that process's id is the one read, so two commands
    /// started together on a fresh data dir agree on one id.
    public static func load(_ directory: DataDirectory, random: () -> UInt64) throws(StoreError) -> DeviceID {
        let path = directory.devicePath
        if let id = try read(path) { return id }
        try directory.create()
        let made = DeviceID(random: random())
        let fd: Int32
        let temporary: String
        switch Posix.createTemporary(for: path, mode: 0o600) {
        case .success(let created): (fd, temporary) = created
        case .failure(let e): throw StoreError.system(path: path, action: "create the device id", errno: e.code)
        }
        defer { unlink(temporary) }
        let bytes = Array((made.text + "\n").utf8)
        let (_, error) = bytes.withUnsafeBytes { Posix.writeAll(fd, $0) }
        let syncError = error == nil ? Posix.fsync(fd) : nil
        close(fd)
        if let e = error ?? syncError { throw StoreError.system(path: path, action: "write the device id", errno: e) }
        if link(temporary, path) != 0 {
            let code = errno
            guard code == EEXIST else { throw StoreError.system(path: path, action: "create the device id", errno: code) }
        } else {
            Posix.syncDirectory(directory.path)
        }
        guard let id = try read(path) else { throw StoreError.system(path: path, action: "read the device id", errno: ENOENT) }
        return id
    }

    /// The id in the file at `path`; nil when there is no file. Anything else in it is bad input.
    static func read(_ path: String) throws(StoreError) -> DeviceID? {
        let fd: Int32
        switch Posix.open(path, O_RDONLY | RegularFile.inDataDir) {
        case .success(let f): fd = f
        case .failure(let e) where e.code == ENOENT: return nil
        case .failure(let e): throw RegularFile.openError(path, errno: e.code, action: "read the device id")
        }
        defer { close(fd) }
        let expected = "16 lowercase hex digits naming this machine's file in the sync folder (delete the file to make a new one)"
        try RegularFile.check(fd, path: path, expected: expected)
        var buffer = [UInt8](repeating: 0, count: 64)
        let got = buffer.withUnsafeMutableBytes { Posix.read(fd, $0) }
        guard case .success(let n) = got else { throw StoreError.system(path: path, action: "read the device id", errno: EIO) }
        var text = String(decoding: buffer[0..<n], as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        guard let id = DeviceID(text) else {
            let shown = text.isEmpty ? "an empty file" : "`\(String(text.prefix(20)).filter { $0.isASCII && !$0.isNewline })`"
            throw StoreError.input(InputError(path: path, line: 1, found: shown, expected: expected))
        }
        return id
    }
}

extension DataDirectory {
    /// Where this machine's `DeviceID` is kept.
    public var devicePath: String { path + "/device" }
}
