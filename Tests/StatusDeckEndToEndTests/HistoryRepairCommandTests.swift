import Foundation
import Testing

/// `history check` and `history repair` as a user runs them, after a sync tool left a conflict
/// marker in the middle of the history.
@Suite struct HistoryRepairCommandTests {
    let dir = NSTemporaryDirectory() + "statusdeck-repair-" + UUID().uuidString + "/data"
    var history: String { dir + "/history.jsonl" }

    func write(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: history, atomically: false, encoding: .utf8)
    }

    static let good = HistoryCommandsTests.lines
    static let marked = [good[0], "<<<<<<< HEAD", good[1], "=======", "\u{1B}]0;pwned\u{07}", good[2]].joined(separator: "\n") + "\n"

    @Test func checkListsEveryBadLineAndExits2() throws {
        try write(Self.marked)
        let r = try StatusDeckProcess.run(["history", "check", "--data-dir", dir])
        #expect(r.status == 2)
        #expect(
            r.stdout == """
                \(history):2: `<<<<<<< HEAD`; expected a JSON object `{...}` per line
                \(history):4: `=======`; expected a JSON object `{...}` per line
                \(history):5: `\\u{1B}]0;pwned\\u{7}`; expected a JSON object `{...}` per line
                \(history): 3 bad lines of 6; run `statusdeck history repair` to move them aside

                """)
        #expect(try String(contentsOfFile: history, encoding: .utf8) == Self.marked)
    }

    @Test func checkOfAGoodHistoryExits0() throws {
        try write(Self.good.joined(separator: "\n") + "\n")
        let r = try StatusDeckProcess.run(["history", "check", "--data-dir", dir])
        #expect(r.status == 0)
        #expect(r.stdout == "\(history): 4 lines, no bad lines\n")
    }

    @Test func repairSetsBadLinesAsideAndEveryCommandWorksAgain() throws {
        try write(Self.marked)
        let blocked = try StatusDeckProcess.run(["cards", "--json", "--now", "2026-11-21T10:00:00Z", "--data-dir", dir])
        #expect(blocked.status == 2)
        #expect(blocked.stderr.hasSuffix("; `statusdeck history repair` moves bad lines aside\n"))

        let r = try StatusDeckProcess.run(["history", "repair", "--data-dir", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasPrefix("history.rejected-") })
        #expect(r.stdout == "moved 3 bad lines (lines 2, 4, 5) to \(dir)/\(name); kept 3\n")
        #expect(try String(contentsOfFile: dir + "/" + name, encoding: .utf8) == "<<<<<<< HEAD\n=======\n\u{1B}]0;pwned\u{07}\n")
        #expect(try String(contentsOfFile: history, encoding: .utf8) == [Self.good[0], Self.good[1], Self.good[2]].joined(separator: "\n") + "\n")

        // The card states are those of a history that never had the bad lines.
        let repaired = try StatusDeckProcess.run(["cards", "--json", "--now", "2026-11-21T10:00:00Z", "--data-dir", dir])
        #expect(repaired.status == 0)
        let other = NSTemporaryDirectory() + "statusdeck-repair-" + UUID().uuidString + "/data"
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: other).deletingLastPathComponent().path) }
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try ([Self.good[0], Self.good[1], Self.good[2]].joined(separator: "\n") + "\n").write(
            toFile: other + "/history.jsonl", atomically: false, encoding: .utf8)
        let clean = try StatusDeckProcess.run(["cards", "--json", "--now", "2026-11-21T10:00:00Z", "--data-dir", other])
        #expect(repaired.stdout == clean.stdout)

        let again = try StatusDeckProcess.run(["history", "repair", "--data-dir", dir])
        #expect(again.status == 0)
        #expect(again.stdout == "\(history): no bad lines; nothing to repair\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("history.rejected-") } == [name])
    }

    @Test func withNoHistoryThereIsNothingToDo() throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let check = try StatusDeckProcess.run(["history", "check", "--data-dir", dir])
        #expect(check.status == 0)
        #expect(check.stdout == "\(history): no history yet; nothing to check\n")
        let repair = try StatusDeckProcess.run(["history", "repair", "--data-dir", dir])
        #expect(repair.status == 0)
        #expect(repair.stdout == "\(history): no history yet; nothing to repair\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func aTornLastLineIsLeftToTheLoader() throws {
        try write(Self.good[0] + "\n" + Self.good[1].prefix(30))
        let r = try StatusDeckProcess.run(["history", "check", "--data-dir", dir])
        #expect(r.status == 0)
        #expect(r.stdout == "\(history): 1 line, no bad lines\n")
        #expect(r.stderr.contains("the last line has no newline"))
    }
}
