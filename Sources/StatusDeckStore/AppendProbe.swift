import FoundationEssentials
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks, before the first answer is written, that the data dir's filesystem honours O_APPEND.
///
/// The history is safe with two writers only because every `write(2)` on an O_APPEND descriptor
/// lands at the end of the file. Some network and FUSE filesystems accept the flag and ignore it;
/// there a write goes wherever the descriptor's offset points, and an answer could overwrite
/// another. The probe shows it in a scratch file: write "AB", seek back to 0, write "C". A
/// filesystem that honours O_APPEND holds "ABC"; one that does not holds "CB".
public struct AppendProbe: Sendable {
    /// The few file operations the probe needs, so a test can stand in a filesystem that
    /// ignores O_APPEND.
    /// An errno from a failed call.
    public struct SystemCallError: Error, Equatable, Sendable {
        public let code: Int32
        public init(_ code: Int32) { self.code = code }
    }

    public protocol FileOperations: Sendable {
        /// Creates `path` exclusively and opens it for reading and appending; errno on failure.
        func createForAppending(_ path: String) -> Result<Int32, AppendProbe.SystemCallError>
        func write(_ fd: Int32, _ bytes: [UInt8]) -> Int32?
        func seekToStart(_ fd: Int32) -> Int32?
        func readAll(_ fd: Int32) -> Result<[UInt8], AppendProbe.SystemCallError>
        func close(_ fd: Int32)
        func remove(_ path: String)
    }

    let operations: FileOperations

    /// Worded to fit `path: cannot ACTION: reason`, the store's one-line shape.
    static let notHonoured =
        "append to files here (this filesystem ignores O_APPEND, so two copies of StatusDeck "
        + "could overwrite each other's answers; expected a local folder, choose one with --data-dir)"

    public init(operations: FileOperations = SystemFileOperations()) {
        self.operations = operations
    }

    /// What the probe saw.
    public enum Outcome: Equatable, Sendable {
        case honoured
        case ignored
        /// The probe itself could not run (read-only or full data dir, …): the real open or
        /// write meets the same condition and reports it in its own words.
        case unknown(errno: Int32)
    }

    public func run(_ directory: String) -> Outcome {
        let path = directory + "/.append-probe-\(getpid())"
        // A probe file left by a process killed mid-probe whose pid came round again.
        operations.remove(path)
        let fd: Int32
        switch operations.createForAppending(path) {
        case .success(let f): fd = f
        case .failure(let e): return .unknown(errno: e.code)
        }
        defer {
            operations.close(fd)
            operations.remove(path)
        }
        if let e = operations.write(fd, Array("AB".utf8)) ?? operations.seekToStart(fd)
            ?? operations.write(fd, Array("C".utf8)) ?? operations.seekToStart(fd)
        {
            return .unknown(errno: e)
        }
        switch operations.readAll(fd) {
        case .success(let bytes): return bytes == Array("ABC".utf8) ? .honoured : .ignored
        case .failure(let e): return .unknown(errno: e.code)
        }
    }

    /// Throws only when the filesystem is seen to ignore O_APPEND. A directory that passed is not
    /// probed again in this process: the answer does not change while it runs, and an answer
    /// must stay within its few-millisecond budget.
    public static func checkOnce(_ directory: String, probe: AppendProbe = AppendProbe()) throws(StoreError) {
        if verified.contains(directory) { return }
        switch probe.run(directory) {
        case .honoured: verified.insert(directory)
        case .ignored: throw StoreError.system(path: directory, action: notHonoured, errno: EOPNOTSUPP)
        case .unknown: break
        }
    }

    static let verified = VerifiedDirectories()

    final class VerifiedDirectories: @unchecked Sendable {
        private let paths = Mutex<Set<String>>([])

        func contains(_ path: String) -> Bool {
            paths.withLock { $0.contains(path) }
        }

        func insert(_ path: String) {
            _ = paths.withLock { $0.insert(path) }
        }
    }
}

/// The real filesystem, through POSIX calls.
public struct SystemFileOperations: AppendProbe.FileOperations {
    public init() {}

    public func createForAppending(_ path: String) -> Result<Int32, AppendProbe.SystemCallError> {
        Posix.open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL).mapError { AppendProbe.SystemCallError($0.code) }
    }

    public func write(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        let (written, error) = bytes.withUnsafeBytes { Posix.writeAll(fd, $0) }
        if let error { return error }
        return written == bytes.count ? nil : EIO
    }

    public func seekToStart(_ fd: Int32) -> Int32? {
        lseek(fd, 0, SEEK_SET) < 0 ? errno : nil
    }

    public func readAll(_ fd: Int32) -> Result<[UInt8], AppendProbe.SystemCallError> {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            switch buffer.withUnsafeMutableBytes({ Posix.read(fd, $0) }) {
            case .success(0): return .success(out)
            case .success(let n): out += buffer[0..<n]
            case .failure(let e): return .failure(AppendProbe.SystemCallError(e.code))
            }
        }
    }

    public func close(_ fd: Int32) { _ = Glibc.close(fd) }

    public func remove(_ path: String) { unlink(path) }
}
