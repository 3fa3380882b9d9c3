import FoundationEssentials
import Glibc
import StatusDeckCore

/// Deck files on disk: the user's own decks in the data dir, decks named by path, and the
/// generated files written by `statusdeck generate`.
public enum DeckDirectory {
    /// Why a deck could not be read: the file itself is wrong, or no file is there (bad input,
    /// exit 2), or the disk failed us (runtime failure, exit 1).
    public enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        case malformed(DeckError)
        case missing(path: String)
        /// A folder, FIFO or device where a deck file was expected: reading it would fail or block.
        case notAFile(path: String, found: String, expected: String = "a .deck file")
        case unreadable(path: String, reason: String)

        /// Every mistake, one line each: a malformed deck's all, else the one.
        public var lines: [String] {
            if case .malformed(let error) = self { return error.lines }
            return [description]
        }

        public var description: String {
            switch self {
            case .malformed(let error): error.description
            case .missing(let path): "\(path): found no such file; expected a path to a .deck file"
            case .notAFile(let path, let found, let expected): "\(path): found \(found); expected \(expected)"
            case .unreadable(let path, let reason): "\(path): could not be read (\(reason)); expected a readable file"
            }
        }
    }

    /// The `.deck` files in `DATA_DIR/decks`, sorted by name; none when the folder is absent.
    public static func userDeckPaths(in dataDirectory: DataDirectory) -> [String] {
        let folder = URL(fileURLWithPath: dataDirectory.path).appendingPathComponent("decks")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".deck") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// Reads and parses one deck file; `inDataDir` refuses a symbolic link (see `userDeckPaths`).
    public static func load(path: String, inDataDir: Bool = false) throws(LoadError) -> Deck {
        let bytes = try readRegularFile(path, followingLinks: !inDataDir)
        do {
            let text = try DeckFile.decode(bytes, path: path)
            return try DeckFile.parse(text, path: path)
        } catch {
            throw .malformed(error)
        }
    }

    /// The bytes of a regular file, with the system's own reason when that fails.
    ///
    /// POSIX calls rather than `Data(contentsOf:)`: Foundation reports EIO as "error 256" and
    /// would block for ever on a FIFO.
    ///
    /// A deck the user names may be a link; one found in the data dir may not, as a planted link
    /// (to /etc/passwd, say) would get its target parsed and quoted in the error.
    static func readRegularFile(_ path: String, followingLinks: Bool = true) throws(LoadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .missing(path: path) }
            if code == ELOOP, !followingLinks, Posix.isSymbolicLink(path) {
                throw .notAFile(path: path, found: "a symbolic link", expected: "a regular .deck file in the data dir")
            }
            throw .unreadable(path: path, reason: reason(code))
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw .unreadable(path: path, reason: reason(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .notAFile(path: path, found: "a directory")
        default: throw .notAFile(path: path, found: "a special file (FIFO, socket or device)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: reason(errno))
            }
            if n == 0 { return bytes }
            bytes += buffer[0..<n]
        }
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Writes `text` to `path` so that a reader sees the old file or the new one, never half of
    /// each: the bytes go to a temporary file in the same folder, are flushed, then renamed.
    public static func writeAtomically(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        // Hidden, so a half-written deck is never listed; created afresh (never a planted link).
        let hidden = target.deletingLastPathComponent().appendingPathComponent("." + target.lastPathComponent).path
        let fd: Int32
        let temporary: String
        switch Posix.createTemporary(for: hidden, mode: 0o644) {
        case .success(let created): (fd, temporary) = created
        case .failure(let e): throw POSIXError(POSIXErrorCode(rawValue: e.code) ?? .EIO)
        }
        let bytes = Array(text.utf8)
        let (_, error) = bytes.withUnsafeBytes { Posix.writeAll(fd, $0) }
        let syncError = error == nil ? Posix.fsync(fd) : nil
        close(fd)
        if let code = error ?? syncError {
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        if rename(temporary, target.path) != 0 {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}
