#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers that retry on EINTR and report errno, so store code reads as intent.
public enum Posix {
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0o600) -> Result<Int32, Errno> {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return .success(fd) }
            if errno != EINTR { return .failure(Errno(errno)) }
        }
    }

    /// Creates a new file named after `path` (`path.tmp-<pid>`, or with a random suffix when that
    /// name is taken) that is surely ours: O_EXCL|O_NOFOLLOW never open what is already there, so
    /// a symbolic link planted under the name cannot redirect the write; whatever holds a taken
    /// name is left alone. The file gets exactly `mode` (fchmod, as the umask may have cut it).
    public static func createTemporary(for path: String, mode: mode_t = 0o600) -> Result<(fd: Int32, path: String), Errno> {
        var name = path + ".tmp-\(getpid())"
        for _ in 0..<100 {
            switch open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode) {
            case .success(let fd):
                if fchmod(fd, mode) != 0 {
                    let code = errno
                    close(fd)
                    unlink(name)
                    return .failure(Errno(code))
                }
                return .success((fd, name))
            case .failure(let e) where e.code == EEXIST || e.code == ELOOP:
                name = path + ".tmp-\(getpid())-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
            case .failure(let e):
                return .failure(e)
            }
        }
        return .failure(Errno(EEXIST))
    }

    /// Whether `path` itself (not what it points to) is a symbolic link.
    public static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }

    static func lock(_ fd: Int32, _ operation: Int32) -> Int32? {
        while flock(fd, operation) != 0 {
            if errno != EINTR { return errno }
        }
        return nil
    }

    static func size(_ fd: Int32) -> Result<Int64, Errno> {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(Errno(errno)) }
        return .success(Int64(st.st_size))
    }

    /// Reads up to `count` bytes at `offset`; fewer only at end of file.
    static func pread(_ fd: Int32, _ raw: UnsafeMutableRawBufferPointer, _ offset: Int64) -> Result<Int, Errno> {
        guard let buffer = raw.baseAddress else { return .success(0) }
        let count = raw.count
        var done = 0
        while done < count {
            let n = Glibc.pread(fd, buffer + done, count - done, off_t(offset) + off_t(done))
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(errno))
            }
            done += n
        }
        return .success(done)
    }

    /// Advice only (transparent huge pages where the kernel allows them); errors are ignored.
    static func preferHugePages(_ raw: UnsafeMutableRawBufferPointer) {
        let huge = 2 << 20
        guard let base = raw.baseAddress, raw.count >= 2 * huge else { return }
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + raw.count) & ~(huge - 1)
        guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(p, end - start, MADV_HUGEPAGE)
    }

    static func read(_ fd: Int32, _ raw: UnsafeMutableRawBufferPointer) -> Result<Int, Errno> {
        guard let buffer = raw.baseAddress else { return .success(0) }
        while true {
            let n = Glibc.read(fd, buffer, raw.count)
            if n >= 0 { return .success(n) }
            if errno != EINTR { return .failure(Errno(errno)) }
        }
    }

    /// Writes everything or reports the errno that stopped it (with how much got out).
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> (written: Int, error: Int32?) {
        var done = 0
        guard let base = bytes.baseAddress else { return (0, nil) }
        while done < bytes.count {
            let n = Glibc.write(fd, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return (done, errno)
            }
            if n == 0 { return (done, ENOSPC) }
            done += n
        }
        return (done, nil)
    }

    static func fsync(_ fd: Int32) -> Int32? {
        while Glibc.fsync(fd) != 0 {
            if errno != EINTR { return errno }
        }
        return nil
    }

    static func truncate(_ fd: Int32, _ length: Int64) -> Int32? {
        while ftruncate(fd, off_t(length)) != 0 {
            if errno != EINTR { return errno }
        }
        return nil
    }

    /// Makes a rename or a new file in `directory` durable.
    static func syncDirectory(_ directory: String) {
        guard case .success(let fd) = open(directory, O_RDONLY | O_DIRECTORY) else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }
}

/// An errno value carried through `Result`.
public struct Errno: Error {
    public let code: Int32
    init(_ code: Int32) { self.code = code }
}
