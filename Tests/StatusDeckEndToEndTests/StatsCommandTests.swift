import Foundation
import Testing

/// `statusdeck stats` run as a user would, on a small history in a fresh data dir.
@Suite struct StatsCommandTests {
    let dir = NSTemporaryDirectory() + "statusdeck-stats-" + UUID().uuidString + "/data"

    /// Five answers to 404 over four days at UTC, then one to a card no deck holds.
    static let lines = [
        #"{"v":1,"id":"00000000000000000000000000000001","card":"http/404/code-to-meaning","at":"2026-11-18T10:00:00.000Z","rating":3,"ms":2000}"#,
        #"{"v":1,"id":"00000000000000000000000000000002","card":"http/404/code-to-meaning","at":"2026-11-18T10:10:00.000Z","rating":3,"ms":2000}"#,
        #"{"v":1,"id":"00000000000000000000000000000003","card":"http/404/code-to-meaning","at":"2026-11-20T10:00:00.000Z","rating":3,"ms":2000}"#,
        #"{"v":1,"id":"00000000000000000000000000000004","card":"http/404/code-to-meaning","at":"2026-11-21T10:00:00.000Z","rating":1,"ms":3000}"#,
        #"{"v":1,"id":"00000000000000000000000000000005","card":"http/404/code-to-meaning","at":"2026-11-22T10:00:00.000Z","rating":3,"ms":4000}"#,
        #"{"v":1,"id":"00000000000000000000000000000006","card":"http/999/gone","at":"2026-11-22T10:30:00.000Z","rating":1,"ms":500}"#,
    ]

    func writeHistory() throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try (Self.lines.joined(separator: "\n") + "\n").write(toFile: dir + "/history.jsonl", atomically: false, encoding: .utf8)
    }

    func run(_ arguments: [String]) throws -> StatusDeckProcess.Result {
        try StatusDeckProcess.run(
            ["stats"] + arguments + ["--now", "2026-11-22T12:00:00Z", "--data-dir", dir],
            environment: ["TZ": "UTC"])
    }

    /// The day boundary follows the local zone (TZ, here a POSIX rule that needs no tzdata):
    /// 20:00 UTC is 05:00 the next day at UTC+9, past the 04:00 day start.
    @Test func todayFollowsTheLocalZone() throws {
        try writeHistory()
        func today(_ zone: String) throws -> String? {
            let r = try StatusDeckProcess.run(
                ["stats", "--json", "--now", "2026-11-22T20:00:00Z", "--data-dir", dir], environment: ["TZ": zone])
            #expect(r.status == 0, "stderr: \(r.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            return json?["today"] as? String
        }
        #expect(try today("UTC") == "2026-11-22")
        #expect(try today("XYZ-9") == "2026-11-23")
        #expect(try today("XYZ+9") == "2026-11-22")
    }

    @Test func jsonReportsTheHistory() throws {
        try writeHistory()
        let r = try run(["--json", "--days", "5"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["today"] as? String == "2026-11-22")
        let today = try #require(json["today_answers"] as? [String: Any])
        #expect(today["answers"] as? Int == 2)
        #expect(today["milliseconds"] as? Int == 4500)
        #expect(today["again"] as? Int == 1)
        let streak = try #require(json["streak"] as? [String: Any])
        #expect(streak["current"] as? Int == 3)
        #expect(streak["longest"] as? Int == 3)
        let perDay = try #require(json["answers_per_day"] as? [[String: Any]])
        #expect(perDay.map { $0["count"] as? Int } == [2, 0, 1, 1, 2])
        let cards = try #require(json["cards"] as? [String: Any])
        // Every built-in card is counted; the unknown card is kept, not dropped.
        #expect((cards["new"] as? Int ?? 0) > 100)
        #expect(cards["learning"] as? Int == 1)
        // The Again on 11-21 was answered in the review stage: a failed review.
        let windows = try #require((json["retention"] as? [String: Any])?["windows"] as? [[String: Any]])
        #expect(windows[1]["reviews"] as? Int == 2)
        #expect(windows[1]["passed"] as? Int == 1)
        // The keys come in the documented order.
        let keys = [
            "\"version\"", "\"now\"", "\"today\"", "\"day_starts_at\"", "\"utc_offset_seconds\"", "\"deck\"",
            "\"today_answers\"", "\"cards\"", "\"due\"", "\"forecast\"", "\"answers_per_day\"", "\"calendar\"",
            "\"streak\"", "\"retention\"", "\"knowledge\"", "\"hardest\"", "\"leeches\"", "\"mastery\"",
        ]
        let positions = keys.map { r.stdout.range(of: "\n  " + $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func textIsPlainWhenPipedAndFitsEightyColumns() throws {
        try writeHistory()
        let r = try run([])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("StatusDeck stats for 2026-11-22 · all cards\n(study days start at 04:00, UTC+00:00)\n"))
        #expect(r.stdout.contains("\nToday      2 answers · 5s · again 50.0%\n"))
        #expect(r.stdout.contains("\nStreak     3 days now · longest 3 days\n"))
        #expect(!r.stdout.contains("\u{1B}"))
        for line in r.stdout.split(separator: "\n") { #expect(line.unicodeScalars.count <= 80) }
    }

    @Test func deckRestrictsToItsCards() throws {
        try writeHistory()
        let r = try run(["--csv", "--deck", "http-contrasts-en"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("metric,key,value\nnow,,2026-11-22T12:00:00.000Z\n"))
        #expect(r.stdout.contains("\ndeck,,http-contrasts-en\n"))
        #expect(r.stdout.contains("\ntoday.answers,,0\n"))
        #expect(r.stdout.contains("\ncards,learning,0\n"))
    }

    @Test func badOptionsAreOneLineAndExit2() throws {
        try writeHistory()
        let both = try run(["--json", "--csv"])
        #expect(both.status == 2)
        #expect(both.stdout == "")
        #expect(both.stderr.split(separator: "\n").count == 1)
        #expect(both.stderr.contains("--json and --csv cannot be used together"))
        let deck = try run(["--deck", "nope"])
        #expect(deck.status == 2)
        #expect(deck.stderr.hasPrefix("--deck `nope`: no such deck; expected one of: http-all-zh"))
        #expect(deck.stderr.split(separator: "\n").count == 1)
        let days = try run(["--days", "0"])
        #expect(days.status == 2)
        #expect(days.stderr.split(separator: "\n").count == 1)
        let now = try StatusDeckProcess.run(["stats", "--now", "yesterday", "--data-dir", dir])
        #expect(now.status == 2)
        #expect(now.stderr == "--now `yesterday`; expected an RFC 3339 instant like 2026-11-22T10:00:00Z\n")
    }

    @Test func anEmptyDataDirIsAnEmptyReport() throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let r = try run(["--json"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"answers\": 0"))
    }
}
