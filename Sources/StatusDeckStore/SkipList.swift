import FSRS
import Foundation
import StatusDeckCore

#if canImport(Glibc)
import Glibc
#endif

/// Cards put away until the next study day (the `s` key), kept in `DATA_DIR/skipped` so a skip
/// outlives the session. The history has no record for it: a skip schedules nothing and is not
/// part of what two machines merge.
///
/// One line per change, appended: `<study day start, ms> +<card id>` to skip, `-<card id>` when
/// the skip was undone. Lines of other days, and lines that do not parse, are ignored: the worst
/// a damaged file can do is bring a skipped card back early.
public struct SkipList: Sendable {
    public let directory: DataDirectory

    public init(directory: DataDirectory) { self.directory = directory }

    public var path: String { directory.path + "/skipped" }

    /// The cards skipped in the study day that started at `dayStart`.
    /// A symbolic link in its place is not followed: it reads as no skips (a damaged file).
    public func load(dayStart: Instant) -> Set<String> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            let data = try? handle.readToEnd(), let text = String(data: data, encoding: .utf8)
        else { return [] }
        var cards: Set<String> = []
        let day = String(dayStart.milliseconds)
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0] == day, let sign = parts[1].first else { continue }
            let card = String(parts[1].dropFirst())
            guard !card.isEmpty else { continue }
            if sign == "+" { cards.insert(card) } else if sign == "-" { cards.remove(card) }
        }
        return cards
    }

    /// Appends one change and syncs it, like an answer: what the screen says is what is on disk.
    public func record(_ card: String, skipped: Bool, dayStart: Instant) throws(StoreError) {
        try directory.create()
        // O_NOFOLLOW: a dangling link here would otherwise create a file outside the data dir.
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP, Posix.isSymbolicLink(path) { throw StoreError.symbolicLink(path) }
            throw StoreError.system(path: path, action: "record the skip", errno: code)
        }
        defer { close(fd) }
        let bytes = Array("\(dayStart.milliseconds) \(skipped ? "+" : "-")\(card)\n".utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw StoreError.system(path: path, action: "record the skip", errno: written < 0 ? errno : EIO)
        }
        guard fsync(fd) == 0 else { throw StoreError.system(path: path, action: "record the skip", errno: errno) }
    }
}
