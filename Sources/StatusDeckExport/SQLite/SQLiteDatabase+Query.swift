import CSQLite
import StatusDeckHistory

/// Reading: a collection file opened read-only, and rows handed to a closure one at a time, so a
/// million-row review log is never held as rows in memory.
extension SQLiteDatabase {
    /// One result row; column numbers start at 0.
    struct Row {
        let statement: OpaquePointer

        func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
        func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

        /// Text as UTF-8 (invalid bytes repaired); empty for NULL.
        func text(_ column: Int32) -> String {
            guard let bytes = sqlite3_column_text(statement, column) else { return "" }
            let count = Int(sqlite3_column_bytes(statement, column))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }

        /// A blob's (or text's) bytes; empty for NULL.
        func bytes(_ column: Int32) -> [UInt8] {
            let count = Int(sqlite3_column_bytes(statement, column))
            guard count > 0, let raw = sqlite3_column_blob(statement, column) else { return [] }
            return Array(UnsafeRawBufferPointer(start: raw, count: count))
        }
    }

    /// Opens an existing database file read-only. `path` names the file in messages.
    static func openReadOnly(_ file: String, path: String) throws(InputError) -> SQLiteDatabase {
        var db: OpaquePointer?
        // One thread uses it: no mutex around every call.
        let rc = sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            sqlite3_close(db)
            throw InputError(path: path, found: "a collection SQLite cannot open", expected: "an Anki collection (SQLite)")
        }
        return SQLiteDatabase(owning: db)
    }

    /// Runs a query, calling `body` once per row. A database that is not one (or is damaged) is
    /// reported as `path: found …; expected an Anki collection`.
    func query(
        _ sql: String, path: String, _ bind: [Value] = [], _ body: (Row) throws(InputError) -> Void
    ) throws(InputError) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            let message = String(cString: sqlite3_errmsg(handle))
            sqlite3_finalize(statement)
            throw InputError(path: path, found: "a database without what Anki keeps (\(message))", expected: "an Anki collection")
        }
        defer { sqlite3_finalize(statement) }
        for (i, value) in bind.enumerated() {
            switch value {
            case .int(let n): sqlite3_bind_int64(statement, Int32(i + 1), n)
            case .text(let s): sqlite3_bind_text(statement, Int32(i + 1), s, -1, csqlite_transient())
            }
        }
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else {
                let message = String(cString: sqlite3_errmsg(handle))
                throw InputError(path: path, found: "a damaged collection (\(message))", expected: "an Anki collection SQLite can read")
            }
            try body(Row(statement: statement))
        }
    }

    /// Whether the database has a table of that name.
    func hasTable(_ name: String, path: String) throws(InputError) -> Bool {
        var found = false
        try query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", path: path, [.text(name)]) { _ in found = true }
        return found
    }
}
