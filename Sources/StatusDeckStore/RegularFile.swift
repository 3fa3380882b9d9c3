import StatusDeckCore
import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses what is not a regular file before it is read.
///
/// A FIFO where a history or config belongs would block a reader for ever (opening it waits for a
/// writer; reading waits for data), and a device could be endless. Files are opened with
/// O_NONBLOCK so the open itself cannot hang, then checked here.
enum RegularFile {
    /// Flags for opening a file of the data dir: O_NOFOLLOW, so a symbolic link planted there
    /// (to /etc/passwd, or dangling to a place outside) is refused rather than read or created.
    static let inDataDir = O_NOFOLLOW | O_NONBLOCK

    /// The error for a failed open of `path`: a symbolic link is the data dir's fault (exit 2),
    /// anything else the system's. Nothing of the link's target is read or quoted.
    static func openError(_ path: String, errno code: Int32, action: String) -> StoreError {
        if code == ELOOP, Posix.isSymbolicLink(path) { return StoreError.symbolicLink(path) }
        return StoreError.system(path: path, action: action, errno: code)
    }

    static func check(_ fd: Int32, path: String, expected: String) throws(StoreError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.system(path: path, action: "read it", errno: errno) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFREG { return }
        if kind == S_IFDIR { throw StoreError.input(InputError(path: path, found: "a directory", expected: expected)) }
        throw StoreError.input(InputError(path: path, found: "a special file (FIFO, socket or device)", expected: expected))
    }
}
