import Foundation
import Testing

/// Bad history and config files, and bad values for the commands that read them (`cards`,
/// `config`, `history import`): one line naming file, line, what was found and what was
/// expected; exit 2 for a bad file or value, 1 when the machine says no; every file unchanged.
@Suite struct HistoryBadInputTests {
    typealias Case = BadInputCase

    /// One valid line; tests change one field of it.
    static let line = #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"http/404/code-to-meaning","at":"2026-11-22T10:00:00.000Z","rating":3}"#
    static let ratings = "1 (again), 2 (hard), 3 (good) or 4 (easy)"

    static func with(_ old: String, _ new: String) -> String { line.replacingOccurrences(of: old, with: new) }

    /// `cards --data-dir DATA` over a history holding `text`.
    static func cards(history text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (StatusDeckProcess.Result, String) {
        let c = try Case()
        let path = try c.file("data/history.jsonl", text)
        return (try c.run(["cards", "--data-dir", c.data], sourceLocation: sourceLocation), path)
    }

    /// `config show --data-dir DATA` over a config holding `text`.
    static func config(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (StatusDeckProcess.Result, String) {
        let c = try Case()
        let path = try c.file("data/config", text)
        return (try c.run(["config", "show", "--data-dir", c.data], sourceLocation: sourceLocation), path)
    }

    // MARK: History

    /// What a bad line's error adds: how to get past it.
    static let repairHint = "; `statusdeck history repair` moves bad lines aside"

    @Test func ratingAboveFour() throws {
        let (r, path) = try Self.cards(history: Self.with(#""rating":3"#, #""rating":7"#) + "\n")
        Case.expectFailure(r, status: 2, line: "\(path):1: rating 7; expected \(Self.ratings)\(Self.repairHint)")
    }

    @Test func ratingZero() throws {
        let (r, path) = try Self.cards(history: Self.with(#""rating":3"#, #""rating":0"#) + "\n")
        Case.expectFailure(r, status: 2, line: "\(path):1: rating 0; expected \(Self.ratings)\(Self.repairHint)")
    }

    @Test func ratingAsAString() throws {
        let (r, path) = try Self.cards(history: Self.with(#""rating":3"#, #""rating":"3""#) + "\n")
        Case.expectFailure(r, status: 2, line: "\(path):1: \"rating\" is a string `\"3\"`; expected 1 to 4\(Self.repairHint)")
    }

    @Test func duplicateEventIDWithDifferentContent() throws {
        let (r, path) = try Self.cards(history: Self.line + "\n" + Self.with(#""rating":3"#, #""rating":2"#) + "\n")
        Case.expectFailure(
            r, status: 2,
            line:
                "\(path):2: event id 0123456789abcdef0123456789abcdef again with different content; expected each event id once (keep one of the two lines)\(Self.repairHint)"
        )
    }

    @Test func unknownVersion() throws {
        let (r, path) = try Self.cards(history: Self.with(#""v":1"#, #""v":2"#) + "\n")
        Case.expectFailure(r, status: 2, line: "\(path):1: unknown version 2; expected \"v\":1 (a newer StatusDeck wrote this line?)\(Self.repairHint)")
    }

    @Test func impossibleInstant() throws {
        let (r, path) = try Self.cards(history: Self.with("2026-11-22T10:00:00.000Z", "2026-13-01T00:00:00Z") + "\n")
        Case.expectFailure(
            r, status: 2, line: "\(path):1: \"at\" \"2026-13-01T00:00:00Z\"; expected an RFC 3339 instant like \"2026-11-22T10:00:00.000Z\"\(Self.repairHint)")
    }

    @Test func corruptMiddleLine() throws {
        let (r, path) = try Self.cards(history: Self.line + "\nnot json\n" + Self.with("0123", "9999") + "\n")
        Case.expectFailure(r, status: 2, line: "\(path):2: `not json`; expected a JSON object `{...}` per line\(Self.repairHint)")
    }

    @Test func binaryHistory() throws {
        let c = try Case()
        let path = try c.file("data/history.jsonl", bytes: [0, 1, 2, 0x0A, 0xFF, 0xFE, 0x0A])
        let r = try c.run(["cards", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "\(path):1: `\\u{0}\\u{1}\\u{2}`; expected a JSON object `{...}` per line\(Self.repairHint)")
    }

    @Test func invalidUTF8InACardID() throws {
        let c = try Case()
        let parts = Self.line.components(separatedBy: "code-to-meaning")
        let bytes = Array(parts[0].utf8) + [0xE9] + Array(parts[1].utf8) + [0x0A]
        let path = try c.file("data/history.jsonl", bytes: bytes)
        let r = try c.run(["cards", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "\(path):1: invalid UTF-8 in \"card\"; expected UTF-8 text\(Self.repairHint)")
    }

    @Test func tenMegabyteHistoryLine() throws {
        let (r, path) = try Self.cards(history: #"{"v":1,"card":""# + String(repeating: "x", count: 10 << 20) + "\"}\n")
        Case.expectFailure(r, status: 2, line: "\(path):1: no \"id\"; expected an event id of 32 hex digits\(Self.repairHint)")
    }

    @Test func historyThatIsADirectory() throws {
        let c = try Case()
        try FileManager.default.createDirectory(atPath: c.data + "/history.jsonl", withIntermediateDirectories: true)
        let r = try c.run(["cards", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "\(c.data)/history.jsonl: a directory; expected the history file, a regular file of JSON lines")
    }

    @Test func historyLinkToAnUnreadableFile() throws {
        let c = try Case()
        try FileManager.default.createSymbolicLink(atPath: c.data + "/history.jsonl", withDestinationPath: "/proc/self/mem")
        let r = try c.run(["cards", "--data-dir", c.data])
        // The link itself is refused (issue 20); its target is never opened.
        Case.expectFailure(r, status: 2, line: "\(c.data)/history.jsonl: found a symbolic link; expected a regular file in the data dir")
    }

    @Test func badNowValue() throws {
        let c = try Case()
        let r = try c.run(["cards", "--data-dir", c.data, "--now", "yesterday"])
        Case.expectFailure(r, status: 2, line: "--now `yesterday`; expected an RFC 3339 instant like 2026-11-22T10:00:00Z")
    }

    // MARK: Config

    @Test func configValueOfTheWrongType() throws {
        let (r, path) = try Self.config("new_per_day = lots\n")
        Case.expectFailure(r, status: 2, line: "\(path):1: new_per_day `lots`; expected a whole number from 0 to 9999")
    }

    @Test func configValueOutOfRange() throws {
        let (r, path) = try Self.config("language = en\ndesired_retention = 1.5\n")
        Case.expectFailure(r, status: 2, line: "\(path):2: desired_retention `1.5`; expected a number from 0.70 to 0.99")
    }

    @Test func configBooleanAsANumber() throws {
        let (r, path) = try Self.config("fuzz = 1\n")
        Case.expectFailure(r, status: 2, line: "\(path):1: fuzz `1`; expected true or false")
    }

    @Test func configWrongParameterCount() throws {
        let (r, path) = try Self.config("parameters = 1, 2\n")
        Case.expectFailure(r, status: 2, line: "\(path):1: parameters has 2 numbers; expected 21 (FSRS-6 weights w0…w20)")
    }

    @Test func configUnknownKey() throws {
        let (r, path) = try Self.config("colour = red\n")
        Case.expectFailure(
            r, status: 2,
            line:
                "\(path):1: unknown key `colour`; expected one of desired_retention, learning_steps, relearning_steps, maximum_interval, parameters, fuzz, new_per_day, reviews_per_day, day_starts_at, language, max_answer_seconds, bury_new_siblings, bury_review_siblings, leech_threshold, leech_action, sync_dir"
        )
    }

    @Test func configKeySetTwice() throws {
        let (r, path) = try Self.config("language = en\nlanguage = zh\n")
        Case.expectFailure(r, status: 2, line: "\(path):2: `language` set twice; expected each key once")
    }

    @Test func configNotUTF8() throws {
        let c = try Case()
        let path = try c.file("data/config", bytes: Array("language = zh".utf8) + [0xFF, 0x0A])
        let r = try c.run(["config", "show", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "\(path): bytes that are not UTF-8; expected a UTF-8 text file of `key = value` lines")
    }

    @Test func configOverOneMegabyte() throws {
        let (r, path) = try Self.config("language = " + String(repeating: "z", count: 2 << 20) + "\n")
        Case.expectFailure(r, status: 2, line: "\(path): a file over 1 MiB; expected a short `key = value` file")
    }

    @Test func configThatIsADirectory() throws {
        let c = try Case()
        try FileManager.default.createDirectory(atPath: c.data + "/config", withIntermediateDirectories: true)
        let r = try c.run(["config", "show", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "\(c.data)/config: a directory; expected a regular file of `key = value` lines")
    }

    @Test func configWithEscapeSequences() throws {
        let (r, path) = try Self.config("language = \u{1B}[31mzh\u{202E}\n")
        Case.expectFailure(r, status: 2, line: "\(path):1: language `\\u{1B}[31mzh\\u{202E}`; expected zh or en")
    }

    @Test func configSetOutOfRangeLeavesTheFileAlone() throws {
        let c = try Case()
        try c.file("data/config", "language = zh\n")
        let r = try c.run(["config", "set", "--data-dir", c.data, "day_starts_at", "24"])
        Case.expectFailure(r, status: 2, line: "day_starts_at `24`; expected an hour from 0 to 23")
    }

    @Test func configSetUnknownKey() throws {
        let c = try Case()
        let r = try c.run(["config", "set", "--data-dir", c.data, "colour", "red"])
        Case.expectFailure(
            r, status: 2,
            line:
                "unknown key `colour`; expected one of desired_retention, learning_steps, relearning_steps, maximum_interval, parameters, fuzz, new_per_day, reviews_per_day, day_starts_at, language, max_answer_seconds, bury_new_siblings, bury_review_siblings, leech_threshold, leech_action, sync_dir"
        )
    }

    @Test func configSetWrongType() throws {
        let c = try Case()
        let r = try c.run(["config", "set", "--data-dir", c.data, "desired_retention", "high"])
        Case.expectFailure(r, status: 2, line: "desired_retention `high`; expected a number from 0.70 to 0.99")
    }

    // MARK: Import

    @Test func importOfAMalformedFileAddsNothing() throws {
        let c = try Case()
        try c.file("data/history.jsonl", Self.line + "\n")
        let other = try c.file("other.jsonl", Self.with("0123", "9999") + "\noops\n")
        let r = try c.run(["history", "import", "--data-dir", c.data, other])
        Case.expectFailure(r, status: 2, line: "\(other):2: `oops`; expected a JSON object `{...}` per line")
    }

    @Test func importOfAConflictingEventAddsNothing() throws {
        let c = try Case()
        let mine = try c.file("data/history.jsonl", Self.with(#""rating":3"#, #""rating":1"#) + "\n")
        let other = try c.file("other.jsonl", Self.line + "\n")
        let r = try c.run(["history", "import", "--data-dir", c.data, other])
        Case.expectFailure(
            r, status: 2, line: "\(other): event id 0123456789abcdef0123456789abcdef differs from the one in \(mine); expected the same content for the same id"
        )
    }

    @Test func importOfAMissingFile() throws {
        let c = try Case()
        let r = try c.run(["history", "import", "--data-dir", c.data, c.root + "/nope.jsonl"])
        Case.expectFailure(r, status: 2, line: "\(c.root)/nope.jsonl: found no such file; expected a history file to import")
    }

    @Test func importOfADirectory() throws {
        let c = try Case()
        let r = try c.run(["history", "import", "--data-dir", c.data, c.root])
        Case.expectFailure(r, status: 2, line: "\(c.root): found a directory; expected a history file to import")
    }

    /// Each of these hung for ever before (opening or reading a FIFO waits for a writer).
    @Test func fifosWhereFilesBelong() throws {
        let c = try Case()
        #expect(mkfifo(c.data + "/history.jsonl", 0o600) == 0)
        let cards = try c.run(["cards", "--data-dir", c.data])
        Case.expectFailure(
            cards, status: 2, line: "\(c.data)/history.jsonl: a special file (FIFO, socket or device); expected the history file, a regular file of JSON lines")

        let d = try Case()
        #expect(mkfifo(d.data + "/config", 0o600) == 0)
        let config = try d.run(["config", "show", "--data-dir", d.data])
        Case.expectFailure(config, status: 2, line: "\(d.data)/config: a special file (FIFO, socket or device); expected a regular file of `key = value` lines")

        #expect(mkfifo(d.root + "/other.jsonl", 0o600) == 0)
        let imported = try d.run(["history", "import", "--data-dir", c.root + "/fresh", d.root + "/other.jsonl"])
        Case.expectFailure(imported, status: 2, line: "\(d.root)/other.jsonl: a special file (FIFO, socket or device); expected a history file to import")
    }

    @Test func dataDirThatIsAFile() throws {
        let c = try Case()
        let file = try c.file("data.txt", "not a folder\n")
        for command in [["cards"], ["config", "show"], ["history", "append-test", "--count", "1"]] {
            let r = try c.run(command + ["--data-dir", file])
            Case.expectFailure(r, status: 2, line: "\(file): found a file; expected a folder for the data dir (--data-dir)")
        }
    }
}

/// Histories that are odd but not wrong: nothing is refused or dropped, and each oddity is said
/// once on stderr while stdout keeps the plain listing.
@Suite struct HistoryOdditiesTests {
    static func event(_ n: Int, card: String, at: String) -> String {
        #"{"v":1,"id":"\#(String(format: "%032x", n))","card":"\#(card)","at":"\#(at)","rating":3}"#
    }

    @Test func answersDatedAfterNowAreKeptAndReported() throws {
        let c = try BadInputCase()
        let path = try c.file(
            "data/history.jsonl",
            Self.event(1, card: "http/404/code-to-meaning", at: "2026-11-22T10:00:00.000Z") + "\n"
                + Self.event(2, card: "http/404/code-to-meaning", at: "2099-01-01T00:00:00.000Z") + "\n")
        let r = try c.run(["cards", "--json", "--now", "2026-11-23T00:00:00Z", "--data-dir", c.data])
        #expect(r.status == 0)
        #expect(
            r.stderr
                == "statusdeck: warning: \(path): 1 answer is dated after now (latest 2099-01-01T00:00:00.000Z), as from a clock that ran ahead; kept and counted as given\n"
        )
        #expect(r.stdout.contains("\"reps\":2"))
    }

    @Test func answersForCardsNoDeckHoldsAreKeptAndListed() throws {
        let c = try BadInputCase()
        let path = try c.file(
            "data/history.jsonl",
            Self.event(1, card: "mine/retired", at: "2026-11-22T10:00:00.000Z") + "\n"
                + Self.event(2, card: "http/404/code-to-meaning", at: "2026-11-22T10:00:00.000Z") + "\n")
        let r = try c.run(["cards", "--json", "--now", "2026-11-23T00:00:00Z", "--data-dir", c.data])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "not an error, and the listing is the report")
        #expect(r.stdout.contains("\"id\":\"mine/retired\",\"deck\":null,\"state\":\"learning\""))
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("mine/retired"))
        #expect(r.stdout.contains("\"id\":\"http/404/code-to-meaning\""))
    }

    @Test func answersOutOfOrderAreNotAnError() throws {
        let c = try BadInputCase()
        try c.file(
            "data/history.jsonl",
            Self.event(2, card: "http/404/code-to-meaning", at: "2026-11-22T11:00:00.000Z") + "\n"
                + Self.event(1, card: "http/404/code-to-meaning", at: "2026-11-22T10:00:00.000Z") + "\n")
        let r = try c.run(["cards", "--json", "--now", "2026-11-23T00:00:00Z", "--data-dir", c.data])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("\"last_review\":\"2026-11-22T11:00:00.000Z\""))
    }
}
