#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StatusDeckCore

/// Refuses what is not a regular file before it is read.
///
/// A FIFO where a history or config belongs would block a reader for ever (opening it waits for a
/// writer; reading waits for data), and a device could be endless. Files are opened with
/// O_NONBLOCK so the open itself cannot hang, then checked here.
enum RegularFile {
    static func check(_ fd: Int32, path: String, expected: String) throws(StoreError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.system(path: path, action: "read it", errno: errno) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFREG { return }
        if kind == S_IFDIR { throw StoreError.input(InputError(path: path, found: "a directory", expected: expected)) }
        throw StoreError.input(InputError(path: path, found: "a special file (FIFO, socket or device)", expected: expected))
    }
}
