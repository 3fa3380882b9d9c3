import StatusDeckCore
import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#endif

/// The `config` file in the data dir. Written atomically (temp file, fsync, rename), so a crash
/// leaves either the old settings or the new ones, never half of each.
public struct ConfigStore: Sendable {
    public let directory: DataDirectory
    public let path: String

    public init(directory: DataDirectory) {
        self.directory = directory
        self.path = directory.configPath
    }

    /// The saved settings, or the defaults when there is no file yet.
    public func load() throws(StoreError) -> StudyConfig {
        let fd: Int32
        switch Posix.open(path, O_RDONLY | RegularFile.inDataDir) {
        case .success(let f): fd = f
        case .failure(let e) where e.code == ENOENT: return StudyConfig.default
        case .failure(let e): throw RegularFile.openError(path, errno: e.code, action: "read the config")
        }
        defer { close(fd) }
        try RegularFile.check(fd, path: path, expected: "a regular file of `key = value` lines")
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let got = chunk.withUnsafeMutableBytes { Posix.read(fd, $0) }
            switch got {
            case .success(0):
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw StoreError.input(InputError(path: path, found: "bytes that are not UTF-8", expected: "a UTF-8 text file of `key = value` lines"))
                }
                do { return try StudyConfig.parse(text, path: path) } catch { throw StoreError.input(error) }
            case .success(let n):
                bytes += chunk[0..<n]
                guard bytes.count <= 1 << 20 else {
                    throw StoreError.input(InputError(path: path, found: "a file over 1 MiB", expected: "a short `key = value` file"))
                }
            case .failure(let e):
                throw StoreError.system(path: path, action: "read the config", errno: e.code)
            }
        }
    }

    public func save(_ config: StudyConfig) throws(StoreError) {
        try directory.create()
        let fd: Int32
        let temp: String
        switch Posix.createTemporary(for: path) {
        case .success(let created): (fd, temp) = created
        case .failure(let e): throw StoreError.system(path: path, action: "write the config", errno: e.code)
        }
        let bytes = Array(config.render().utf8)
        let (_, error) = bytes.withUnsafeBytes { Posix.writeAll(fd, $0) }
        let syncError = error == nil ? Posix.fsync(fd) : nil
        close(fd)
        if let e = error ?? syncError {
            unlink(temp)
            throw StoreError.system(path: path, action: "write the config", errno: e)
        }
        guard rename(temp, path) == 0 else {
            let e = errno
            unlink(temp)
            throw StoreError.system(path: path, action: "replace the config", errno: e)
        }
        Posix.syncDirectory(directory.path)
    }
}
