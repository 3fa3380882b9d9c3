import Foundation
import Testing

/// The real binary in a real (tmux) terminal, driven by keys as a person would.
/// Every test runs against the debug and the release build.
@Suite(.serialized) struct QuizEndToEndTests {
    /// The header's "done/total" progress label.
    static func progress(_ screen: String) -> String? {
        guard let line = screen.split(separator: "\n").dropFirst().first else { return nil }
        return line.split(separator: " ").last.map(String.init)
    }

    @Test(arguments: TmuxSession.Build.allCases) func flipAnswerUndoAndQuitWithSummary(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--mode", "flip"])
        let front = try t.waitFor(text: "Space show answer")
        #expect(Self.progress(front)?.hasPrefix("0/") == true)
        try t.send("Space")
        try t.waitFor(text: "1 Again")
        try t.send("3")
        try t.waitFor("progress 1/") { Self.progress($0)?.hasPrefix("1/") == true }
        try t.send("u")
        let undone = try t.waitFor("progress back to 0/") { Self.progress($0)?.hasPrefix("0/") == true }
        #expect(undone.contains("Undone"))
        try t.send("q")
        try t.waitFor(text: "Session over")
        try t.send("Enter")
        let end = try t.waitForExit()
        #expect(end.status == 0)
        #expect(end.screen.contains("Reviewed 0 cards"))
        #expect(end.modes.contains("echo") && end.modes.contains("icanon"))
    }

    @Test(arguments: TmuxSession.Build.allCases) func typeModeRightAndWrong(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--mode", "type"])
        try t.waitFor(text: "Enter check")
        try t.type("zzz-not-an-answer")
        try t.send("Enter")
        let back = try t.waitFor(text: "✗ wrong")
        #expect(back.contains("you typed: zzz-not-an-answer"))
        #expect(back.contains("Enter Again"))
        try t.send("Enter")
        try t.waitFor("progress 1/") { Self.progress($0)?.hasPrefix("1/") == true }
        try t.send("C-c")
        let end = try t.waitForExit()
        #expect(end.status == 0)
    }

    @Test(arguments: TmuxSession.Build.allCases) func choiceModeByDigitAndArrows(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--mode", "choice"])
        try t.waitFor(text: "1-4 choose")
        try t.send("Down")
        try t.waitFor(text: "›2")
        try t.send("Enter")
        try t.waitFor("a verdict") { $0.contains("✓") }
        try t.send("4")
        try t.waitFor("progress 1/") { Self.progress($0)?.hasPrefix("1/") == true }
        try t.send("1")
        try t.waitFor("a verdict on the second card") { $0.contains("✓") && $0.contains("1-4 grade") }
        try t.send("q")
        try t.waitFor(text: "Session over")
        try t.send("q")
        #expect(try t.waitForExit().status == 0)
    }

    @Test(arguments: TmuxSession.Build.allCases) func resizeTo40x12AndBelowAndBack(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--mode", "flip", "--lang", "en"])
        try t.waitFor(text: "Space show answer")
        try t.send("Space")
        try t.waitFor(text: "1 Again")
        try t.resize(width: 40, height: 12)
        let small = try t.waitFor("a 40-column layout") { s in
            s.contains("1-4 grade") && s.split(separator: "\n").count <= 12
        }
        #expect(small.contains("1 Again"))
        try t.resize(width: 30, height: 10)
        let tiny = try t.waitFor(text: "terminal too small")
        #expect(tiny.contains("40×12"))
        try t.resize(width: 80, height: 24)
        // Waits for the footer too: a capture can land between drawing the grade row and the footer.
        let big = try t.waitFor("the full layout again") { $0.contains("1 Again") && $0.contains("i explain") && !$0.contains("too small") }
        #expect(!big.contains("40×12"))
        try t.send("C-c")
        #expect(try t.waitForExit().status == 0)
    }

    @Test(arguments: TmuxSession.Build.allCases) func sigtermMidSessionRestoresTheTerminal(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--mode", "flip"])
        try t.flipAndGrade("3")
        try t.waitFor("progress 1/") { Self.progress($0)?.hasPrefix("1/") == true }
        kill(try t.programPID(), SIGTERM)
        let end = try t.waitForExit()
        #expect(end.status == 128 + Int(SIGTERM))
        #expect(end.modes.contains("echo"))
        #expect(end.modes.contains("icanon"))
        #expect(try Self.historyLines(t.dataDir).count == 1)
    }

