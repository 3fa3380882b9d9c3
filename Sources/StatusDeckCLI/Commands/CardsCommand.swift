import ArgumentParser
import FSRS
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckHistory
import StatusDeckStore

/// `statusdeck cards`: every card's state, derived by replaying the history; `cards suspend`,
/// `unsuspend`, `bury` and `unbury` mark cards.
struct CardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List each card's state, or suspend, unsuspend, bury or unbury cards.",
        subcommands: [List.self, Mark.Suspend.self, Mark.Unsuspend.self, Mark.Bury.self, Mark.Unbury.self],
        defaultSubcommand: List.self)

    /// The listing.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List each card's state: stage, step, stability, difficulty, recall chance, due date.",
            discussion: "Cards answered in the past but no longer in any deck are listed too.")

        @OptionGroup var data: DataOptions
        @Option(help: "Only the cards of this deck (and history cards last answered in it).") var deck: String?
        @Flag(help: "Only leeches: cards forgotten `leech_threshold` times or more.") var leeches = false
        @Flag(help: "Print JSON instead of a table.") var json = false
        @Flag(
            help: """
                Every column in full (instants, decks, steps, last review), however wide; the table \
                otherwise fits the terminal (80 columns when not a terminal).
                """)
        var wide = false
        @Option(help: "The instant to compute recall at (RFC 3339); default now.") var now: String?

        func run() throws {
            let at = try CommandContext.instant(fromNowOption: now)
            let context = try CardsContext(data)
            let replay = context.replay
            if let deck, !context.decks.contains(where: { $0.id == deck }), !replay.cards.values.contains(where: { $0.deck == deck }) {
                throw Report.fail("--deck `\(deck)`: no such deck; expected one of " + context.decks.map(\.id).joined(separator: ", "), code: 2)
            }
            // Not an error: said once on stderr (after any error could have been), while stdout
            // stays the plain listing.
            for warning in HistoryAudit(history: context.history, now: at).warnings(path: context.directory.historyPath) { Report.warn(warning) }
            let dayStart = DailyQueue.dayStart(
                now: at, dayStartsAt: context.config.dayStartsAt, utcOffsetSeconds: CommandContext.utcOffsetSeconds(at: CommandContext.now()))
            var rows = CardRow.rows(
                replay: replay, decks: context.decks, deck: deck, at: at,
                marks: CardRow.Marks(replay.marks, dayStart: dayStart, leechThreshold: context.config.leechThreshold))
            if leeches { rows.removeAll { !$0.leech } }
            print(json ? CardRow.json(rows) : CardRow.table(rows, width: wide ? nil : CardRow.outputWidth()), terminator: "")
        }
    }

    /// What the commands share: the data dir, its settings, history and decks.
    struct CardsContext {
        let directory: DataDirectory
        let config: StudyConfig
        let store: HistoryStore
        let history: History
        let replay: Replay
        let decks: [DeckCardIDs]

        init(_ data: DataOptions) throws {
            directory = try CommandContext.directory(data)
            let file = try CommandContext.loadConfig(ConfigStore(directory: directory))
            store = HistoryStore(directory: directory, clock: CommandContext.now, snapshotInBackground: true)
            history = try CommandContext.loadHistory(store)
            config = CommandContext.studyConfig(file, history: history, store: store)
            let scheduler: Scheduler
            do { scheduler = try Scheduler(config.schedulerConfiguration) } catch {
                throw Report.fail("\(directory.configPath): \(error)", code: 2)
            }
            replay = Replay(history: history, scheduler: scheduler)
            // Built-in decks by their cards' ids alone: the listing writes no card's text.
            var decks = DeckCardIDs.builtIn()
            for path in DeckDirectory.userDeckPaths(in: directory) {
                do {
                    decks.append(DeckCardIDs(try DeckDirectory.load(path: path, inDataDir: true)))
                } catch {
                    Report.warn("\(error.description); its cards are not listed")
                }
            }
            self.decks = decks
        }
    }

    /// Suspending and burying from the command line: one mark a card, appended under the
    /// history's lock like answers, undone by the opposite command.
    enum Mark {
        struct Options: ParsableArguments {
            @OptionGroup var data: DataOptions
            @Argument(help: "Card ids, as `statusdeck cards` lists them.") var cards: [String]
        }

        static func run(_ options: Options, _ mark: CardMark) throws {
            let context = try CardsContext(options.data)
            var known: Set<String> = Set(context.replay.cards.keys)
            for deck in context.decks { known.formUnion(deck.cardIDs) }
            for card in options.cards where !known.contains(card) {
                throw Report.fail("no card \(Report.clean("`\(card)`")); expected a card id as `statusdeck cards` lists them", code: 2)
            }
            let now = CommandContext.now()
            let dayStart = DailyQueue.dayStart(
                now: now, dayStartsAt: context.config.dayStartsAt, utcOffsetSeconds: CommandContext.utcOffsetSeconds(at: CommandContext.now()))
            let marks = context.replay.marks
            var ids = SystemRandomNumberGenerator()
            var records: [HistoryRecord] = []
            var unchanged: [String] = []
            var seen: Set<String> = []
            for card in options.cards where seen.insert(card).inserted {
                let already: Bool
                switch mark {
                case .suspend: already = marks.suspended.contains(card)
                case .unsuspend: already = !marks.suspended.contains(card)
                case .bury: already = marks.isBuried(card, dayStart: dayStart)
                case .unbury: already = !marks.isBuried(card, dayStart: dayStart)
                }
                if already {
                    unchanged.append(card)
                } else {
                    records.append(.mark(CardMarkEvent(id: EventID.random(using: &ids), card: card, at: now, mark: mark)))
                }
            }
            if !records.isEmpty {
                CommandContext.prepareForWriting()
                do { try context.store.append(contentsOf: records) } catch { throw Report.fail(error) }
            }
            let done = records.compactMap { r -> String? in if case .mark(let m) = r { m.card } else { nil } }
            let verb = Self.verb(mark)
            if !done.isEmpty { print(Report.clean("\(verb.done) \(done.count) card\(done.count == 1 ? "" : "s"): " + done.joined(separator: ", "))) }
            if !unchanged.isEmpty { print(Report.clean("\(verb.already): " + unchanged.joined(separator: ", "))) }
        }

        static func verb(_ mark: CardMark) -> (done: String, already: String) {
            switch mark {
            case .suspend: ("Suspended", "Already suspended")
            case .unsuspend: ("Unsuspended", "Not suspended")
            case .bury: ("Buried until the next study day", "Already buried")
            case .unbury: ("Unburied", "Not buried")
            }
        }

        struct Suspend: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "suspend", abstract: "Take cards out of study until they are unsuspended.")
            @OptionGroup var options: Options
            func run() throws { try Mark.run(options, .suspend) }
        }

        struct Unsuspend: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "unsuspend", abstract: "Bring suspended cards back into study.")
            @OptionGroup var options: Options
            func run() throws { try Mark.run(options, .unsuspend) }
        }

        struct Bury: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "bury", abstract: "Put cards away until the next study day.")
            @OptionGroup var options: Options
            func run() throws { try Mark.run(options, .bury) }
        }

        struct Unbury: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "unbury", abstract: "Bring cards buried today back.")
            @OptionGroup var options: Options
            func run() throws { try Mark.run(options, .unbury) }
        }
    }
}
