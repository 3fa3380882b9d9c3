import Foundation
import Testing

/// The card browser in the real binary, in tmux: opened with / from the quiz and on its own as
/// `statusdeck browse`. Every test runs against the debug and the release build.
@Suite(.serialized) struct BrowserEndToEndTests {
    typealias Q = QuizEndToEndTests

    /// Lines of the history file that are marks.
    static func marks(_ dir: URL) throws -> [String] {
        try Q.historyLines(dir).filter { $0.contains(#""mark":"#) }
    }

    @Test(arguments: TmuxSession.Build.allCases) func slashSearchInfoSuspendAndBackToTheSameCard(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--mode", "flip", "--lang", "en"])
        try t.flipAndGrade("3")
        let second = try t.waitFor("progress 1/") { Q.progress($0)?.hasPrefix("1/") == true }
        let prompt = Q.prompt(second)

        try t.send("/")
        try t.waitFor(text: "Cards · HTTP status codes")
        try t.type("what does 200")
        try t.waitFor(text: "1/96")
        try t.send("Enter")
        let info = try t.waitFor(text: "Answers (1)")
        #expect(info.contains("http/200/code-to-meaning"))
        #expect(info.contains("Good"))
        #expect(info.contains("Recall ahead"))
        try t.send("@")
        try t.waitFor(text: "Suspended: out of study")
        try t.send("Escape")
        try t.waitFor("the list with the card suspended") { $0.contains("suspended") && $0.contains("Code") }
        try t.send("Escape")
        let back = try t.waitFor(text: "Space show answer")
        #expect(Q.prompt(back) == prompt, "back to the same card")
        try t.send("C-c")
        #expect(try t.waitForExit().status == 0)
        let marks = try Self.marks(t.dataDir)
        #expect(marks.count == 1)
        #expect(marks.first?.contains(#""mark":"suspend""#) == true)
        #expect(marks.first?.contains("http/200/code-to-meaning") == true)
    }

    /// Suspending the card on screen moves the quiz on when the browser closes; ^F opens the
    /// browser while an answer is being typed.
    @Test(arguments: TmuxSession.Build.allCases) func suspendingTheCardShownMovesOn(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--mode", "type", "--lang", "en"])
        let front = try t.waitFor(text: "^F cards")
        let first = Q.prompt(front)
        try t.type("a/b")
        try t.waitFor(text: "> a/b")
        try t.send("C-f")
        try t.waitFor(text: "Cards · HTTP status codes")
        // The first row is the card being asked; ^S suspends it from the search field.
        try t.send("C-s")
        try t.waitFor(text: "Suspended: out of study")
        try t.send("Escape")
        let next = try t.waitFor(text: "Enter check")
        #expect(Q.prompt(next) != first)
        #expect(!next.contains("> a/b"))
        try t.send("C-d")
        try t.waitFor(text: "Session over")
        try t.send("Enter")
        #expect(try t.waitForExit().status == 0)
        #expect(try Self.marks(t.dataDir).count == 1)
    }

    @Test(arguments: TmuxSession.Build.allCases) func browseOnItsOwnIn40x12Chinese(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["browse", "--lang", "zh"], width: 40, height: 12)
        let list = try t.waitFor(text: "卡片 · ")
        #expect(list.contains("96/96"))
        #expect(list.split(separator: "\n").allSatisfy { !$0.contains("遗忘") }, "the lapses column gives way at 40 columns")
        try t.type("404")
        try t.waitFor(text: "4/96")
        try t.send("Down", "Enter")
        let info = try t.waitFor(text: "回答记录（0）")
        #expect(info.contains("http/404/"))
        try t.send("@")
        try t.waitFor(text: "已暂停")
        try t.send("Escape")
        try t.waitFor(text: "4/96")
        try t.send("Escape")
        let end = try t.waitForExit()
        #expect(end.status == 0)
        #expect(end.modes.contains("echo") && end.modes.contains("icanon"))
        #expect(try Self.marks(t.dataDir).count == 1)

        // The next time, the card is listed as suspended; unsuspending it is one more mark.
        let again = try TmuxSession(build, ["browse", "--lang", "zh"], width: 40, height: 12, dataDir: t.dataDir)
        try again.waitFor(text: "卡片 · ")
        try again.type("404")
        try again.waitFor(text: "已暂停")
        try again.send("Down", "C-s")
        try again.waitFor(text: "已恢复")
        try again.send("C-c")
        #expect(try again.waitForExit().status == 0)
        let marks = try Self.marks(t.dataDir)
        #expect(marks.count == 2)
        #expect(marks.last?.contains(#""mark":"unsuspend""#) == true)
    }

    @Test(arguments: TmuxSession.Build.allCases) func browseNeedsATerminalLikeTheQuiz(_ build: TmuxSession.Build) throws {
        let dir = try TmuxSession.freshDirectory()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let r = try StatusDeckProcess.run(["browse", "--data-dir", dir.path], executable: try build.executable())
        #expect(r.status == 2)
        #expect(r.stderr == "statusdeck: the quiz needs a terminal: standard input and output must be a TTY (for scripts, see `statusdeck --help`)\n")
        let unknown = try TmuxSession(build, ["browse", "--deck", "nope"])
        let end = try unknown.waitForExit()
        #expect(end.status == 2)
        #expect(end.screen.contains("nope"))
    }
}
