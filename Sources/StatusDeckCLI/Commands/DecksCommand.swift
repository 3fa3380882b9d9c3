import ArgumentParser
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckStore

/// `statusdeck decks`: every deck the quiz can use, with card counts.
struct DecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decks",
        abstract: "List the built-in decks, your decks in DATA_DIR/decks, and decks given by path.",
        discussion: "A deck file with a mistake is reported as path:line: what is wrong, and the command exits 2."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "Deck files to check and list besides the built-in and user decks.")
    var paths: [String] = []

    /// One line of the listing; `source` is the file of a deck that is not built in.
    struct Row {
        let id: String
        let name: String
        let language: Language
        let cardCount: Int
        let source: String?
    }

    func run() throws {
        // Built-in decks are counted, not generated: the listing shows no card.
        var rows: [Row] = BuiltInDecks.summaries().map {
            Row(id: $0.id, name: $0.name, language: $0.language, cardCount: $0.cardCount, source: nil)
        }
        var problems: [DeckDirectory.LoadError] = []
        var userPaths: [String] = []
        if let dir = DataDirectory.resolve(explicit: data.dataDir, environment: ProcessEnvironment.dataDirectory()) {
            // A data dir that is a file would silently hide every user deck; say so instead.
            var isDirectory = false
            if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory), !isDirectory {
                let message = "\(dir.path): found a file; expected a folder for the data dir (--data-dir)"
                writeStandardError(PrintableText.sanitize(message) + "\n")
                throw ExitCode(2)
            }
            userPaths = DeckDirectory.userDeckPaths(in: dir)
        }
        for (index, path) in (userPaths + paths).enumerated() {
            do {
                let deck = try DeckDirectory.load(path: path, inDataDir: index < userPaths.count)
                rows.append(Row(id: deck.id, name: deck.name, language: deck.language, cardCount: deck.cards.count, source: path))
            } catch {
                problems.append(error)
            }
        }

        var out = PrintableText.pad("ID", to: 24) + " CARDS  LANG  NAME\n"
        for row in rows {
            let id = PrintableText.sanitize(row.id)
            let count = String(row.cardCount)
            let name = PrintableText.sanitize(row.name)
            let source = row.source.map { "  (\(PrintableText.sanitize($0)))" } ?? ""
            out +=
                PrintableText.pad(id, to: 24) + " "
                + String(repeating: " ", count: max(0, 5 - count.count)) + count + "  "
                + PrintableText.pad(row.language.rawValue, to: 4) + "  " + name + source + "\n"
        }
        print(out, terminator: "")

        guard problems.isEmpty else {
            // Every mistake of every file, one line each, so one run shows what to fix.
            for problem in problems {
                for line in problem.lines { writeStandardError(PrintableText.sanitize(line) + "\n") }
            }
            // A bad deck is bad input (2); only a disk that fails us is a runtime failure (1).
            let onlyDisk = problems.allSatisfy { if case .unreadable = $0 { true } else { false } }
            throw ExitCode(onlyDisk ? 1 : 2)
        }
    }
}
