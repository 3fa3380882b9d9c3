import ArgumentParser
import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import StatusDeckStore

/// `statusdeck cards`: every card's state, derived by replaying the history.
struct CardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List each card's state: stage, step, stability, difficulty, recall chance, due date.",
        discussion: "Cards answered in the past but no longer in any deck are listed too.")

    @OptionGroup var data: DataOptions
    @Option(help: "Only the cards of this deck (and history cards last answered in it).") var deck: String?
    @Flag(help: "Print JSON instead of a table.") var json = false
    @Option(help: "The instant to compute recall at (RFC 3339); default now.") var now: String?

    func run() throws {
        let at = try CommandContext.instant(fromNowOption: now)
        let dir = try CommandContext.directory(data)
        let config = try CommandContext.loadConfig(ConfigStore(directory: dir))
        let history = try CommandContext.loadHistory(HistoryStore(directory: dir, clock: CommandContext.now))
        let scheduler: Scheduler
        do { scheduler = try Scheduler(config.schedulerConfiguration) } catch {
            throw Report.fail("\(dir.configPath): \(error)", code: 2)
        }
        let replay = Replay(history: history, scheduler: scheduler)
        var decks = BuiltInDecks.all()
        for path in DeckDirectory.userDeckPaths(in: dir) {
            do { decks.append(try DeckDirectory.load(path: path, inDataDir: true)) } catch { Report.warn("\(error.description); its cards are not listed") }
        }
        if let deck, !decks.contains(where: { $0.id == deck }), !replay.cards.values.contains(where: { $0.deck == deck }) {
            throw Report.fail("--deck `\(deck)`: no such deck; expected one of " + decks.map(\.id).joined(separator: ", "), code: 2)
        }
        // Not an error: said once on stderr (after any error could have been), while stdout
        // stays the plain listing.
        for warning in HistoryAudit(history: history, now: at).warnings(path: dir.historyPath) { Report.warn(warning) }
        let rows = CardRow.rows(replay: replay, decks: decks, deck: deck, at: at)
        print(json ? CardRow.json(rows) : CardRow.table(rows), terminator: "")
    }
}
