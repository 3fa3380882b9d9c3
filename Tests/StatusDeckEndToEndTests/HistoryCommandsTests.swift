import Foundation
import Testing

/// `cards`, `config` and `history import` as a user runs them.
@Suite struct HistoryCommandsTests {
    let dir = NSTemporaryDirectory() + "statusdeck-cmd-" + UUID().uuidString + "/data"

    func write(_ name: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: dir + "/" + name, atomically: false, encoding: .utf8)
    }

    static let lines = [
        #"{"v":1,"id":"00000000000000000000000000000001","card":"http/999/gone","at":"2026-11-20T10:00:00.000Z","rating":3,"deck":"old-deck"}"#,
        #"{"v":1,"id":"00000000000000000000000000000002","card":"http/404/code-to-meaning","at":"2026-11-20T10:00:00.000Z","rating":4,"deck":"http-all-en","mode":"type","ms":1500,"correct":true}"#,
        #"{"v":1,"id":"00000000000000000000000000000003","card":"http/404/code-to-meaning","at":"2026-11-20T10:01:00.000Z","rating":1}"#,
        #"{"v":1,"id":"00000000000000000000000000000004","undo":"00000000000000000000000000000003","at":"2026-11-20T10:01:01.000Z"}"#,
    ]

    /// Suspend, bury and their opposites from the command line: events in the history, shown in
    /// the listing, refused for unknown ids, idempotent.
    @Test func cardsCanBeSuspendedAndBuriedFromTheCommandLine() throws {
        try write("history.jsonl", Self.lines.joined(separator: "\n") + "\n")
        let suspend = try StatusDeckProcess.run(["cards", "suspend", "http/404/code-to-meaning", "http/999/gone", "--data-dir", dir])
        #expect(suspend.status == 0, "\(suspend.stderr)")
        #expect(suspend.stdout == "Suspended 2 cards: http/404/code-to-meaning, http/999/gone\n")
        let again = try StatusDeckProcess.run(["cards", "suspend", "http/999/gone", "--data-dir", dir])
        #expect(again.stdout == "Already suspended: http/999/gone\n")
        let history = try String(contentsOfFile: dir + "/history.jsonl", encoding: .utf8)
        #expect(history.components(separatedBy: #""mark":"suspend""#).count == 3, "one line a card, none for a repeat")
        let listed = try StatusDeckProcess.run(["cards", "--json", "--data-dir", dir])
        #expect(listed.stdout.contains(#""lapses":0,"suspended":true,"buried":false,"leech":false}"#))
        let unsuspend = try StatusDeckProcess.run(["cards", "unsuspend", "http/999/gone", "--data-dir", dir])
        #expect(unsuspend.stdout == "Unsuspended 1 card: http/999/gone\n")
        let bury = try StatusDeckProcess.run(["cards", "bury", "http/200/class", "--data-dir", dir])
        #expect(bury.stdout == "Buried until the next study day 1 card: http/200/class\n")
        let table = try StatusDeckProcess.run(["cards", "--deck", "http-everyday-en", "--data-dir", dir])
        #expect(table.stdout.contains("FLAGS"))
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("http/200/class ") && $0.hasSuffix("  buried") })
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("http/404/code-to-meaning ") && $0.hasSuffix("  suspended") })
        let unknown = try StatusDeckProcess.run(["cards", "suspend", "http/404/nope", "--data-dir", dir])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "no card `http/404/nope`; expected a card id as `statusdeck cards` lists them\n")
        let none = try StatusDeckProcess.run(["cards", "bury", "--data-dir", dir])
        #expect(none.status == 2)
        // The parser requires at least one id (so the command needs no check of its own).
        #expect(none.stderr == "statusdeck: Missing expected argument '<cards> ...'; expected what 'statusdeck cards bury --help' lists\n")
        // No leeches here: the listing is only its header.
        let leeches = try StatusDeckProcess.run(["cards", "--leeches", "--data-dir", dir])
        #expect(leeches.status == 0)
        #expect(leeches.stdout.split(separator: "\n").count == 1)
    }

    @Test func cardsListsEveryCardIncludingOnesNoDeckHolds() throws {
        try write("history.jsonl", Self.lines.joined(separator: "\n") + "\n")
        let r = try StatusDeckProcess.run(["cards", "--json", "--now", "2026-11-21T10:00:00Z", "--data-dir", dir])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout.contains(#"{"id":"http/404/code-to-meaning","deck":"http-all-en","state":"review","step":null,"#))
        // The undone Again does not count: one Easy answer, straight to review.
        #expect(
            r.stdout.contains(
                #""due":"2026-11-26T10:00:00.000Z","last_review":"2026-11-20T10:00:00.000Z","reps":1,"lapses":0,"suspended":false,"buried":false,"leech":false}"#
            ))
        #expect(r.stdout.contains(#"{"id":"http/999/gone","deck":"old-deck","state":"learning","step":1,"#))
        // Cards of the built-in decks that were never answered are listed as new.
        #expect(r.stdout.contains(#"{"id":"contrast/200-204-206","deck":"http-all-zh","state":"new","step":null,"#))
        let everyday = try StatusDeckProcess.run(["cards", "--wide", "--deck", "http-everyday-en", "--data-dir", dir])
        #expect(everyday.stdout.contains("http/404/code-to-meaning  http-all-en"))
        #expect(!everyday.stdout.contains("http/999/gone"))
        let unknown = try StatusDeckProcess.run(["cards", "--deck", "nope", "--data-dir", dir])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("--deck `nope`: no such deck; expected one of http-all-zh, "))
        let table = try StatusDeckProcess.run(["cards", "--wide", "--deck", "old-deck", "--now", "2026-11-21T10:00:00Z", "--data-dir", dir])
        #expect(table.stdout.split(separator: "\n").count == 2)
        #expect(table.stdout.hasPrefix("CARD           DECK      STATE     STEP  STABILITY  DIFFICULTY  RECALL  DUE"))
    }

    @Test func aCorruptMiddleLineStopsWithFileLineAndExit2() throws {
        try write("history.jsonl", Self.lines[0] + "\n{\"v\":1,\"id\":7}\n" + Self.lines[1] + "\n")
        let r = try StatusDeckProcess.run(["cards", "--data-dir", dir])
        #expect(r.status == 2)
        #expect(
            r.stderr == dir
                + "/history.jsonl:2: \"id\" is a number `7`; expected an event id of 32 hex digits; `statusdeck history repair` moves bad lines aside\n")
    }

    @Test func badNowIsAUsageError() throws {
        let r = try StatusDeckProcess.run(["cards", "--now", "yesterday", "--data-dir", dir])
        #expect(r.status == 2)
        #expect(r.stderr == "--now `yesterday`; expected an RFC 3339 instant like 2026-11-22T10:00:00Z\n")
    }

    @Test func configShowsSetsAndRefusesBadValues() throws {
        let shown = try StatusDeckProcess.run(["config", "--data-dir", dir])
        #expect(shown.status == 0)
        #expect(shown.stdout.hasPrefix("desired_retention = 0.9\nlearning_steps = 1m 10m\n"))
        #expect(shown.stdout.contains("\nnew_per_day = 20\n"))
        let set = try StatusDeckProcess.run(["config", "set", "learning_steps", "30s", "5m", "--data-dir", dir])
        #expect(set.status == 0)
        #expect(set.stdout == "learning_steps = 30s 5m\n")
        let bad = try StatusDeckProcess.run(["config", "set", "day_starts_at", "25", "--data-dir", dir])
        #expect(bad.status == 2)
        #expect(bad.stderr == "day_starts_at `25`; expected an hour from 0 to 23\n")
        let after = try StatusDeckProcess.run(["config", "--data-dir", dir])
        #expect(after.stdout.contains("\nlearning_steps = 30s 5m\n"))
        #expect(after.stdout.contains("\nday_starts_at = 4\n"))
        try write("config", "new_per_day = 5\nnew_per_day = 6\n")
        let twice = try StatusDeckProcess.run(["config", "--data-dir", dir])
        #expect(twice.status == 2)
        #expect(twice.stderr == dir + "/config:2: `new_per_day` set twice; expected each key once\n")
    }

    @Test func importingTwiceChangesNothing() throws {
        let other = NSTemporaryDirectory() + "statusdeck-other-" + UUID().uuidString + ".jsonl"
        defer { try? FileManager.default.removeItem(atPath: other) }
        try Self.lines.joined(separator: "\n").appending("\n").write(toFile: other, atomically: false, encoding: .utf8)
        try write("history.jsonl", Self.lines[0] + "\n")
        let first = try StatusDeckProcess.run(["history", "import", other, "--data-dir", dir])
        #expect(first.status == 0)
        #expect(first.stdout == "imported 3 new events; 1 were already present\n")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/history.jsonl"))
        let second = try StatusDeckProcess.run(["history", "import", other, "--data-dir", dir])
        #expect(second.stdout == "imported 0 new events; 4 were already present\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/history.jsonl")) == bytes)
        let missing = try StatusDeckProcess.run(["history", "import", "/nonexistent/file", "--data-dir", dir])
        // A path that names nothing is bad input, as for decks (2), not a failing disk (1).
        #expect(missing.status == 2)
        #expect(missing.stderr == "/nonexistent/file: found no such file; expected a history file to import\n")
    }
}
