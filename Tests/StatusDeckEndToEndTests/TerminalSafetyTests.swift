import Foundation
import Testing

/// Text a user (or someone who sent them a file) wrote must never reach the terminal as commands:
/// no control characters, ANSI escape sequences (CSI colours, OSC 52 clipboard writes), bidi
/// overrides or zero-width characters, on stdout or stderr, from any command.
@Suite struct TerminalSafetyTests {
    /// Each hostile thing once: clear screen, colour, OSC 52 clipboard write, C1 CSI, bell,
    /// backspace, carriage return, DEL, right-to-left override, isolate, zero-width space and joiner.
    static let payload = "\u{1B}[2J\u{1B}[31mred\u{1B}]52;c;cm0gLXJmIH4=\u{07}\u{9B}1A\u{08}\r\u{7F}evil\u{202E}txt.exe\u{2066}\u{200B}\u{200D}!"

    static func expectSafe(_ result: StatusDeckProcess.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(TerminalSafety.firstHostile(in: result.stdout) == nil, "stdout: \(result.stdout.debugDescription)", sourceLocation: sourceLocation)
        #expect(TerminalSafety.firstHostile(in: result.stderr) == nil, "stderr: \(result.stderr.debugDescription)", sourceLocation: sourceLocation)
    }

    static func deck(name: String = "Mine", extra: String = "") -> String {
        "deck: mine\nname: \(name)\nlanguage: en\n\nid: a\nkind: contrast\nprompt: p\nanswer: a\n\(extra)"
    }

    @Test func deckNameInTheDeckList() throws {
        let c = try BadInputCase()
        try c.file("data/decks/mine.deck", Self.deck(name: Self.payload))
        let r = try StatusDeckProcess.run(["decks", "--data-dir", c.data])
        #expect(r.status == 0)
        Self.expectSafe(r)
        #expect(r.stdout.contains("red"), "the harmless text around the escapes is still shown")
    }

    @Test func deckFileNameInTheDeckList() throws {
        let c = try BadInputCase()
        let path = try c.file("data/decks/\u{1B}[31m\u{202E}x.deck", Self.deck())
        let r = try StatusDeckProcess.run(["decks", "--data-dir", c.data])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Mine"))
        #expect(!r.stdout.contains(path))
        Self.expectSafe(r)
    }

    @Test func hostileValueQuotedInADeckError() throws {
        let c = try BadInputCase()
        let path = try c.file("mine.deck", Self.deck(extra: "mode: " + Self.payload + "\n"))
        let r = try StatusDeckProcess.run(["decks", "--data-dir", c.data, path])
        #expect(r.status == 2)
        Self.expectSafe(r)
        #expect(r.stderr.hasPrefix("\(path):9: found mode '\\u{1B}[2J\\u{1B}[31mred"))
    }

    @Test func hostileKeyQuotedInADeckError() throws {
        let c = try BadInputCase()
        let path = try c.file("mine.deck", Self.deck(extra: "\u{1B}]52;c;eA==\u{07}: x\n"))
        let r = try StatusDeckProcess.run(["decks", "--data-dir", c.data, path])
        #expect(r.status == 2)
        Self.expectSafe(r)
        #expect(r.stderr.contains("unknown card key '\\u{1B}]52;c;eA==\\u{7}'"))
    }

    @Test func hostileFileNameInADeckError() throws {
        let c = try BadInputCase()
        let path = try c.file("\u{1B}]52;c;eA==\u{07}.deck", "nonsense\n")
        let r = try StatusDeckProcess.run(["decks", "--data-dir", c.data, path])
        #expect(r.status == 2)
        Self.expectSafe(r)
    }

    @Test func hostileDataDirInAnError() throws {
        let c = try BadInputCase()
        let file = try c.file("\u{1B}[2J\u{202E}", "a file\n")
        let r = try StatusDeckProcess.run(["decks", "--data-dir", file])
        #expect(r.status == 2)
        Self.expectSafe(r)
    }

