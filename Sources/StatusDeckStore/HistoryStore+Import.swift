import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#endif

extension HistoryStore {
    /// What an import committed.
    public struct ImportCommit: Equatable, Sendable {
        /// Answers appended to the history.
        public var added: Int
        /// Answers whose ids the history already had (an earlier import of the same file).
        public var alreadyPresent: Int
    }

    /// Commits an import all or nothing: the deck file (if any) is written to a temporary file
    /// beside its final name and flushed; then, under the history's exclusive lock, the answers
    /// the history lacks (by event id) are appended with one write and one fsync, and the deck
    /// file is renamed into place. A failure before the append leaves both files as they were.
    ///
    /// `count` and `event` give the answers one at a time, so a million of them are encoded
    /// straight into the one buffer that is written. Their ids must be distinct.
    public func commitImport(
        deck: (text: String, path: String)?, count: Int, event: (Int) -> ReviewEvent
    ) throws(StoreError) -> ImportCommit {
        try directory.create()
        var temporary: String?
        if let deck {
            temporary = try writeTemporary(deck.text, for: deck.path)
        }
        defer { if let temporary { unlink(temporary) } }

        // Cards without answers (a text export): only the deck to put in place.
        if count == 0, let deck, let from = temporary {
            guard rename(from, deck.path) == 0 else {
                throw StoreError.system(path: deck.path, action: "put the imported deck in place", errno: errno)
            }
            temporary = nil
            return ImportCommit(added: 0, alreadyPresent: 0)
        }
        let fd = try openLockedForAppend()
        defer { close(fd) }
        let present = try read(fd).history
        // Sized from the first line (ids and instants are fixed width; a few bytes spare for the
        // duration's digits), so the buffer is not regrown while it fills.
        let probe = count > 0 ? HistoryLineEncoder.encode(.review(event(0))).count : 0
        var batch = ReviewLineBatch(reservingLines: count, lineBytes: probe + 8)
        for i in 0..<count {
            let e = event(i)
            if !present.contains(e.id) { batch.append(e) }
        }
        let added = batch.lines
        if added > 0 { try appendLocked(fd, batch.bytes, writing: .import) }
        if let deck, let from = temporary {
            guard rename(from, deck.path) == 0 else {
                throw StoreError.system(path: deck.path, action: "put the imported deck in place", errno: errno)
            }
            temporary = nil
            Posix.syncDirectory(String(deck.path[..<(deck.path.lastIndex(of: "/") ?? deck.path.endIndex)]))
        }
        return ImportCommit(added: added, alreadyPresent: count - added)
    }

    /// The deck's bytes in a new hidden file beside `path` (never a planted link), flushed.
    private func writeTemporary(_ text: String, for path: String) throws(StoreError) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw StoreError.system(path: folder, action: "create the decks folder", errno: errno)
        }
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let fd: Int32
        let temporary: String
        switch Posix.createTemporary(for: folder + "/." + name, mode: 0o644) {
        case .success(let created): (fd, temporary) = created
        case .failure(let e): throw StoreError.system(path: path, action: "write the imported deck", errno: e.code)
        }
        let bytes = Array(text.utf8)
        let (_, error) = bytes.withUnsafeBytes { Posix.writeAll(fd, $0) }
        let syncError = error == nil ? Posix.fsync(fd) : nil
        close(fd)
        if let e = error ?? syncError {
            unlink(temporary)
            if e == ENOSPC || e == EDQUOT || e == EFBIG { throw StoreError.full(path: path, errno: e, writing: .import) }
            throw StoreError.system(path: path, action: "write the imported deck", errno: e)
        }
        return temporary
    }
}
