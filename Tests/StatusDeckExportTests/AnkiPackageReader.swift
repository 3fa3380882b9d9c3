import CSQLite
import CZip
import Foundation

/// Opens an apkg the way Anki does: unzip, then read `collection.anki2` with SQLite.
struct AnkiPackageReader {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// What the zip says of one entry, besides its bytes.
    struct Stored: Equatable {
        var method: Int32  // ZIP_CM_STORE or ZIP_CM_DEFLATE
        var modified: time_t  // libzip reads the MS-DOS time as local time
    }

    let entries: [String: Data]
    let stored: [String: Stored]
    private let directory: URL

    init(_ package: Data) throws {
        var entries: [String: Data] = [:]
        var stored: [String: Stored] = [:]
        try package.withUnsafeBytes { bytes in
            var error = zip_error_t()
            zip_error_init(&error)
            defer { zip_error_fini(&error) }
            guard let source = zip_source_buffer_create(bytes.baseAddress, UInt64(bytes.count), 0, &error) else {
                throw Failure(description: String(cString: zip_error_strerror(&error)))
            }
            guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
                zip_source_free(source)
                throw Failure(description: String(cString: zip_error_strerror(&error)))
            }
            defer { zip_discard(archive) }
            for index in 0..<UInt64(max(zip_get_num_entries(archive, 0), 0)) {
                var stat = zip_stat_t()
                zip_stat_init(&stat)
                guard zip_stat_index(archive, index, 0, &stat) == 0, let name = stat.name,
                    let file = zip_fopen_index(archive, index, 0)
                else {
                    throw Failure(description: String(cString: zip_strerror(archive)))
                }
                defer { zip_fclose(file) }
                var data = Data(count: Int(stat.size))
                let read = data.withUnsafeMutableBytes { buffer -> Int64 in
                    guard let base = buffer.baseAddress else { return 0 }
                    return zip_fread(file, base, UInt64(buffer.count))
                }
                guard read == Int64(stat.size) else { throw Failure(description: "short read of entry \(index)") }
                entries[String(cString: name)] = data
                stored[String(cString: name)] = Stored(method: Int32(stat.comp_method), modified: stat.mtime)
            }
        }
        self.entries = entries
        self.stored = stored
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("statusdeck-apkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard let collection = entries["collection.anki2"] else { throw Failure(description: "no collection.anki2") }
        try collection.write(to: directory.appendingPathComponent("collection.anki2"))
    }

    /// Every row of a query, each column as text (NULL as "NULL").
    func rows(_ sql: String) throws -> [[String]] {
        var db: OpaquePointer?
        let path = directory.appendingPathComponent("collection.anki2").path
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            throw Failure(description: "cannot open \(path)")
        }
        defer { sqlite3_close(db) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
            throw Failure(description: String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        var result: [[String]] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            result.append(
                (0..<sqlite3_column_count(statement)).map { i in
                    sqlite3_column_text(statement, i).map { String(cString: $0) } ?? "NULL"
                })
        }
        return result
    }

    func value(_ sql: String) throws -> String { try rows(sql).first?.first ?? "NULL" }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
