import ArgumentParser
import FSRS
import Foundation
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
        let environment = ProcessInfo.processInfo.environment
        do {
            try Terminal.checkEnvironment(environment)
        } catch {
            ReviewCommand.printError(error.message)
            throw ExitCode(ReviewCommand.terminalUnsuitable)
        }
        let directory = try CommandContext.directory(data)
        CommandContext.prepareForWriting()
        let config = try CommandContext.loadConfig(ConfigStore(directory: directory))
        let language = lang ?? config.language
        let chosen: Deck
        do {
            chosen = try DeckChoice.find(deck, language: language, dataDirectory: directory)
        } catch {
            ReviewCommand.printError(error.message)
            throw ExitCode(2)
        }
        let store = HistoryStore(directory: directory, clock: CommandContext.now)
        let history = try CommandContext.loadHistory(store)
        let session: StudySession
        do {
            session = try StudySession(
                history: history, config: config, utcOffsetSeconds: CommandContext.utcOffsetSeconds(at: CommandContext.now()),
                log: HistoryStudyLog(store: store), ids: SystemRandomNumberGenerator())
        } catch {
            throw Report.fail("\(directory.configPath): \(error); expected a valid scheduler configuration", code: 2)
        }
        let driver = StudyDriver(session: session, deck: chosen, limit: nil, config: config)
        let terminal: Terminal
        do {
            terminal = try Terminal.open(environment: environment)
        } catch {
            ReviewCommand.printError(error.message)
            throw ExitCode(ReviewCommand.terminalUnsuitable)
        }
        var program = BrowserProgram(deckName: chosen.name, strings: .of(language), driver: driver)
        let end = TerminalLoop.run(&program, on: terminal, clock: ReviewCommand.now, exitAfterFirstFrame: exitAfterFirstFrame)
        terminal.restore()
        switch end {
        case .quit, .firstFrameDrawn:
            break
        case .signal(let s):
            throw ExitCode(128 + s)
        case .hangup:
            throw ExitCode(128 + SIGHUP)
        }
    }
}
