import CSQLite
import Foundation
import ZIPFoundation

/// Opens an apkg the way Anki does: unzip, then read `collection.anki2` with SQLite.
struct AnkiPackageReader {
    struct Failure: Error, CustomStringConvertible { var description: String }

    let entries: [String: Data]
    private let directory: URL

    init(_ package: Data) throws {
        let archive = try Archive(data: package, accessMode: .read)
        var entries: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries[entry.path] = data
        }
        self.entries = entries
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
            result.append((0..<sqlite3_column_count(statement)).map { i in
                sqlite3_column_text(statement, i).map { String(cString: $0) } ?? "NULL"
            })
        }
        return result
    }

    func value(_ sql: String) throws -> String { try rows(sql).first?.first ?? "NULL" }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
