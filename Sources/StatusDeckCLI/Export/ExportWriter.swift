import Foundation
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

    /// `mode` is the file's exact permissions (0600 for an export carrying the review history),
    /// set on the temporary file, whose mode the final name keeps.
    static func write(_ bytes: Data, to path: String, force: Bool, mode: mode_t = 0o644) throws(Failure) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .directory(path: path) }
            if !force { throw .exists(path: path) }
        }
        let target = URL(fileURLWithPath: path)
        let hidden = target.deletingLastPathComponent().appendingPathComponent("." + target.lastPathComponent).path
        // Errors name the file the user asked for; the temporary name would only puzzle them.
        let fd: Int32
        let temporary: String
        switch Posix.createTemporary(for: hidden, mode: mode) {
        case .success(let created): (fd, temporary) = created
        case .failure(let e): throw .system(path: path, action: "create a temporary file in its folder", errno: e.code)
        }
        var failure: Failure?
        bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let n = posixWrite(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = .system(path: path, action: "write", errno: errno)
                    return
                }
                offset += n
            }
        }
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
