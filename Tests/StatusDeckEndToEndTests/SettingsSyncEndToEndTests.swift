import Foundation
import Testing

/// Settings that follow the learner (issue 19), on the built binary: two data dirs and one sync
/// folder; a setting changed on one machine reaches the other's `config` and its schedule, the
/// machine-local ones stay put, and the latest setting line wins over a hand-edited file.
@Suite struct SettingsSyncEndToEndTests {
    static let card = "http/404/code-to-meaning"

    /// Three good answers to one card, days apart, so it is in review and its due date depends on
    /// the desired retention.
    static let answers =
        (0..<3).map { n in
            #"{"v":1,"id":"\#(String(format: "%032x", n + 1))","card":"\#(card)","at":"2026-11-\#(22 + 3 * n)T10:00:00.000Z","rating":3}"#
        }.joined(separator: "\n") + "\n"

    static func run(_ arguments: [String], _ data: String) throws -> StatusDeckProcess.Result {
        let r = try StatusDeckProcess.run(arguments + ["--data-dir", data], environment: ["LANG": "C.UTF-8"])
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        return r
    }

    /// The card's due date as `cards --json` gives it.
    static func due(_ data: String) throws -> String {
        let r = try run(["cards", "--json"], data)
        let rows = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        return try #require(rows.first { $0["id"] as? String == card }?["due"] as? String)
    }

    static func line(_ key: String, of output: String) -> String {
        output.split(separator: "\n").first { $0.hasPrefix(key + " = ") }.map(String.init) ?? ""
    }

    @Test func aSettingMadeOnOneMachineReachesTheOtherAndItsSchedule() throws {
        let root = try TempDirectory()
        defer { root.remove() }
        let folder = root.path + "/shared", a = root.path + "/a", b = root.path + "/b", c = root.path + "/c"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for d in [a, b] { _ = try Self.run(["config", "set", "sync_dir", folder], d) }
        _ = try root.write(Self.answers, to: "b/history.jsonl")
        let dueBefore = try Self.due(b)

        _ = try Self.run(["config", "set", "desired_retention", "0.75"], a)
        _ = try Self.run(["config", "set", "language", "zh"], a)
        let historyA = try String(contentsOfFile: a + "/history.jsonl", encoding: .utf8)
        #expect(historyA.contains(#""setting":"desired_retention","value":"0.75"}"#))
        #expect(!historyA.contains("language") && !historyA.contains("sync_dir"), "machine-local settings stay local")

        // B's next command syncs, and its settings and schedule follow.
        let shown = try Self.run(["config"], b).stdout
        #expect(Self.line("desired_retention", of: shown).hasPrefix("desired_retention = 0.75  # synced: set 2"), "\(shown)")
        #expect(Self.line("desired_retention", of: shown).hasSuffix("this machine's config file says 0.9"))
        #expect(Self.line("language", of: shown) == "language = en")
        let dueAfter = try Self.due(b)
        #expect(dueAfter > dueBefore, "a lower retention lets the card wait longer: \(dueBefore) → \(dueAfter)")
        // The same as a machine that had the value in its own file all along.
        _ = try root.write(Self.answers, to: "c/history.jsonl")
        _ = try root.write("desired_retention = 0.75\n", to: "c/config")
        #expect(try Self.due(c) == dueAfter)

        // A hand edit of a synced key does not beat the setting line (config says so); config set does.
        _ = try root.write("sync_dir = \(folder)\ndesired_retention = 0.95\n", to: "b/config")
        let edited = try Self.run(["config"], b).stdout
        #expect(Self.line("desired_retention", of: edited).hasPrefix("desired_retention = 0.75  # synced"))
        #expect(Self.line("desired_retention", of: edited).hasSuffix("config file says 0.95"))
        _ = try Self.run(["config", "set", "desired_retention", "0.95"], b)
        #expect(Self.line("desired_retention", of: try Self.run(["config"], b).stdout) == "desired_retention = 0.95")
        let backOnA = Self.line("desired_retention", of: try Self.run(["config"], a).stdout)
        #expect(backOnA.hasPrefix("desired_retention = 0.95  # synced") && backOnA.hasSuffix("config file says 0.75"), "\(backOnA)")
        #expect(try Self.due(b) < dueBefore, "a higher retention brings it closer")
    }

    /// A setting line whose value the settings refuse (a newer build's range, a hand edit) is
    /// skipped with one warning naming its line; the commands go on with the file's value.
    @Test func aRefusedSettingValueIsSkippedWithItsLine() throws {
        let root = try TempDirectory()
        defer { root.remove() }
        let data = root.path + "/d"
        let bad = #"{"v":1,"id":"0000000000000000000000000000ffff","at":"2026-11-30T10:00:00.000Z","setting":"desired_retention","value":"1.5"}"#
        let path = try root.write(Self.answers + bad + "\n", to: "d/history.jsonl")
        let r = try Self.run(["cards", "--json"], data)
        #expect(
            r.stderr
                == "statusdeck: warning: \(path):4: desired_retention `1.5`; expected a number from 0.70 to 0.99; "
                + "the setting is ignored and desired_retention stays 0.9\n")
        #expect(Self.line("desired_retention", of: try Self.run(["config"], data).stdout) == "desired_retention = 0.9")
        _ = try Self.run(["config", "set", "desired_retention", "0.85"], data)
        let after = try Self.run(["config"], data)
        #expect(after.stderr.isEmpty, "a later good value silences it: \(after.stderr)")
        #expect(Self.line("desired_retention", of: after.stdout) == "desired_retention = 0.85")
    }

    /// A setting line naming a machine-local or unknown setting is a bad line like any other:
    /// every command stops on it, and `history repair` moves it aside.
    @Test func aSettingLineForALocalKeyIsABadLineThatRepairMoves() throws {
        let root = try TempDirectory()
        defer { root.remove() }
        let data = root.path + "/d"
        let local = #"{"v":1,"id":"0000000000000000000000000000ffff","at":"2026-11-30T10:00:00.000Z","setting":"language","value":"zh"}"#
        let path = try root.write(Self.answers + local + "\n", to: "d/history.jsonl")
        let refused = try StatusDeckProcess.run(["cards", "--data-dir", data])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("\(path):4: setting \"language\"; expected one of desired_retention, "), "\(refused.stderr)")
        _ = try Self.run(["history", "repair"], data)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.answers)
        _ = try Self.run(["cards"], data)
    }
}
