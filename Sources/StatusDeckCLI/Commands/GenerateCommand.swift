import ArgumentParser
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckStore

/// `statusdeck generate`: writes the built-in decks out as `.deck` files.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the built-in decks, generated from the catalog, as .deck files.",
        discussion: "Each file is written to a temporary name and renamed into place, so a reader never sees half a deck."
    )

    @Option(name: .customLong("output"), help: "The folder to write into.")
    var output: String = "Decks"

    func run() throws {
        // A wrong --output is the user's mistake (2); a folder we cannot write is the disk's (1).
        guard !output.isEmpty else {
            throw fail("statusdeck generate: found an empty --output; expected a folder to write the decks into", code: 2)
        }
        var isDirectory = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), !isDirectory {
            throw fail("\(output): found a file; expected a folder to write the decks into", code: 2)
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw fail("\(output): could not create the folder (\(SystemReason.of(error))); expected a writable folder")
        }
        for deck in BuiltInDecks.all() {
            let path = URL(fileURLWithPath: output).appendingPathComponent("\(deck.id).deck").path
            // As the user wrote the folder, one slash before the name (as NSString joined them).
            let shown = (output.hasSuffix("/") ? output : output + "/") + "\(deck.id).deck"
            do {
                try DeckDirectory.writeAtomically(DeckFile.render(deck), to: path)
            } catch {
                throw fail("\(shown): could not be written (\(SystemReason.of(error))); expected a writable folder")
            }
            print("wrote \(PrintableText.sanitize(shown)) (\(deck.cards.count) cards)")
        }
    }

    /// Says what went wrong on stderr and hands back the exit code (a runtime failure by default).
    private func fail(_ message: String, code: Int32 = 1) -> ExitCode {
        writeStandardError(PrintableText.sanitize(message) + "\n")
        return ExitCode(code)
    }
}
