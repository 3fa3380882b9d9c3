import CZip
import FSRS
import FoundationEssentials
import Glibc

/// A zip archive built in memory with libzip: an empty buffer source is opened as an archive,
/// the entries are added, and `zip_close` writes the finished archive back into that source,
/// which is then read out. Nothing touches the disk.
enum InMemoryZip {
    struct Entry {
        let path: String
        let bytes: Data
        let deflate: Bool
    }

    /// Every entry gets `modified` as its time and `-rw-r--r--` as its mode, so the same entries
    /// and instant give the same bytes on any machine, in any time zone.
    static func archive(_ entries: [Entry], modified: Instant) throws(ExportError) -> Data {
        if let failure = ZipLibrary.failure { throw .zip(failure) }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw .zip(String(cString: zip_error_strerror(&error)))
        }
        guard let archive = zip_open_from_source(source, ZIP_TRUNCATE, &error) else {
            zip_source_free(source)
            throw .zip(String(cString: zip_error_strerror(&error)))
        }
        // The archive owns the source and frees it when it closes; one more reference keeps the
        // written bytes readable after that.
        zip_source_keep(source)
        defer { zip_source_free(source) }
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
            zip_discard(archive)
            throw .zip(message)
        }
        return try contents(of: source)
    }

    private static func add(_ entry: Entry, to archive: OpaquePointer, dosTime: UInt16, dosDate: UInt16) throws(ExportError) {
        // libzip reads an entry's bytes only when the archive closes, so it gets its own copy and
        // frees it (freep = 1) whenever it is done with it, on success or failure.
        let count = entry.bytes.count
        guard let copy = malloc(max(count, 1)) else { throw .zip("out of memory for \(entry.path)") }
        entry.bytes.copyBytes(to: copy.assumingMemoryBound(to: UInt8.self), count: count)
        guard let data = zip_source_buffer(archive, copy, UInt64(count), 1) else {
            free(copy)
            throw .zip("\(entry.path): \(String(cString: zip_strerror(archive)))")
        }
        let added = zip_file_add(archive, entry.path, data, ZIP_FL_ENC_UTF_8)
        guard added >= 0 else {
            zip_source_free(data)
            throw .zip("\(entry.path): \(String(cString: zip_strerror(archive)))")
        }
        let index = UInt64(added)
        guard zip_set_file_compression(archive, index, entry.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) == 0,
            zip_file_set_dostime(archive, index, dosTime, dosDate, 0) == 0,
            zip_file_set_external_attributes(archive, index, 0, UInt8(ZIP_OPSYS_UNIX), 0o100644 << 16) == 0
        else {
            throw .zip("\(entry.path): \(String(cString: zip_strerror(archive)))")
        }
    }

    private static func contents(of source: OpaquePointer) throws(ExportError) -> Data {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_stat(source, &stat) == 0, zip_source_open(source) == 0 else {
            throw .zip(String(cString: zip_error_strerror(zip_source_error(source))))
        }
        defer { zip_source_close(source) }
        var bytes = Data(count: Int(stat.size))
        let read = bytes.withUnsafeMutableBytes { buffer -> Int64 in
            guard let base = buffer.baseAddress else { return 0 }
            return zip_source_read(source, base, UInt64(buffer.count))
        }
        guard read == Int64(stat.size) else {
            throw .zip("read \(read) of \(stat.size) archive bytes: \(String(cString: zip_error_strerror(zip_source_error(source))))")
        }
        return bytes
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
