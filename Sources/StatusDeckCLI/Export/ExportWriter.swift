import FoundationEssentials
import StatusDeckExport
import StatusDeckStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C `write`, named apart from `ExportWriter.write` so the call inside it is unambiguous.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }

/// Puts an export's bytes in place so nobody ever sees half a file: they go to a temporary file
/// in the target's folder, are flushed, then take the target's name in one step. Without
/// `force` that step is a hard link, which fails if the name exists, so a file that appears
/// meanwhile is not replaced either.
enum ExportWriter {
    enum Failure: Error, Equatable {
        /// The target exists and `force` was not given (bad input, exit 2).
        case exists(path: String)
        /// The target is a folder: no flag makes replacing it right (bad input, exit 2).
        case directory(path: String)
        /// A system call failed (exit 1).
        case system(path: String, action: String, errno: Int32)

        var description: String {
            switch self {
            case .exists(let path):
                "\(path): found an existing file; expected a new name, or --force to replace it"
            case .directory(let path):
                "\(path): found a directory; expected a file name for the export"
            case .system(let path, let action, let code):
                "\(path): cannot \(action): \(String(cString: strerror(code)))"
            }
        }

        var exitCode: Int32 {
            switch self {
            case .exists, .directory: 2
            case .system: 1
            }
        }
    }

    /// Checks the target, then runs `produce` with a private scratch folder beside `path`
    /// (mkdtemp, 0700), where it writes the export and returns that file's path; then gives the
    /// file `mode` (0600 for an export carrying the review history), flushes it and puts it in
    /// place. The folder and whatever is in it are removed on every way out, errors included; an
    /// error of `produce` is rethrown as it came.
    static func write(to path: String, force: Bool, mode: mode_t = 0o644, produce: (_ folder: String) throws -> String) throws {
        try check(path, force: force)
        let target = URL(fileURLWithPath: path)
        let hidden = target.deletingLastPathComponent().appendingPathComponent("." + target.lastPathComponent).path
        // Errors name the file the user asked for; the temporary name would only puzzle them.
        guard let folder = ScratchFolder.make(hidden + ".export") else {
            throw Failure.system(path: path, action: "create a temporary file in its folder", errno: errno)
        }
        defer { ScratchFolder.remove(folder) }
        let file = try produce(folder)
        try place(file, at: path, force: force, mode: mode)
    }

    /// The target exists and may not be replaced, or is a folder: say so before any work.
    static func check(_ path: String, force: Bool) throws(Failure) {
        var isDirectory = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory { throw .directory(path: path) }
            if !force { throw .exists(path: path) }
        }
    }

    /// Gives the finished `temporary` its exact `mode`, flushes it, and moves it to `path`: over
    /// an existing file with `force`, else by a hard link that fails if the name was taken meanwhile.
    static func place(_ temporary: String, at path: String, force: Bool, mode: mode_t) throws(Failure) {
        let fd = open(temporary, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw .system(path: path, action: "open the written file", errno: errno) }
        var failure: Failure?
        if fchmod(fd, mode) != 0 { failure = .system(path: path, action: "set the permissions of", errno: errno) }
        if failure == nil, fsync(fd) != 0 { failure = .system(path: path, action: "flush", errno: errno) }
        if close(fd) != 0, failure == nil { failure = .system(path: path, action: "close", errno: errno) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        if force {
            guard rename(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                throw .system(path: path, action: "rename the temporary file to", errno: code)
            }
            return
        }
        if link(temporary, path) == 0 {
            unlink(temporary)
            return
        }
        let code = errno
        switch code {
        case EEXIST:
            unlink(temporary)
            throw .exists(path: path)
        case EPERM, ENOTSUP, EXDEV, ENOSYS:
            // A file system without hard links: check, then rename (a narrow race, no worse
            // than any tool without link()).
            if FileManager.default.fileExists(atPath: path) {
                unlink(temporary)
                throw .exists(path: path)
            }
            guard rename(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                throw .system(path: path, action: "rename the temporary file to", errno: code)
            }
        default:
            unlink(temporary)
            throw .system(path: path, action: "create", errno: code)
        }
    }
}

/// A new file in a scratch folder, written through a 64 KiB buffer: the text formats stream into
/// it piece by piece instead of building the whole export as one string.
final class TextFile {
    private let fd: Int32
    let path: String
    private let target: String
    private var buffer: [UInt8] = []
    private var closed = false

    /// `target` is the name the user asked for, which errors name.
    init(in folder: String, for target: String, mode: mode_t) throws(ExportWriter.Failure) {
        switch Posix.createTemporary(for: folder + "/export", mode: mode) {
        case .success(let created): (fd, path) = created
        case .failure(let e): throw .system(path: target, action: "create a temporary file in its folder", errno: e.code)
        }
        self.target = target
        buffer.reserveCapacity(1 << 16)
    }

    deinit { if !closed { close(fd) } }

    func write(_ text: String) throws(ExportWriter.Failure) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(ExportWriter.Failure) {
        guard !buffer.isEmpty else { return }
        let failure = buffer.withUnsafeBytes { raw -> ExportWriter.Failure? in
            do { try writeAll(raw) } catch let e as ExportWriter.Failure { return e } catch { return .system(path: target, action: "write", errno: EIO) }
            return nil
        }
        if let failure { throw failure }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ raw: UnsafeRawBufferPointer) throws(ExportWriter.Failure) {
        var offset = 0
        while offset < raw.count, let base = raw.baseAddress {
            let n = posixWrite(fd, base + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw .system(path: target, action: "write", errno: errno)
            }
            offset += n
        }
    }

    /// Writes what is buffered and closes the file; its path, for `ExportWriter.place`.
    func finish() throws(ExportWriter.Failure) -> String {
        try flush()
        closed = true
        if close(fd) != 0 { throw .system(path: target, action: "close", errno: errno) }
        return path
    }
}
