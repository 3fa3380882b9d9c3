import ArgumentParser
import FSRS
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckStore

/// `statusdeck stats`: how study is going, for people (text) or scripts (JSON, CSV).
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show answers, streaks, retention, forecast, hardest cards and mastery per class.",
        discussion: """
            Text fits 80 columns; colour only when stdout is a terminal and NO_COLOR is unset. \
            --json and --csv carry the same figures in the shapes documented in the README.
            """)

    @OptionGroup var data: DataOptions
    @Option(help: "Only the cards of this deck (an id from `statusdeck decks`).") var deck: String?
    /// Unconditional, so `--days -3` reaches `validate` instead of reading as an unknown option.
    @Option(parsing: .unconditional, help: "Days of answers per day to show, today included (1–3650).") var days = 30
    @Flag(help: "Print JSON for scripts.") var json = false
    @Flag(help: "Print CSV (metric,key,value) for scripts.") var csv = false
    @Option(help: "The instant to report at (RFC 3339); default now.") var now: String?

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be used together; pick one") }
        guard (1...3650).contains(days) else {
            throw ValidationError("--days: found \(days); expected a whole number of days from 1 to 3650")
        }
    }

    func run() throws {
        let at = try CommandContext.instant(fromNowOption: now)
        let dir = try CommandContext.directory(data)
        let file = try CommandContext.loadConfig(ConfigStore(directory: dir))
        let cards = try Self.cards(in: dir, deck: deck)
        let store = HistoryStore(directory: dir, clock: CommandContext.now, snapshotInBackground: true)
        let history = try CommandContext.loadHistory(store)
        let config = CommandContext.studyConfig(file, history: history, store: store)
        let scheduler: Scheduler
        do { scheduler = try Scheduler(config.schedulerConfiguration) } catch {
            throw Report.fail("\(dir.configPath): \(error)", code: 2)
        }
        let offset = CommandContext.utcOffsetSeconds(at: at)
        let input = StatsInput(
            history: history, scheduler: scheduler, cardKeys: cards, includeUnlisted: deck == nil,
            now: at, dayStartsAt: config.dayStartsAt, utcOffsetSeconds: offset,
            days: days, deck: deck,
            maxAnswerMilliseconds: Int32(config.maxAnswerSeconds * 1000))
        let report = StatsReport(input)
        let text: String
        if json {
            text = StatsJSONEncoder.encode(report)
        } else if csv {
            text = StatsCSVEncoder.encode(report)
        } else {
            text = StatsTextRenderer.render(report, colour: Self.wantsColour())
        }
        // JSON and CSV carry card ids as they are; on a terminal (not a pipe) they are defused
        // like an export to a terminal, so a card id cannot write the clipboard (OSC 52) or
        // recolour the screen. The text report sanitizes its own fields and keeps its colours.
        let shown = (json || csv) && isatty(STDOUT_FILENO) == 1 ? ExportCommand.displayable(text) : text
        // Not FileHandle.write, which traps on a full stdout; the exit path reports the failure.
        StandardOutput.write(shown)
    }

    /// The keys of the built-in decks' cards and the user's, or only `deck`'s. Keys, not cards:
    /// the report needs ids and codes, and writing six decks' text was most of an empty `stats`.
    static func cards(in dir: DataDirectory, deck: String?) throws -> [CardKey] {
        var userDecks: [Deck] = []
        for path in DeckDirectory.userDeckPaths(in: dir) {
            do {
                userDecks.append(try DeckDirectory.load(path: path, inDataDir: true))
            } catch {
                let onlyDisk = if case .unreadable = error { true } else { false }
                throw Report.fail(error.description, code: onlyDisk ? 1 : 2)
            }
        }
        guard let deck else {
            return BuiltInDecks.allCardKeys() + userDecks.flatMap { $0.cards.map(CardKey.init) }
        }
        // Built-in decks first, as in `decks`: a user deck with a built-in id is shadowed.
        if let keys = BuiltInDecks.cardKeys(id: deck) { return keys }
        guard let chosen = userDecks.first(where: { $0.id == deck }) else {
            let known = BuiltInDecks.headers.map(\.id) + userDecks.map(\.id)
            throw Report.fail(
                "--deck `\(deck)`: no such deck; expected one of: " + known.joined(separator: ", "), code: 2)
        }
        return chosen.cards.map(CardKey.init)
    }

    /// Colour only for a person at a terminal that can show it (https://no-color.org).
    static func wantsColour() -> Bool {
        let env = ProcessEnvironment.values("NO_COLOR", "TERM")
        guard isatty(1) == 1 else { return false }
        if let noColour = env["NO_COLOR"], !noColour.isEmpty { return false }
        return env["TERM"] != "dumb"
    }
}
