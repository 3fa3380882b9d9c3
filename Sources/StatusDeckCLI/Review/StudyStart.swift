import ArgumentParser
import FSRS
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckStore
import StatusDeckTerminal
import StatusDeckUI

/// What the quiz and the card browser do before their first frame and after their last: the
/// same checks in the same order, so the two full-screen commands cannot drift apart (they once
/// did: the browser skipped the 1.x skip-file migration and did not sync its marks on quit).
struct StudyStart {
    let directory: DataDirectory
    let config: StudyConfig
    let language: Language
    let deck: Deck
    let store: HistoryStore
    let driver: StudyDriver
    let terminal: Terminal

    /// Refuses an unusable terminal first (the cheapest check and the likeliest mistake), then
    /// loads config, history (syncing first when `sync_dir` is set) and deck, and opens the
    /// terminal last, so every warning and error is printed before curses owns the screen.
    static func open(data: DataOptions, deck deckName: String?, lang: Language?, limit: Int?) throws -> StudyStart {
        let environment = ProcessEnvironment.values("TERM", "NO_COLOR")
        do {
            try Terminal.checkEnvironment(environment)
        } catch {
            ReviewCommand.printError(error.message)
            throw ExitCode(ReviewCommand.terminalUnsuitable)
        }
        let directory = try CommandContext.directory(data)
        CommandContext.prepareForWriting()
        // The file alone until the history is loaded: the language and the folders stay on this
        // machine, so the deck can be found meanwhile; the rest may come from setting events.
        let fileConfig = try CommandContext.loadConfig(ConfigStore(directory: directory))
        let language = lang ?? fileConfig.language
        // The deck is found while the history loads: a user deck is parsed in full.
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
                into: store, dayStart: DailyQueue.dayStart(now: now, dayStartsAt: fileConfig.dayStartsAt, utcOffsetSeconds: utcOffset),
                now: now, ids: &ids)
        } catch {
            throw Report.fail(error)
        }
        let history = try CommandContext.loadHistory(store)
        let config = CommandContext.studyConfig(fileConfig, history: history, store: store)
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
        return StudyStart(
            directory: directory, config: config, language: language, deck: chosen, store: store, driver: driver, terminal: terminal)
    }

    /// After the terminal is restored: on a quit, `summary` (if any) is printed and the session's
    /// answers and marks go to the sync folder at once; a signal or a hang-up exits 128 + its
    /// number (answers are already saved; with no terminal there is no one to show a summary to).
    func finish(_ end: TerminalLoop.End, summary: String?) throws {
        switch end {
        case .quit:
            if let summary { print(summary) }
            _ = CommandContext.autoSync(store)
        case .firstFrameDrawn:
            break
        case .signal(let s):
            throw ExitCode(128 + s)
        case .hangup:
            throw ExitCode(128 + SIGHUP)
        }
    }
}
