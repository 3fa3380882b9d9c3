import FSRS
import Foundation
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
        try skips.record("http/404/class", skipped: true, dayStart: today)
        try skips.record("http/500/class", skipped: true, dayStart: today)
        try skips.record("http/404/class", skipped: false, dayStart: today)
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
}
