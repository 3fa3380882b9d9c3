import CZip
import CZstd
import FoundationEssentials
import Glibc

/// A zip archive on disk read with libzip: its entry names, an entry's bytes, or an entry
/// streamed (and, for the current Anki package, zstd-decompressed) into a file descriptor.
final class ZipArchiveReader {
    private let archive: OpaquePointer
    let path: String
    /// Entry names in archive order.
    let names: [String]

    init(path: String) throws(ImportFailure) {
        self.path = path
        if let failure = ZipLibrary.failure { throw .system("\(path): \(failure)") }
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY, &code) else {
            switch code {
            case ZIP_ER_NOZIP, ZIP_ER_INCONS:
                throw .bad(path, found: "a file that is not a zip archive", expected: "an Anki package (.apkg or .colpkg, a zip)")
            case ZIP_ER_NOENT:
                throw .bad(path, found: "no such file", expected: "a path to the file to import")
            default:
                var error = zip_error_t()
                zip_error_init_with_code(&error, code)
                defer { zip_error_fini(&error) }
                throw .system("\(path): cannot open the archive: \(String(cString: zip_error_strerror(&error)))")
            }
        }
        self.archive = archive
        var names: [String] = []
        let count = zip_get_num_entries(archive, 0)
        for i in 0..<max(count, 0) {
            if let name = zip_get_name(archive, UInt64(i), ZIP_FL_ENC_GUESS) { names.append(String(cString: name)) }
        }
        self.names = names
    }

    deinit { zip_discard(archive) }

    func contains(_ name: String) -> Bool { names.contains(name) }

    /// The whole entry, at most `limit` bytes (a larger one is bad input).
    func bytes(of name: String, limit: Int = 64 << 20) throws(ImportFailure) -> [UInt8] {
        var out: [UInt8] = []
        try stream(name) { (chunk: UnsafeRawBufferPointer) throws(ImportFailure) in
            out += chunk
            if out.count > limit {
                throw .bad(path, found: "an entry \(name) over \(limit >> 20) MiB", expected: "a small Anki package entry")
            }
        }
        return out
    }

    /// Calls `body` with the entry's bytes a chunk at a time.
    func stream(_ name: String, _ body: (UnsafeRawBufferPointer) throws(ImportFailure) -> Void) throws(ImportFailure) {
        guard let file = zip_fopen(archive, name, 0) else {
            throw .bad(path, found: "an archive whose \(name) cannot be read (\(String(cString: zip_strerror(archive))))", expected: "an intact Anki package")
        }
        defer { zip_fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, UInt64($0.count)) }
            if n == 0 { return }
            guard n > 0 else {
                throw .bad(path, found: "a damaged entry \(name) (\(String(cString: zip_file_strerror(file))))", expected: "an intact Anki package")
            }
            try withBytes(buffer, 0..<Int(n), body)
        }
    }

    /// Writes the entry, zstd-decompressed when `zstd`, to `fd`.
    func extract(_ name: String, zstd: Bool, to fd: Int32, file: String) throws(ImportFailure) {
        let write = { (bytes: UnsafeRawBufferPointer) throws(ImportFailure) in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .system("\(file): cannot write the collection: \(String(cString: strerror(errno)))")
                }
                done += n
            }
        }
        guard zstd else {
            try stream(name, write)
            return
        }
        var decoder = try ZstdStream(path: path, entry: name)
        try stream(name) { (chunk: UnsafeRawBufferPointer) throws(ImportFailure) in try decoder.feed(chunk, write) }
        try decoder.finish()
    }
}
