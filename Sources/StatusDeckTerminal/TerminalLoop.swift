import StatusDeckUI

/// Runs a quiz in a terminal: events become messages, and each change is drawn as a frame.
public enum TerminalLoop {
    /// How a session in the terminal ended.
    public enum End: Equatable, Sendable {
        /// The quiz asked to leave.
        case quit
        /// SIGINT, SIGTERM or SIGHUP arrived; exit with 128 + the signal.
        case signal(Int32)
        /// `--exit-after-first-frame`: the first frame is on screen.
        case firstFrameDrawn
    }

    /// Runs until the quiz quits or a signal arrives. The terminal is left open; the caller
    /// restores it (so a summary can be printed after).
    public static func run<D: QuizDriver>(_ program: inout QuizProgram<D>, on terminal: Terminal,
                                         clock: () -> Int64, exitAfterFirstFrame: Bool = false) -> End {
        program.start(now: clock())
        var size = terminal.size
        terminal.draw(program.quiz.view(width: size.width, height: size.height))
        if exitAfterFirstFrame { return .firstFrameDrawn }
        while !program.quitRequested {
            switch terminal.nextEvent() {
            case .idle:
                continue
            case .signal(let s):
                // The quiz hears it too, so a driver holding anything open can let go of it.
                program.send(.interrupted, now: clock())
                return .signal(s)
            case .resize(let w, let h):
                size = (w, h)
                program.send(.resize(width: w, height: h), now: clock())
            case .key(let key):
                program.send(.key(key), now: clock())
            }
            if program.quitRequested { break }
            terminal.draw(program.quiz.view(width: size.width, height: size.height))
        }
        return .quit
    }
}
