import ArgumentParser
import Foundation
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
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw fail("\(output): could not create the folder (\(error.localizedDescription)); expected a writable folder")
        }
        for deck in BuiltInDecks.all() {
            let path = URL(fileURLWithPath: output).appendingPathComponent("\(deck.id).deck").path
            let shown = (output as NSString).appendingPathComponent("\(deck.id).deck")
            do {
                try DeckDirectory.writeAtomically(DeckFile.render(deck), to: path)
            } catch {
                throw fail("\(shown): could not be written (\(error.localizedDescription)); expected a writable folder")
            }
            print("wrote \(shown) (\(deck.cards.count) cards)")
        }
    }

    /// Says what went wrong on stderr and hands back the exit code for a runtime failure.
    private func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((PrintableText.sanitize(message) + "\n").utf8))
        return ExitCode(1)
    }
}
