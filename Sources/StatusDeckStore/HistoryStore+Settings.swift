import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#endif

extension HistoryStore {
    /// The line of the history that holds `id` as StatusDeck writes it (`"id":"<32 hex digits>"`),
    /// so a message about a setting event can point at it; nil when none does or the file cannot
    /// be read. Reads the whole file: only for the rare setting the study settings refuse.
    public func line(of id: EventID) -> Int? {
        guard let fd = try? openLockedExisting(O_RDONLY, LOCK_SH) else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            guard case .success(let n) = chunk.withUnsafeMutableBytes({ Posix.read(fd, $0) }) else { return nil }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        let needle = Array("\"id\":\"\(id)\"".utf8)
        guard let hit = bytes.firstRange(of: needle) else { return nil }
        return bytes[..<hit.lowerBound].reduce(1) { $1 == 0x0a ? $0 + 1 : $0 }
    }
}
