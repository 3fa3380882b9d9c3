import CZip
import FSRS
import FoundationEssentials
import Glibc

/// The Anki package's zip, written by libzip into a new file: entries are read from disk (the
/// collection) or small buffers (the media map) while the archive is written, so no entry is held
/// whole in memory. libzip writes beside `path` and renames when the archive closes, so the
/// caller's folder (private and temporary) holds what a failure leaves; the caller removes it.
enum PackageZip {
    enum Contents {
        case file(String)
        case bytes([UInt8])
    }

    struct Entry {
        let path: String
        let contents: Contents
        let deflate: Bool
    }

    /// zlib's fastest level. On the 68 MB collection of a million answers level 1 gave 22.7 MB in
    /// 1.2 s, level 6 (zlib's default) 21.2 MB in 2.9 s, and 9 (what libzip's 0 means) was slower
    /// still: 7 % more bytes for a zip made two and a half times faster.
    static let deflateLevel: UInt32 = 1

    /// Every entry gets `modified` as its time and `-rw-r--r--` as its mode, so the same entries
    /// and instant give the same bytes on any machine, in any time zone. `cancelled` is asked as
    /// libzip writes (Ctrl-C); a cancelled or failed archive leaves no file at `path`.
    static func write(_ entries: [Entry], to path: String, modified: Instant, cancelled: @escaping () -> Bool) throws(ExportError) {
        if let failure = ZipLibrary.failure { throw .zip(failure) }
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_EXCL, &code) else {
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw .zip("\(path): \(String(cString: zip_error_strerror(&error)))")
        }
        let box = CancelBox(cancelled)
        let state = Unmanaged.passRetained(box).toOpaque()
        let registered = zip_register_cancel_callback_with_state(
            archive,
            { _, state in
                guard let state else { return 0 }
                return Unmanaged<CancelBox>.fromOpaque(state).takeUnretainedValue().ask() ? 1 : 0
            },
            { state in if let state { Unmanaged<CancelBox>.fromOpaque(state).release() } }, state)
        if registered != 0 { Unmanaged<CancelBox>.fromOpaque(state).release() }
        let (dosTime, dosDate) = dos(modified)
        do {
            for entry in entries {
                try add(entry, to: archive, dosTime: dosTime, dosDate: dosDate)
            }
        } catch {
            zip_discard(archive)
            throw error
        }
        guard zip_close(archive) == 0 else {
            let message = String(cString: zip_strerror(archive))
            let wasCancelled = box.said
            zip_discard(archive)
            if wasCancelled { throw .cancelled }
            throw .zip(message)
        }
    }

    /// Asked by libzip as it writes; remembers a yes.
    private final class CancelBox {
        let cancelled: () -> Bool
        var said = false
        init(_ cancelled: @escaping () -> Bool) { self.cancelled = cancelled }
        func ask() -> Bool {
            if !said, cancelled() { said = true }
            return said
        }
    }

    private static func add(_ entry: Entry, to archive: OpaquePointer, dosTime: UInt16, dosDate: UInt16) throws(ExportError) {
        let data: OpaquePointer?
        switch entry.contents {
        case .file(let file):
            // Read from the file when the archive closes; -1: to its end.
            data = zip_source_file(archive, file, 0, -1)
        case .bytes(let bytes):
            // libzip reads a buffer only when the archive closes, so it gets its own copy and
            // frees it (freep = 1) whenever it is done with it, on success or failure.
            guard let copy = malloc(max(bytes.count, 1)) else { throw .zip("out of memory for \(entry.path)") }
            bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: $0.count) } }
            data = zip_source_buffer(archive, copy, UInt64(bytes.count), 1)
            if data == nil { free(copy) }
        }
        guard let data else { throw .zip("\(entry.path): \(String(cString: zip_strerror(archive)))") }
        let added = zip_file_add(archive, entry.path, data, ZIP_FL_ENC_UTF_8)
        guard added >= 0 else {
            zip_source_free(data)
            throw .zip("\(entry.path): \(String(cString: zip_strerror(archive)))")
        }
        let index = UInt64(added)
        let method = entry.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE
        guard zip_set_file_compression(archive, index, method, entry.deflate ? deflateLevel : 0) == 0,
            zip_file_set_dostime(archive, index, dosTime, dosDate, 0) == 0,
            zip_file_set_external_attributes(archive, index, 0, UInt8(ZIP_OPSYS_UNIX), 0o100644 << 16) == 0
        else {
            throw .zip("\(entry.path): \(String(cString: zip_strerror(archive)))")
        }
    }

    /// The instant as an MS-DOS time and date, in UTC rather than the machine's zone (which is
    /// what `zip_file_set_mtime` would use), so the bytes do not depend on where they were made.
    /// MS-DOS counts two-second steps from 1980 to 2107; instants outside are clamped to its ends.
    static func dos(_ instant: Instant) -> (time: UInt16, date: UInt16) {
        let text = Array(Timestamp.format(instant).utf8)  // 2026-11-22T03:04:05.006Z
        func number(_ from: Int, _ digits: Int) -> Int {
            text[from..<from + digits].reduce(0) { $0 * 10 + Int($1) - 48 }
        }
        let year = number(0, 4)
        if year < 1980 { return (0, 1 << 5 | 1) }
        if year > 2107 { return (23 << 11 | 59 << 5 | 29, 127 << 9 | 12 << 5 | 31) }
        let time = number(11, 2) << 11 | number(14, 2) << 5 | number(17, 2) / 2
        let date = (year - 1980) << 9 | number(5, 2) << 5 | number(8, 2)
        return (UInt16(time), UInt16(date))
    }
}
