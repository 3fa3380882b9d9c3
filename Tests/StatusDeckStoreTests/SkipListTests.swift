import FSRS
import Foundation
import StatusDeckHistory
import Testing

@testable import StatusDeckStore

@Suite struct SkipListTests {
    static func list() throws -> SkipList {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("statusdeck-skip-\(UUID().uuidString)")
        return SkipList(directory: DataDirectory(path: dir.path))
    }

    @Test func skipsLastForTheirStudyDayAndUndoTakesThemBack() throws {
        let skips = try Self.list()
        defer { try? FileManager.default.removeItem(atPath: skips.directory.path) }
        let today = Instant(milliseconds: 1_780_000_000_000), tomorrow = today.adding(seconds: 86_400)
        #expect(skips.load(dayStart: today).isEmpty)
        try skips.directory.create()
        try "1780000000000 +http/404/class\n1780000000000 +http/500/class\n1780000000000 -http/404/class\n"
            .write(toFile: skips.path, atomically: true, encoding: .utf8)
        #expect(skips.load(dayStart: today) == ["http/500/class"])
        #expect(skips.load(dayStart: tomorrow).isEmpty)
    }

    @Test func linesThatDoNotParseAreIgnored() throws {
        let skips = try Self.list()
        defer { try? FileManager.default.removeItem(atPath: skips.directory.path) }
        try skips.directory.create()
        try "garbage\n1780000000000\n1780000000000 *x\n1780000000000 +\n1780000000000 +ok/1\n\u{0}\u{1}"
            .write(toFile: skips.path, atomically: true, encoding: .utf8)
        #expect(skips.load(dayStart: Instant(milliseconds: 1_780_000_000_000)) == ["ok/1"])
    }

    /// The old side file's skips of today become bury marks in the history, and the file goes;
    /// older days' skips are dropped (they had expired anyway).
    @Test func migrationTurnsTodaysSkipsIntoBuriesAndRemovesTheFile() throws {
        let skips = try Self.list()
        defer { try? FileManager.default.removeItem(atPath: skips.directory.path) }
        try skips.directory.create()
        try "1779913600000 +old/1/a\n1780000000000 +http/404/class\n1780000000000 +http/500/class\n"
            .write(toFile: skips.path, atomically: true, encoding: .utf8)
        let store = HistoryStore(directory: skips.directory, clock: { Instant(milliseconds: 1_780_000_100_000) })
        var rng = SplitMix64(seed: 7)
        let now = Instant(milliseconds: 1_780_000_100_000)
        let moved = try skips.migrate(into: store, dayStart: Instant(milliseconds: 1_780_000_000_000), now: now, ids: &rng)
        #expect(moved == 2)
        #expect(!FileManager.default.fileExists(atPath: skips.path))
        let history = try store.load().history
        #expect(history.marks.map(\.card) == ["http/404/class", "http/500/class"])
        #expect(history.marks.allSatisfy { $0.mark == .bury && $0.at == now })
        #expect(CardMarks(history: history).buried(dayStart: Instant(milliseconds: 1_780_000_000_000)) == ["http/404/class", "http/500/class"])
        // Once gone, nothing more happens.
        #expect(try skips.migrate(into: store, dayStart: Instant(milliseconds: 1_780_000_000_000), now: now, ids: &rng) == 0)
        #expect(try store.load().history.marks.count == 2)
    }
}
