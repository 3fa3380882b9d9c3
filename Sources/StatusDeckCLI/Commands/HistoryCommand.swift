import ArgumentParser
import FSRS
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckHistory
import StatusDeckStore

/// `statusdeck history import FILE`: merge another history by event id; `check` and `repair`:
/// list, and move aside, the lines that stop the history from loading.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Work with the review history file.",
        subcommands: [Import.self, Check.self, Repair.self, AppendTest.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Merge another history (another machine, a backup) by event id.",
            discussion: "Only events this history lacks are appended; importing the same file twice changes nothing.")
        @OptionGroup var data: DataOptions
        @Argument(help: "The history file to merge in.") var file: String

        func run() throws {
            let dir = try CommandContext.directory(data)
            // A wrong path is the user's mistake (2); an unreadable file is the machine's (1).
            var isDirectory = false
            if !FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) {
                throw Report.fail("\(file): found no such file; expected a history file to import", code: 2)
            }
            if isDirectory {
                throw Report.fail("\(file): found a directory; expected a history file to import", code: 2)
            }
            CommandContext.prepareForWriting()
            let store = HistoryStore(directory: dir, clock: CommandContext.now)
            _ = try CommandContext.loadHistory(store)  // sets aside a torn tail of our own first, with its warning
            let summary: HistoryStore.ImportSummary
            do { summary = try store.importHistory(from: file) } catch { throw Report.fail(error) }
            if summary.skippedTornTail {
                Report.warn("\(file): the last line has no newline (an interrupted write); it was not imported")
            }
            print("imported \(summary.added) new events; \(summary.alreadyPresent) were already present")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "List every line of the history that stops it from loading.",
            discussion:
                "Each bad line is printed as `history.jsonl:LINE: found …; expected …`. Exit 2 if there is any; `statusdeck history repair` moves them aside.")
        @OptionGroup var data: DataOptions

        func run() throws {
            let dir = try CommandContext.directory(data)
            let store = HistoryStore(directory: dir, clock: CommandContext.now)
            let check: HistoryLineCheck?
            do { check = try store.check() } catch { throw Report.fail(error) }
            guard let check else {
                print(Report.clean("\(store.path): no history yet; nothing to check"))
                return
            }
            for bad in check.bad { print(Report.clean(bad.error.description)) }
            if check.tornTail > 0 {
                Report.warn("\(store.path): the last line has no newline (an interrupted write); the next command sets it aside")
            }
            if check.bad.isEmpty {
                print(Report.clean("\(store.path): \(Report.count(check.lines, "line")), no bad lines"))
                return
            }
            print(
                Report.clean(
                    "\(store.path): \(Report.count(check.bad.count, "bad line")) of \(check.lines); run `statusdeck history repair` to move them aside"))
            throw ExitCode(2)
        }
    }

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "repair",
            abstract: "Move every bad line of the history, verbatim, to history.rejected-<instant>.",
            discussion:
                "Every good line is kept, in order; the bad ones are kept too, beside the history, so nothing is lost. Running it again changes nothing.")
        @OptionGroup var data: DataOptions

        func run() throws {
            let dir = try CommandContext.directory(data)
            CommandContext.prepareForWriting()
            let store = HistoryStore(directory: dir, clock: CommandContext.now)
            let repair: HistoryStore.Repair?
            do { repair = try store.repair() } catch { throw Report.fail(error) }
            guard let repair else {
                print(Report.clean("\(store.path): no history yet; nothing to repair"))
                return
            }
            guard let rejected = repair.rejectedPath else {
                print(Report.clean("\(store.path): no bad lines; nothing to repair"))
                return
            }
            let lines = repair.moved.map { String($0.line) }.joined(separator: ", ")
            let which = repair.moved.count == 1 ? "line \(lines)" : "lines \(lines)"
            print(Report.clean("moved \(Report.count(repair.moved.count, "bad line")) (\(which)) to \(rejected); kept \(repair.kept)"))
        }
    }

    /// Hidden: appends N answers, printing each event id only after it is durable. Tests kill
    /// this with SIGKILL at random moments and check every printed id is in the file.
    struct AppendTest: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "append-test", shouldDisplay: false)
        @OptionGroup var data: DataOptions
        @Option var count = 100
        @Option var card = "http/404/code-to-meaning"
        /// Pads the deck field so lines are long enough for a crash to land mid-write.
        @Option var padding = 0

        func run() throws {
            let dir = try CommandContext.directory(data)
            CommandContext.prepareForWriting()
            let store = HistoryStore(directory: dir, clock: CommandContext.now)
            var rng = SystemRandomNumberGenerator()
            let deck = "test" + String(repeating: "x", count: max(0, padding))
            for i in 0..<max(0, count) {
                let event = ReviewEvent(
                    id: EventID.random(using: &rng), card: card, at: CommandContext.now(),
                    rating: Rating(rawValue: i % 4 + 1) ?? .good, deck: deck, mode: "flip")
                do { try store.append(.review(event)) } catch { throw Report.fail(error) }
                // Straight to fd 1, unbuffered: printed means acknowledged.
                StandardOutput.writeNow("\(event.id)\n")
            }
        }
    }
}
