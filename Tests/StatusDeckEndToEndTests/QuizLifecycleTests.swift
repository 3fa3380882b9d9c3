import Foundation
import Testing

/// The quiz ends when its terminal does (issue 20): each quit signal, a vanished terminal, and no
/// CPU while a card waits for a key. Against the debug and the release build: the release build
/// once ignored SIGTERM and SIGHUP and spun on a dead terminal while the debug build behaved.
@Suite(.serialized) struct QuizLifecycleTests {
    /// A quiz in tmux with one answer already given (and so saved).
    static func sessionWithOneAnswer(_ build: TmuxSession.Build, prelude: [String] = []) throws -> TmuxSession {
        let t = try TmuxSession(build, ["review", "--mode", "flip"], prelude: prelude)
        try t.flipAndGrade("3")
        try t.waitFor("progress 1/") { QuizEndToEndTests.progress($0)?.hasPrefix("1/") == true }
        return t
    }

    /// Whether `pid` is still a live process (a zombie has ended; only its parent has not looked).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// User plus system CPU time of `pid`, in clock ticks.
    static func cpuTicks(_ pid: Int32) throws -> Int {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        guard let close = stat.lastIndex(of: ")") else { throw TmuxSession.Failure(description: "bad /proc/\(pid)/stat") }
        // After the name: state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else {
            throw TmuxSession.Failure(description: "no CPU times in /proc/\(pid)/stat")
        }
        return user + system
    }

    static let cases: [(TmuxSession.Build, Int32)] = TmuxSession.Build.allCases.flatMap { b in
        [SIGTERM, SIGHUP, SIGINT].map { (b, $0) }
    }

    @Test(arguments: cases)
    func aQuitSignalRestoresTheTerminalAndExits128PlusIt(_ build: TmuxSession.Build, _ signal: Int32) throws {
        let t = try Self.sessionWithOneAnswer(build)
        kill(try t.programPID(), signal)
        let end = try t.waitForExit()
        #expect(end.status == 128 + Int(signal))
        #expect(end.modes.contains("echo") && end.modes.contains("icanon"))
        // The quiz's screen is gone (curses left the alternate screen), and no summary was printed
        // over a session the user did not end.
        #expect(!end.screen.contains("Space show answer"))
        #expect(try QuizEndToEndTests.historyLines(t.dataDir).count == 1)
    }

    @Test(arguments: TmuxSession.Build.allCases)
    func aVanishedTerminalEndsTheQuiz(_ build: TmuxSession.Build) throws {
        let t = try Self.sessionWithOneAnswer(build)
        let pid = try t.programPID()
        try t.killServer()
        let deadline = Date().addingTimeInterval(2)
        while Self.isRunning(pid) && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(!Self.isRunning(pid), "statusdeck still running 2 s after its terminal went")
        #expect(try QuizEndToEndTests.historyLines(t.dataDir).count == 1)
    }

    /// Under nohup no SIGHUP arrives: the dead terminal itself (poll's hang-up) must end the quiz.
    @Test(arguments: TmuxSession.Build.allCases)
    func aVanishedTerminalEndsTheQuizEvenWithSIGHUPIgnored(_ build: TmuxSession.Build) throws {
        let t = try Self.sessionWithOneAnswer(build, prelude: ["trap '' HUP"])
        let pid = try t.programPID()
        try t.killServer()
        let status = t.waitForStatusFile(seconds: 2)
        #expect(status == 128 + Int(SIGHUP))
        #expect(!Self.isRunning(pid))
        #expect(try QuizEndToEndTests.historyLines(t.dataDir).count == 1)
    }

    @Test(arguments: TmuxSession.Build.allCases)
    func aCardWaitingForAKeyUsesNoCPU(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--mode", "flip"])
        try t.waitFor(text: "Space show answer")
        let pid = try t.programPID()
        let before = try Self.cpuTicks(pid)
        Thread.sleep(forTimeInterval: 3)
        let used = try Self.cpuTicks(pid) - before
        // 100 ticks a second: 3 s of a busy loop would be ~300; a sleeping process shows 0.
        #expect(used <= 2, "used \(used) ticks of CPU in 3 idle seconds")
        try t.send("C-c")
        #expect(try t.waitForExit().status == 0)
    }
}

/// SIGKILL of the quiz mid-session never loses an acknowledged answer (a short run of
/// `Tests/Scripts/quiz-sigkill-trials.sh`; run it with 200 trials by hand after changing the store).
@Suite struct QuizKillTrials {
    @Test(arguments: TmuxSession.Build.allCases)
    func sigkillLosesNoAcknowledgedAnswer(_ build: TmuxSession.Build) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/quiz-sigkill-trials.sh")
        // Started as TmuxSession starts tmux: with no signal blocked, which the test runner's
        // threads have and a tmux server would inherit.
        let out = try TmuxSession.run("/bin/bash", [script.path, try build.executable().path, "12"])
        #expect(out == "12 passed, 0 failed\n")
    }
}
