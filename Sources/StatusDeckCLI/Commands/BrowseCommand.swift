import ArgumentParser
import FSRS
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckStore
import StatusDeckTerminal
import StatusDeckUI

/// `statusdeck browse`: the card browser on its own, as `/` opens it in the quiz.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse a deck's cards in the terminal: search, card info, suspend and unsuspend.",
        discussion:
            "Type to search by code, card id or text; Enter shows a card's answers and memory curve; @ suspends or unsuspends; Esc or q leaves. The same browser opens with / in the quiz."
    )

    @Option(help: "The deck to browse (see `statusdeck decks`).")
    var deck: String?

    @Option(help: "The language of the browser and of the default deck (default: the config's language).")
    var lang: Language?

    @OptionGroup var data: DataOptions

    /// For tests: draw the first frame, restore the terminal, exit 0.
    @Flag(name: .customLong("exit-after-first-frame"), help: .hidden)
    var exitAfterFirstFrame = false

    func run() throws {
        let start = try StudyStart.open(data: data, deck: deck, lang: lang, limit: nil)
        var program = BrowserProgram(deckName: start.deck.name, strings: .of(start.language), driver: start.driver)
        let end = TerminalLoop.run(&program, on: start.terminal, clock: ReviewCommand.now, exitAfterFirstFrame: exitAfterFirstFrame)
        start.terminal.restore()
        try start.finish(end, summary: nil)
    }
}
