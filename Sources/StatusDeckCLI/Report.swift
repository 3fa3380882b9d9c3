import ArgumentParser
import StatusDeckCore
import StatusDeckStore

/// What a command says besides its output: warnings, and the one error line with its exit code
/// (2 bad input, 1 runtime). Text quoted from files passes through `TerminalText` first.
enum Report {
    /// Text from history, config or decks, made safe for a terminal as one line, through the
    /// shared `TerminalText`, so a crafted card id cannot drive the terminal.
    static func clean(_ s: String) -> String {
        TerminalText.sanitizeLine(s)
    }

    static func warn(_ message: String) {
        writeStandardError("statusdeck: warning: " + clean(message) + "\n")
    }

    /// Prints one line and exits with the store's code (2 bad input, 1 runtime).
    static func fail(_ error: StoreError) -> ExitCode {
        writeStandardError(clean(error.description) + "\n")
        return ExitCode(error.exitCode)
    }

    static func fail(_ message: String, code: Int32) -> ExitCode {
        writeStandardError(clean(message) + "\n")
        return ExitCode(code)
    }

    /// "1 line", "3 lines".
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
