import CSQLite
import Foundation

/// The little of SQLite the Anki encoder needs: an in-memory database, statements with bound
/// values, and the finished database as bytes. Not shared across tasks: one encode owns one.
/// Import opens a package's collection read-only through `SQLiteDatabase+Query.swift`.
final class SQLiteDatabase {
    enum Value {
        case int(Int64)
        case text(String)
    }

    private(set) var handle: OpaquePointer?

    /// A private database in memory: nothing touches the disk until the caller writes the bytes.
    init() throws(ExportError) {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw .sqlite("open: \(message)")
        }
        handle = db
    }

    /// Takes ownership of a connection opened elsewhere (see `SQLiteDatabase+Query.swift`).
    init(owning handle: OpaquePointer) { self.handle = handle }

    deinit { sqlite3_close(handle) }

    /// Runs one or more statements that take no values.
    func execute(_ sql: String) throws(ExportError) {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        defer { sqlite3_free(error) }
        guard rc == SQLITE_OK else {
            throw .sqlite(error.map { String(cString: $0) } ?? "error \(rc)")
        }
    }

    /// Runs one statement once per row of values.
    func insert(_ sql: String, rows: [[Value]]) throws(ExportError) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw .sqlite("prepare: \(lastError)")
        }
        defer { sqlite3_finalize(statement) }
        for row in rows {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            for (i, value) in row.enumerated() {
                let index = Int32(i + 1)
                let rc: Int32 =
                    switch value {
                    case .int(let n): sqlite3_bind_int64(statement, index, n)
                    case .text(let s): sqlite3_bind_text(statement, index, s, -1, csqlite_transient())
                    }
                guard rc == SQLITE_OK else { throw .sqlite("bind: \(lastError)") }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw .sqlite("insert: \(lastError)") }
        }
    }

    /// The database file's bytes, exactly as SQLite would have written them to disk.
    func serialized() throws(ExportError) -> Data {
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(handle, "main", &size, 0) else {
            throw .sqlite("serialize: \(lastError)")
        }
        defer { sqlite3_free(bytes) }
        return Data(bytes: bytes, count: Int(size))
    }

    private var lastError: String { String(cString: sqlite3_errmsg(handle)) }
}
