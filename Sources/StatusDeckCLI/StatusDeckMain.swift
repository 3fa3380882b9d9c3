import ArgumentParser
import StatusDeckCore

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
    /// The entry point of the `statusdeck` executable: `vector` is `CommandLine.arguments`, the
    /// program name first. Refuses an empty vector rather than guessing what was meant.
    public static func start(_ vector: [String] = CommandLine.arguments) -> Never {
        if let line = ArgumentVector.lostArgumentsLine(vector) {
            reopenClosedStandardDescriptors()
            writeStandardError(line + "\n")
            exit(2)
        }
        run(Array(vector.dropFirst()))
    }

    public static func run(_ given: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        reopenClosedStandardDescriptors()
        // The one command that needs no parser: building the parser's model of every command
        // (reflection over each option) was most of `--version`'s own time. Any other spelling,
        // `--version` among other arguments included, still goes through the parser.
        if given == ["--version"] {
            StandardOutput.write(StatusDeckVersion.current + "\n")
            flushStandardOutput()
            exit(0)
        }
        // `stats` and the quiz in their everyday forms skip the parser's model too; anything the
        // fast path does not fully understand, `--help` included, is read by the parser below.
        if let command = FastPath.command(given) {
            execute(command)
        }
        let arguments = CommandLineShape.normalize(given)
        let command: ParsableCommand
        do {
            command = try StatusDeckCommand.parseAsRoot(arguments)
        } catch {
            finish(error, usage: commandPath(arguments))
        }
        execute(command)
    }

    private static func execute(_ command: ParsableCommand) -> Never {
        do {
            var runnable = command
            try runnable.run()
        } catch {
            finish(error, usage: nil)
        }
        flushStandardOutput()
        exit(0)
    }

    /// Puts /dev/null on descriptors 0–2 that were closed (`statusdeck stats >&-`), before any file
    /// is opened: open(2) returns the lowest free number, so the history would otherwise become
    /// descriptor 1 and the report would be written into it.
    static func reopenClosedStandardDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            // The lower descriptors are open by now, so this is `fd` itself; if not, move it there.
            if opened >= 0, opened != fd {
                _ = dup2(opened, fd)
                close(opened)
            }
        }
    }

    /// `print` buffers, and its write errors vanish; a listing cut short by a full disk must not
    /// exit 0 as if it were whole. One flush, checked, before every exit.
    private static func flushStandardOutput() {
        if let reason = StandardOutput.flushFailure() {
            writeStandardError("statusdeck: \(reason); expected a standard output with room for it\n")
            exit(1)
        }
    }

    /// The command a bad command line was meant for, e.g. "statusdeck config set", so the
    /// message can say where the expected options are listed.
    static func commandPath(_ arguments: [String]) -> String {
        var command: ParsableCommand.Type = StatusDeckCommand.self
        var path = ["statusdeck"]
        for argument in arguments {
            if argument == "--" { break }
            guard let sub = command.configuration.subcommands.first(where: { $0.configuration.commandName == argument }) else { continue }
            command = sub
            path.append(argument)
        }
        return path.joined(separator: " ")
    }

    /// `usage` is the command path when the command line itself was wrong.
    private static func finish(_ error: Error, usage: String?) -> Never {
        let code = StatusDeckCommand.exitCode(for: error)
        if code == .success {
            // --help and --version arrive as "errors" whose message is the requested text.
            print(StatusDeckCommand.fullMessage(for: error))
            flushStandardOutput()
            exit(0)
        }
        let message = StatusDeckCommand.message(for: error)
        if !message.isEmpty {
            // The parser quotes the user's arguments back; an argument can hold escape sequences.
            let oneLine = PrintableText.sanitize(message.split(whereSeparator: \.isNewline).joined(separator: " "))
            // The parser's message names what was found; say where what is expected is listed.
            // A command's own validation message may already say what it expected.
            let saysWhatItExpects = oneLine.contains("; expected") || oneLine.contains("Please provide")
            let expected = saysWhatItExpects ? "" : usage.map { "; expected what '\($0) --help' lists" } ?? ""
            writeStandardError("statusdeck: \(oneLine)\(expected)\n")
        }
        // The failure already has its line; a failing stdout as well would be a second one.
        _ = fflush(nil)
        if code == .validationFailure { exit(2) }
        exit(code.rawValue)
    }
}

/// Writes to file descriptor 2 directly: Glibc's `stderr` global is off-limits under Swift 6
/// strict concurrency, and `FileHandle.write(_:)` traps (a crash, not a message) when the
/// descriptor is full or closed.
func writeStandardError(_ text: String) {
    writeAll(2, text)
}
