import CSQLite
import FoundationEssentials
import Glibc

/// The little of SQLite the Anki encoder needs: a database file, prepared statements with bound
/// values. Not shared across tasks: one encode owns one. Import opens a package's collection
/// read-only through `SQLiteDatabase+Query.swift`.
final class SQLiteDatabase {
    enum Value {
        case int(Int64)
        case text(String)
    }

    private(set) var handle: OpaquePointer?

    /// A new database in the file at `path` (created; the caller owns the folder it is in). No
    /// journal and no syncs: the file is a scratch copy that is zipped, never the user's data, and
    /// a failed export removes it. The page cache is capped at 16 MB, so memory does not grow with
    /// the rows.
    init(path: String) throws(ExportError) {
        if let failure = Self.libraryFailure { throw .sqlite(failure) }
        var db: OpaquePointer?
        // NOMUTEX: one thread owns the connection, so SQLite's locking is only cost.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw .sqlite("open: \(message)")
        }
        handle = db
        try execute(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -16384")
    }

    /// A private database in memory (tests build small collections with it; see `serialized`).
    init() throws(ExportError) {
        if let failure = Self.libraryFailure { throw .sqlite(failure) }
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard rc == SQLITE_OK, let db else {
            sqlite3_close(db)
            throw .sqlite("open: out of memory")
        }
        handle = db
    }

    /// The database's bytes, exactly as SQLite would have written them to disk.
    func serialized() throws(ExportError) -> Data {
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(handle, "main", &size, 0) else {
            throw .sqlite("serialize: " + String(cString: sqlite3_errmsg(handle)))
        }
        defer { sqlite3_free(bytes) }
        return Data(bytes: bytes, count: Int(size))
    }

    /// Nil once SQLite is loaded (it is opened on first use, not linked); else one line saying
    /// what is missing.
    static var libraryFailure: String? {
        statusdeck_sqlite_load().map { String(cString: $0) }
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

    /// Closes the database, so every page is in the file; errors here are errors of the export.
    func close() throws(ExportError) {
        guard let db = handle else { return }
        let rc = sqlite3_close(db)
        guard rc == SQLITE_OK else { throw .sqlite("close: \(String(cString: sqlite3_errstr(rc)))") }
        handle = nil
    }

    /// One statement, prepared once and run once per row.
    final class Statement {
        private let statement: OpaquePointer
        private let db: OpaquePointer

        fileprivate init(_ sql: String, in db: OpaquePointer) throws(ExportError) {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
                throw .sqlite("prepare: \(String(cString: sqlite3_errmsg(db)))")
            }
            self.statement = statement
            self.db = db
        }

        deinit { sqlite3_finalize(statement) }

        /// Inserts one row (or runs the statement once with these values).
        func run(_ row: [Value]) throws(ExportError) {
            sqlite3_reset(statement)
            for (i, value) in row.enumerated() {
                let index = Int32(i + 1)
                let rc: Int32 =
                    switch value {
                    case .int(let n): sqlite3_bind_int64(statement, index, n)
                    case .text(let s): sqlite3_bind_text(statement, index, s, -1, csqlite_transient())
                    }
                guard rc == SQLITE_OK else { throw .sqlite("bind: \(String(cString: sqlite3_errmsg(db)))") }
            }
            try step()
        }

        /// `run` with integers only, bound in order (a batch of revlog rows), no enum per value.
        func run(integers values: [Int64]) throws(ExportError) {
            sqlite3_reset(statement)
            for (i, value) in values.enumerated() {
                guard sqlite3_bind_int64(statement, Int32(i + 1), value) == SQLITE_OK else {
                    throw .sqlite("bind: \(String(cString: sqlite3_errmsg(db)))")
                }
            }
            try step()
        }

        private func step() throws(ExportError) {
            guard sqlite3_step(statement) == SQLITE_DONE else {
                throw .sqlite("insert: \(String(cString: sqlite3_errmsg(db)))")
            }
        }
    }

    func prepare(_ sql: String) throws(ExportError) -> Statement {
        guard let handle else { throw .sqlite("prepare: the database is closed") }
        return try Statement(sql, in: handle)
    }
}
