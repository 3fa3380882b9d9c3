import ArgumentParser
import FSRS
import Foundation
import StatusDeckCore
import StatusDeckStore
import StatusDeckTerminal
import StatusDeckUI

/// `statusdeck review` (and bare `statusdeck`): today's cards in an interactive quiz.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Study today's cards in the terminal (the default command).",
        discussion: "Keys: Space shows the answer, 1-4 grade it, ? lists every key, q quits. Each answer is saved before the next card appears.")

    @Option(help: "The deck to study: an id or name from `statusdeck decks`, or a path to a .deck file.")
    var deck: String?

    @Option(help: "Ask every card this way when it can be (default: each card's own mode).")
    var mode: QuizMode?

    @Option(help: "Stop after this many cards.")
    var limit: Int?

    @Option(help: "The language of the quiz and of the default deck (default: the config's language).")
    var lang: Language?

    @OptionGroup var data: DataOptions

    /// For the start-up benchmark: draw the first frame, restore the terminal, exit 0.
    @Flag(name: .customLong("exit-after-first-frame"), help: .hidden)
    var exitAfterFirstFrame = false

    /// For the crash-restore test: draw the first frame, then die of SIGSEGV with curses still
    /// running, as a bug would.
    @Flag(name: .customLong("crash-after-first-frame"), help: .hidden)
    var crashAfterFirstFrame = false

    /// Exit status when the terminal cannot run the quiz. Issue 5 and DESIGN.md fix it at 2: to the
    /// user an unusable terminal is bad input to fix (run it in a terminal, set TERM), like a bad option.
    static let terminalUnsuitable: Int32 = 2

    func validate() throws {
        if let limit, limit < 1 {
            throw ValidationError("--limit: found \(limit); expected a whole number of cards, 1 or more")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        // Refuse an unusable terminal first: it is the cheapest check and the likeliest mistake.
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
        let deckName = deck
        let finding = Background { () -> Result<Deck, DeckChoiceError> in
            Result { () throws(DeckChoiceError) -> Deck in
                try DeckChoice.find(deckName, language: language, dataDirectory: directory)
            }
        }
        let store = HistoryStore(directory: directory, clock: CommandContext.now, snapshotInBackground: true)
        let utcOffset = CommandContext.utcOffsetSeconds(at: CommandContext.now())
        // StatusDeck 1.x kept skips in a side file; today's become bury marks, once.
        let now = CommandContext.now()
        var ids = SystemRandomNumberGenerator()
        do {
            _ = try SkipList(directory: directory).migrate(
                into: store, dayStart: DailyQueue.dayStart(now: now, dayStartsAt: config.dayStartsAt, utcOffsetSeconds: utcOffset),
                now: now, ids: &ids)
        } catch {
            throw Report.fail(error)
        }
        // Warnings (a torn last line set aside) are printed here, before curses owns the screen.
        let history = try CommandContext.loadHistory(store)
        let chosen: Deck
        switch finding.value()
            ?? Result(catching: { () throws(DeckChoiceError) -> Deck in
                try DeckChoice.find(deckName, language: language, dataDirectory: directory)
            })
        {
        case .success(let d):
            chosen = d
        case .failure(let error):
            ReviewCommand.printError(error.message)
            throw ExitCode(2)
        }
        let session: StudySession
        do {
            session = try StudySession(
                history: history, config: config, utcOffsetSeconds: utcOffset,
                log: HistoryStudyLog(store: store), ids: SystemRandomNumberGenerator())
        } catch {
            throw Report.fail("\(directory.configPath): \(error); expected a valid scheduler configuration", code: 2)
        }
        let driver = StudyDriver(session: session, deck: chosen, limit: limit, config: config)

        let terminal: Terminal
        do {
            terminal = try Terminal.open(environment: environment)
        } catch {
            ReviewCommand.printError(error.message)
            throw ExitCode(ReviewCommand.terminalUnsuitable)
        }
        let quiz = Quiz(
            deckName: chosen.name, strings: .of(language), modeOverride: mode,
            hints: WrongAnswerHints(catalog: Catalog.all, language: language))
        var program = QuizProgram(quiz: quiz, driver: driver)
        let end = TerminalLoop.run(
            &program, on: terminal, clock: ReviewCommand.now,
            exitAfterFirstFrame: exitAfterFirstFrame || crashAfterFirstFrame)
        if crashAfterFirstFrame { raise(SIGSEGV) }
        terminal.restore()
        switch end {
        case .quit:
            print(program.quiz.summaryLine)
            // The session's answers reach the other machines without waiting for the next command.
            CommandContext.autoSync(store)
        case .firstFrameDrawn:
            break
        case .signal(let s):
            throw ExitCode(128 + s)
        case .hangup:
            // Answers are already saved; with no terminal there is no one to show a summary to.
            throw ExitCode(128 + SIGHUP)
        }
    }

    static func now() -> Int64 { CommandContext.now().milliseconds }

    static func printError(_ line: String) {
        // write(2), not FileHandle.write, which traps when stderr is full or closed.
        writeStandardError(TerminalText.sanitizeLine(line) + "\n")
    }
}
