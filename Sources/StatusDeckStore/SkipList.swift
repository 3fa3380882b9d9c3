import FSRS
import FoundationEssentials
import StatusDeckCore
import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#endif

/// The skip list of StatusDeck 1.x, `DATA_DIR/skipped`: cards put away until the next study day
/// before buries were history events. Read once, turned into bury marks, and removed.
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
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let bytes = Self.readAll(fd),
            let text = String(validating: bytes, as: UTF8.self)
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

    /// The rest of the file, or nil when a read fails.
    private static func readAll(_ fd: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            switch buffer.withUnsafeMutableBytes({ Posix.read(fd, $0) }) {
            case .success(0): return bytes
            case .success(let n): bytes += buffer[0..<n]
            case .failure: return nil
            }
        }
    }

    /// Moves today's skips into the history as bury marks (at `now`, so they last the rest of
    /// the study day), then removes the file; returns how many cards it buried. The marks are
    /// saved before the file goes, so a crash in between only buries a card twice.
    public func migrate(into store: HistoryStore, dayStart: Instant, now: Instant, ids: inout some RandomNumberGenerator) throws(StoreError) -> Int {
        guard Posix.exists(path) else { return 0 }
        let cards = load(dayStart: dayStart).sorted()
        if !cards.isEmpty {
            let records = cards.map {
                HistoryRecord.mark(CardMarkEvent(id: EventID.random(using: &ids), card: $0, at: now, mark: .bury))
            }
            try store.append(contentsOf: records)
        }
        if unlink(path) != 0, errno != ENOENT {
            throw StoreError.system(path: path, action: "remove the old skip list", errno: errno)
        }
        return cards.count
    }
}