    @Test func hostileOutputFolderInGenerate() throws {
        let c = try BadInputCase()
        let r = try StatusDeckProcess.run(["generate", "--output", c.root + "/\u{1B}[31m\u{202E}out"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("wrote "))
        Self.expectSafe(r)
    }

    @Test func hostileOptionValueInAUsageError() throws {
        let r = try StatusDeckProcess.run(["decks", "--\u{1B}[2J\u{202E}"])
        #expect(r.status == 2)
        Self.expectSafe(r)
    }

    @Test func catalogTableAndJSONCarryNoControlCharacters() throws {
        for arguments in [["catalog"], ["catalog", "--lang", "zh"], ["catalog", "--json"]] {
            let r = try StatusDeckProcess.run(arguments)
            #expect(r.status == 0)
            Self.expectSafe(r)
        }
    }

    /// The payload as a JSON string body, as another tool might have written it into a history.
    static var jsonPayload: String {
        payload.unicodeScalars.map { s -> String in
            switch s {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            default:
                return s.value < 0x20 || (0x7F...0x9F).contains(s.value) ? String(format: "\\u%04x", s.value) : String(s)
            }
        }.joined()
    }

    @Test func cardIDAndDeckFromTheHistoryInCards() throws {
        let c = try BadInputCase()
        try c.file(
            "data/history.jsonl",
            #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"\#(Self.jsonPayload)","at":"2026-11-01T10:00:00.000Z","rating":3,"deck":"\#(Self.jsonPayload)"}"#
                + "\n")
        for extra in [[], ["--json"]] {
            let r = try StatusDeckProcess.run(["cards", "--data-dir", c.data] + extra)
            #expect(r.status == 0)
            #expect(r.stdout.contains("red"))
            Self.expectSafe(r)
        }
    }

    @Test func hostileHistoryLineQuotedInAnError() throws {
        let c = try BadInputCase()
        try c.file("data/history.jsonl", Self.payload + "\n")
        let r = try StatusDeckProcess.run(["cards", "--data-dir", c.data])
        #expect(r.status == 2)
        Self.expectSafe(r)
    }

    @Test func hostileConfigValueQuotedInAnError() throws {
        let c = try BadInputCase()
        try c.file("data/config", "language = " + Self.payload + "\n")
        let r = try StatusDeckProcess.run(["config", "show", "--data-dir", c.data])
        #expect(r.status == 2)
        Self.expectSafe(r)
    }

    @Test func hostileValueInConfigSet() throws {
        let c = try BadInputCase()
        let r = try StatusDeckProcess.run(["config", "set", "--data-dir", c.data, "language", Self.payload])
        #expect(r.status == 2)
        Self.expectSafe(r)
    }

    @Test func hostileDataDirInAWarning() throws {
        let c = try BadInputCase()
        let data = c.root + "/\u{1B}[31m\u{202E}data"
        try c.file(
            "\u{1B}[31m\u{202E}data/history.jsonl",
            #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"a","at":"2099-01-01T00:00:00.000Z","rating":3}"# + "\n")
        let r = try StatusDeckProcess.run(["cards", "--data-dir", data])
        #expect(r.status == 0)
        #expect(r.stderr.hasPrefix("statusdeck: warning: "))
        Self.expectSafe(r)
    }

    @Test func hostileImportPath() throws {
        let c = try BadInputCase()
        let r = try StatusDeckProcess.run(["history", "import", "--data-dir", c.data, c.root + "/" + Self.payload])
        #expect(r.status == 2)
        Self.expectSafe(r)
    }

    /// Runs statusdeck with its stdout and stderr on a real pseudo-terminal (`script` makes one),
    /// which is where defusing matters; returns what the terminal received, CRLF read as LF.
    static func onATerminal(_ arguments: [String]) throws -> StatusDeckProcess.Result {
        let quoted = ([StatusDeckProcess.executableURL.path] + arguments)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let r = try StatusDeckProcess.run(["-qec", quoted, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        return StatusDeckProcess.Result(status: r.status, stdout: r.stdout.replacingOccurrences(of: "\r\n", with: "\n"), stderr: r.stderr)
    }

    @Test(arguments: ["md", "tsv", "csv", "json"])
    func aUserDeckExportedToATerminal(format: String) throws {
        let c = try BadInputCase()
        try c.file(
            "data/decks/mine.deck",
            Self.deck(name: Self.payload, extra: "explanation: " + Self.payload + "\n")
                .replacingOccurrences(of: "prompt: p", with: "prompt: " + Self.payload))
        let r = try Self.onATerminal(["export", "--deck", "mine", "--format", format, "-o", "-", "--data-dir", c.data])
        #expect(r.status == 0)
        #expect(r.stdout.contains("red"))
        Self.expectSafe(r)
    }

    @Test func aUserDeckExportedToAFileKeepsItsExactBytes() throws {
        let c = try BadInputCase()
        try c.file("data/decks/mine.deck", Self.deck(name: "Mine\u{202E}"))
        let r = try StatusDeckProcess.run(["export", "--deck", "mine", "--format", "md", "-o", c.root + "/out.md", "--data-dir", c.data])
        #expect(r.status == 0)
        Self.expectSafe(r)
        #expect(try String(contentsOfFile: c.root + "/out.md", encoding: .utf8).contains("Mine\u{202E}"), "a file is data, not a terminal")
    }

    @Test func hostileExportOptionValues() throws {
        let c = try BadInputCase()
        for arguments in [
            ["--format", Self.payload], ["--deck", Self.payload, "--format", "md"], ["--format", "md", "-o", c.root + "/" + Self.payload + "/x.md"],
        ] {
            let r = try StatusDeckProcess.run(["export", "--data-dir", c.data] + arguments)
            #expect(r.status != 0)
            Self.expectSafe(r)
        }
    }

    @Test(arguments: [[], ["--json"], ["--csv"]])
    func cardIDsFromTheHistoryInStatsOnATerminal(format: [String]) throws {
        let c = try BadInputCase()
        var lines = ""
        for n in 1...9 {
            // Nine lapses make the card a leech, so its id is printed among the hardest cards.
            lines +=
                #"{"v":1,"id":"\#(String(format: "%032x", n))","card":"\#(Self.jsonPayload)","at":"2026-11-\#(String(format: "%02d", n + 1))T10:00:00.000Z","rating":\#(n == 1 ? 3 : 1)}"#
                + "\n"
        }
        try c.file("data/history.jsonl", lines)
        let r = try Self.onATerminal(["stats", "--now", "2026-11-21T00:00:00Z", "--data-dir", c.data] + format)
        #expect(r.status == 0)
        #expect(r.stdout.contains("red"))
        Self.expectSafe(r)
    }

    @Test func statsToAPipeKeepTheExactBytes() throws {
        let c = try BadInputCase()
        try c.file(
            "data/history.jsonl", #"{"v":1,"id":"00000000000000000000000000000001","card":"a\u202eb","at":"2026-11-02T10:00:00.000Z","rating":1}"# + "\n")
        let r = try StatusDeckProcess.run(["stats", "--json", "--now", "2026-11-03T00:00:00Z", "--data-dir", c.data])
        #expect(r.status == 0)
        // A pipe is data for a script: the id arrives whole (JSON escapes the override, as every
        // JSON StatusDeck writes does, and a JSON reader gets the exact characters back).
        #expect(r.stdout.contains(#""a\u202eb""#))
        let data = Data(r.stdout.utf8)
        let json = try JSONSerialization.jsonObject(with: data)
        func strings(_ value: Any) -> [String] {
            if let s = value as? String { return [s] }
            if let a = value as? [Any] { return a.flatMap(strings) }
            if let d = value as? [String: Any] { return d.values.flatMap(strings) }
            return []
        }
        #expect(strings(json).contains("a\u{202E}b"))
    }
}