    /// The lines of the history file in a data dir.
    static func historyLines(_ dir: URL) throws -> [String] {
        let text = try String(contentsOf: dir.appendingPathComponent("history.jsonl"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    /// The prompt of the card on screen (the first line of the body).
    static func prompt(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3)
            .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init) ?? ""
    }

    @Test(arguments: TmuxSession.Build.allCases) func quitAndRestartKeepsProgress(_ build: TmuxSession.Build) throws {
        let first = try TmuxSession(build, ["review", "--mode", "flip", "--lang", "en"])
        let front = try first.waitFor(text: "Space show answer")
        #expect(front.contains("new 20"))
        let answered = Self.prompt(front)
        try first.send("Space")
        try first.waitFor(text: "1 Again")
        try first.send("3")
        try first.waitFor("progress 1/") { Self.progress($0)?.hasPrefix("1/") == true }
        try first.send("q")
        try first.waitFor(text: "Session over")
        try first.send("Enter")
        let end = try first.waitForExit()
        #expect(end.status == 0)
        #expect(end.screen.contains("Reviewed 1 card · 100% right"))
        #expect(try Self.historyLines(first.dataDir).count == 1)

        let second = try TmuxSession(build, ["review", "--mode", "flip", "--lang", "en"], dataDir: first.dataDir)
        let again = try second.waitFor(text: "Space show answer")
        #expect(again.contains("new 19"))
        #expect(Self.prompt(again) != answered)
        // Undo in a new session takes back nothing from the last one: undo is per session.
        try second.send("u")
        try second.waitFor(text: "Nothing to undo")
        try second.send("C-c")
        #expect(try second.waitForExit().status == 0)
        #expect(try Self.historyLines(first.dataDir).count == 1)
    }

    @Test(arguments: TmuxSession.Build.allCases) func anAnswerThatCannotBeSavedSaysSoAndStaysOnTheCard(_ build: TmuxSession.Build) throws {
        // A file size limit of 0 makes every append fail (EFBIG) even for root.
        let t = try TmuxSession(build, ["review", "--mode", "flip"], prelude: ["ulimit -f 0"])
        try t.flipAndGrade("3")
        let screen = try t.waitFor(text: "Not saved")
        #expect(screen.contains("1 Again"))
        #expect(Self.progress(screen)?.hasPrefix("0/") == true)
        try t.send("C-c")
        let end = try t.waitForExit()
        #expect(end.status == 0)
        #expect(end.screen.contains("Reviewed 0 cards"))
    }

    @Test(arguments: TmuxSession.Build.allCases) func aBuriedCardStaysAwayAfterARestart(_ build: TmuxSession.Build) throws {
        let first = try TmuxSession(build, ["review", "--mode", "flip", "--lang", "en"])
        let front = try first.waitFor(text: "Space show answer")
        let buried = Self.prompt(front)
        try first.send("b")
        let next = try first.waitFor(text: "Buried until tomorrow")
        #expect(Self.prompt(next) != buried)
        try first.send("C-c")
        #expect(try first.waitForExit().status == 0)
        // The bury is an event in the history, merged and undone like answers.
        let lines = try Self.historyLines(first.dataDir)
        #expect(lines.count == 1)
        #expect(lines.first?.contains(#""mark":"bury""#) == true)

        let second = try TmuxSession(build, ["review", "--mode", "flip", "--lang", "en"], dataDir: first.dataDir)
        let again = try second.waitFor(text: "Space show answer")
        #expect(Self.prompt(again) != buried)
        // A buried card does not use up the day's new cards: the next one takes its place.
        #expect(again.contains("new 20"))
        try second.send("C-c")
        #expect(try second.waitForExit().status == 0)
    }

    /// On a type card letters are the answer; control keys still undo, bury and quit.
    @Test(arguments: TmuxSession.Build.allCases) func controlKeysWorkWhileTyping(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--mode", "type", "--lang", "en"])
        let front = try t.waitFor(text: "^Z undo")
        let first = Self.prompt(front)
        try t.send("b", "u", "q")
        try t.waitFor(text: "> buq")
        try t.send("C-b")
        let next = try t.waitFor(text: "Buried until tomorrow")
        #expect(Self.prompt(next) != first)
        try t.send("C-z")
        let back = try t.waitFor(text: "Undone")
        #expect(Self.prompt(back).trimmingCharacters(in: .whitespaces) == first.trimmingCharacters(in: .whitespaces))
        try t.send("C-d")
        try t.waitFor(text: "Session over")
        try t.send("Enter")
        let end = try t.waitForExit()
        #expect(end.status == 0)
        let lines = try Self.historyLines(t.dataDir)
        #expect(lines.count == 2)
        #expect(lines.last?.contains(#""undo""#) == true)
    }

    @Test(arguments: TmuxSession.Build.allCases) func undoIsWrittenToTheHistory(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--mode", "flip"])
        try t.flipAndGrade("1")
        try t.waitFor("progress 1/") { Self.progress($0)?.hasPrefix("1/") == true }
        try t.send("u")
        try t.waitFor(text: "Undone")
        try t.send("C-c")
        #expect(try t.waitForExit().status == 0)
        let lines = try Self.historyLines(t.dataDir)
        #expect(lines.count == 2)
        #expect(lines.last?.contains("undo") == true)
    }

    @Test(arguments: TmuxSession.Build.allCases) func dumbTerminalIsRefusedInOneLine(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review"], environment: ["TERM": "dumb"])
        let end = try t.waitForExit()
        #expect(end.status == 2)
        #expect(end.screen.contains("statusdeck: TERM is \"dumb\""))
    }

    @Test(arguments: TmuxSession.Build.allCases) func emptyTermIsRefusedInOneLine(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review"], environment: ["TERM": ""])
        let end = try t.waitForExit()
        #expect(end.status == 2)
        #expect(end.screen.contains("statusdeck: TERM is not set"))
    }

    @Test(arguments: TmuxSession.Build.allCases) func aCLocaleFallsBackToCUTF8(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--lang", "zh", "--mode", "flip"], environment: ["LANG": "C", "LC_ALL": "C"])
        let screen = try t.waitFor(text: "新卡 · 翻卡")
        #expect(screen.contains("显示答案"))
        try t.send("C-c")
        #expect(try t.waitForExit().status == 0)
    }

    @Test(arguments: TmuxSession.Build.allCases) func noColorMeansNoColours(_ build: TmuxSession.Build) throws {
        let colours = try TmuxSession(build, ["review", "--mode", "flip"])
        try colours.waitFor(text: "Space show answer")
        #expect(try colours.capture(escapes: true).contains("\u{1B}[3"))
        try colours.send("C-c")
        let plain = try TmuxSession(build, ["review", "--mode", "flip"], environment: ["NO_COLOR": "1"])
        try plain.waitFor(text: "Space show answer")
        let screen = try plain.capture(escapes: true)
        // Foreground colours are SGR 30-37 and 90-97; attributes (bold, dim, reverse) remain.
        for code in ["[30m", "[31m", "[32m", "[33m", "[34m", "[35m", "[36m", "[37m", "[90m", "38;5"] {
            #expect(!screen.contains(code), "found colour \(code)")
        }
        #expect(screen.contains("\u{1B}[1m"))
        try plain.send("C-c")
        #expect(try plain.waitForExit().status == 0)
    }

    @Test(arguments: TmuxSession.Build.allCases) func hostileDeckTextNeverReachesTheTerminal(_ build: TmuxSession.Build) throws {
        let dir = try TmuxSession.freshDirectory()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let decks = dir.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        let deck =
            "deck: evil\nname: Evil \u{1B}]0;pwned\u{07}deck\nlanguage: en\n\n"
            + "id: evil/1\nkind: code-to-meaning\nprompt: What does \u{1B}[31m404\u{1B}[0m mean?\u{202E} gnp.exe\n"
            + "answer: Not Found\u{200B}\nexplanation: \u{1B}[2Jstill here\n"
        try deck.write(to: decks.appendingPathComponent("evil.deck"), atomically: true, encoding: .utf8)
        let t = try TmuxSession(build, ["review", "--deck", "evil"], dataDir: dir)
        let screen = try t.waitFor(text: "What does 404 mean? gnp.exe")
        #expect(screen.contains("StatusDeck · Evil deck"))
        #expect(try t.title() != "pwned")
        #expect(!(try t.capture(escapes: true)).contains("[31m404"))
        try t.send("Space")
        try t.waitFor(text: "Not Found")
        try t.send("i")
        try t.waitFor(text: "still here")
        try t.send("Escape", "q")
        try t.waitFor(text: "Session over")
        try t.send("Enter")
        #expect(try t.waitForExit().status == 0)
    }

    @Test(arguments: TmuxSession.Build.allCases) func exitAfterFirstFrame(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--exit-after-first-frame"])
        let end = try t.waitForExit()
        #expect(end.status == 0)
        #expect(end.modes.contains("echo"))
    }

    @Test(arguments: TmuxSession.Build.allCases) func aCrashStillRestoresTheTerminal(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--crash-after-first-frame"])
        let end = try t.waitForExit()
        #expect(end.status == 128 + Int(SIGSEGV))
        #expect(end.modes.contains("echo"))
        #expect(end.modes.contains("icanon"))
    }

    @Test(arguments: TmuxSession.Build.allCases) func notATerminalGivesOneLineAndExit2(_ build: TmuxSession.Build) throws {
        let dir = try TmuxSession.freshDirectory()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        for args in [["review", "--data-dir", dir.path], ["--data-dir", dir.path]] {
            let r = try StatusDeckProcess.run(args, executable: try build.executable())
            #expect(r.status == 2)
            #expect(r.stderr == "statusdeck: the quiz needs a terminal: standard input and output must be a TTY (for scripts, see `statusdeck --help`)\n")
            #expect(r.stdout.isEmpty)
        }
    }
}
