import StatusDeckUI

/// What the loop needs of a terminal: its size, a way to draw a frame, and the next event.
/// `Terminal` is the real one; tests drive the loop with a scripted one.
public protocol EventTerminal: AnyObject {
    var size: (width: Int, height: Int) { get }
    func draw(_ screen: Screen)
    /// Blocks until something happens; never returns "nothing".
    func nextEvent() -> TerminalEvent
}

extension Terminal: EventTerminal {}

/// Runs a program (the quiz, the card browser) in a terminal: events become messages, and each
/// change is drawn as a frame.
public enum TerminalLoop {
    /// How a session in the terminal ended.
    public enum End: Equatable, Sendable {
        /// The quiz asked to leave.
        case quit
        /// SIGINT, SIGTERM or SIGHUP arrived; exit with 128 + the signal.
        case signal(Int32)
        /// The terminal went away; there is nothing left to show a summary on.
        case hangup
        /// `--exit-after-first-frame`: the first frame is on screen.
        case firstFrameDrawn
    }

    /// Runs until the program quits, a signal arrives or the terminal goes. The terminal is left
    /// open; the caller restores it (so a summary can be printed after).
    public static func run<P: TerminalProgram>(
        _ program: inout P, on terminal: some EventTerminal,
        clock: () -> Int64, exitAfterFirstFrame: Bool = false
    ) -> End {
        var size = terminal.size
        program.start(now: clock(), width: size.width, height: size.height)
        terminal.draw(program.view(width: size.width, height: size.height))
        if exitAfterFirstFrame { return .firstFrameDrawn }
        while !program.quitRequested {
            switch terminal.nextEvent() {
            case .signal(let s):
                // The program hears it too, so a driver holding anything open can let go of it.
                program.interrupt(now: clock())
                return .signal(s)
            case .hangup:
                program.interrupt(now: clock())
                return .hangup
            case .resize(let w, let h):
                size = (w, h)
                program.resize(width: w, height: h, now: clock())
            case .key(let key):
                program.key(key, now: clock())
            }
            if program.quitRequested { break }
            terminal.draw(program.view(width: size.width, height: size.height))
        }
        return .quit
    }
}
