import ArgumentParser
import FSRS
import FoundationEssentials
import Glibc
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
        let start = try StudyStart.open(data: data, deck: deck, lang: lang, limit: limit)
        let quiz = Quiz(
            deckName: start.deck.name, strings: .of(start.language), modeOverride: mode,
            hints: WrongAnswerHints(catalog: Catalog.all, language: start.language))
        var program = QuizProgram(quiz: quiz, driver: start.driver)
        let end = TerminalLoop.run(
            &program, on: start.terminal, clock: ReviewCommand.now,
            exitAfterFirstFrame: exitAfterFirstFrame || crashAfterFirstFrame)
        if crashAfterFirstFrame { raise(SIGSEGV) }
        start.terminal.restore()
        try start.finish(end, summary: program.quiz.summaryLine)
    }

    static func now() -> Int64 { CommandContext.now().milliseconds }

    static func printError(_ line: String) {
        // write(2), not FileHandle.write, which traps when stderr is full or closed.
        writeStandardError(TerminalText.sanitizeLine(line) + "\n")
    }
}
