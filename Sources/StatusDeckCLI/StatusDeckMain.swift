import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process entry point: parse, run, and turn every outcome into one exit code.
///
/// swift-argument-parser exits 64 on a usage error and prints the whole usage block; StatusDeck
/// promises exit 2 and a single line for any bad input, so parsing errors are caught here.
public enum StatusDeckMain {
    public static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        let command: ParsableCommand
        do {
            command = try StatusDeckCommand.parseAsRoot(arguments)
        } catch {
            finish(error, usage: true)
        }
        do {
            var runnable = command
            try runnable.run()
        } catch {
            finish(error, usage: false)
        }
        exit(0)
    }

    private static func finish(_ error: Error, usage: Bool) -> Never {
        let code = StatusDeckCommand.exitCode(for: error)
        if code == .success {
            // --help and --version arrive as "errors" whose message is the requested text.
            print(StatusDeckCommand.fullMessage(for: error))
            exit(0)
        }
        let message = StatusDeckCommand.message(for: error)
        if !message.isEmpty {
            // The parser quotes the user's arguments back; an argument can hold escape sequences.
            let oneLine = PrintableText.sanitize(message.split(whereSeparator: \.isNewline).joined(separator: " "))
            let hint = usage ? " (see 'statusdeck --help')" : ""
            writeStandardError("statusdeck: \(oneLine)\(hint)\n")
        }
        if code == .validationFailure { exit(2) }
        exit(code.rawValue)
    }
}

/// Writes to file descriptor 2 directly: Glibc's `stderr` global is off-limits under Swift 6
/// strict concurrency.
func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
        if n <= 0 { return }
        offset += n
    }
}
