/// Why the quiz cannot run in this terminal. Each says so in one line.
public enum TerminalProblem: Error, Equatable, Sendable {
    case notATerminal
    case termUnset
    case termDumb
    case noUTF8Locale(codeset: String)
    case cannotStart(term: String)

    public var message: String {
        switch self {
        case .notATerminal:
            "statusdeck: the quiz needs a terminal: standard input and output must be a TTY (for scripts, see `statusdeck --help`)"
        case .termUnset:
            "statusdeck: TERM is not set; expected a terminal type such as xterm-256color"
        case .termDumb:
            "statusdeck: TERM is \"dumb\"; the quiz needs a terminal that can move the cursor, e.g. xterm-256color"
        case .noUTF8Locale(let codeset):
            "statusdeck: the locale's character set is \(codeset); expected UTF-8 (set LANG=C.UTF-8)"
        case .cannotStart(let term):
            "statusdeck: cannot start the terminal for TERM=\(term); expected a type in the terminfo database"
        }
    }
}
