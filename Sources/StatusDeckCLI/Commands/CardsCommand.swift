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
        let at = try Output.instant(fromNowOption: now)
        let dir = try Output.directory(data)
        let config = try Output.loadConfig(ConfigStore(directory: dir))
        let history = try Output.loadHistory(HistoryStore(directory: dir, clock: Output.now))
        let scheduler: Scheduler
        do { scheduler = try Scheduler(config.schedulerConfiguration) } catch {
            throw Output.fail("\(dir.configPath): \(error)", code: 2)
        }
        let replay = Replay(history: history, scheduler: scheduler)
        var decks = BuiltInDecks.all()
        for path in DeckDirectory.userDeckPaths(in: dir) {
            do { decks.append(try DeckDirectory.load(path: path, inDataDir: true)) } catch { Output.warn("\(error.description); its cards are not listed") }
        }
        if let deck, !decks.contains(where: { $0.id == deck }), !replay.cards.values.contains(where: { $0.deck == deck }) {
            throw Output.fail("--deck `\(deck)`: no such deck; expected one of " + decks.map(\.id).joined(separator: ", "), code: 2)
        }
        // Not an error: said once on stderr (after any error could have been), while stdout
        // stays the plain listing.
        for warning in HistoryAudit(history: history, now: at).warnings(path: dir.historyPath) { Output.warn(warning) }
        let rows = CardRow.rows(replay: replay, decks: decks, deck: deck, at: at)
        print(json ? CardRow.json(rows) : CardRow.table(rows), terminator: "")
    }
}

/// One line of `statusdeck cards`.
struct CardRow {
    var id: String
    var deck: String?
    var state: String
    var step: Int?
    var stability: Double?
    var difficulty: Double?
    var retrievability: Double?
    var due: Instant?
    var lastReview: Instant?
    var reps: Int
    var lapses: Int

    /// Every card of the decks (never answered ones as `new`) and every card in the history,
    /// including cards no deck holds any more: history is never hidden.
    static func rows(replay: Replay, decks: [Deck], deck: String?, at: Instant) -> [CardRow] {
        var deckOf: [String: String] = [:]
        for d in decks where deck == nil || d.id == deck {
            for card in d.cards where deckOf[card.id] == nil { deckOf[card.id] = d.id }
        }
        let answered = replay.cards.values.filter { deck == nil || $0.deck == deck || deckOf[$0.card] != nil }
        let fresh = deckOf.keys.filter { replay.cards[$0] == nil }.map { id in
            CardRow(
                id: id, deck: deckOf[id], state: "new", step: nil, stability: nil, difficulty: nil,
                retrievability: nil, due: nil, lastReview: nil, reps: 0, lapses: 0)
        }
        return (rows(answered, replay: replay, at: at) + fresh).sorted { $0.id < $1.id }
    }

    static func rows(_ records: [CardRecord], replay: Replay, at: Instant) -> [CardRow] {
        records.map { r in
            let s = r.schedule
            let state: String
            switch s.stage {
            case .learning: state = "learning"
            case .review: state = "review"
            case .relearning: state = "relearning"
            }
            return CardRow(
                id: r.card, deck: r.deck, state: state, step: s.step, stability: s.stability,
                difficulty: s.difficulty, retrievability: replay.scheduler.retrievability(of: s, at: at),
                due: s.due, lastReview: r.lastReview, reps: r.reps, lapses: r.lapses)
        }
    }

    static func table(_ rows: [CardRow]) -> String {
        let header = ["CARD", "DECK", "STATE", "STEP", "STABILITY", "DIFFICULTY", "RECALL", "DUE", "LAST REVIEW", "REPS", "LAPSES"]
        var cells = [header]
        for r in rows {
            cells.append([
                Output.clean(r.id), Output.clean(r.deck ?? "-"), r.state, r.step.map(String.init) ?? "-",
                r.stability.map { fixed($0, 2) } ?? "-", r.difficulty.map { fixed($0, 2) } ?? "-",
                r.retrievability.map { fixed($0, 3) } ?? "-", r.due.map(RFC3339.format) ?? "-",
                r.lastReview.map(RFC3339.format) ?? "-", String(r.reps), String(r.lapses),
            ])
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.unicodeScalars.count) } }
        return cells.map { row in
            row.enumerated().map { i, c in
                i == row.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.unicodeScalars.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func json(_ rows: [CardRow]) -> String {
        var out = "[\n"
        for (n, r) in rows.enumerated() {
            var fields: [String] = []
            fields.append("\"id\":" + quote(r.id))
            fields.append("\"deck\":" + (r.deck.map(quote) ?? "null"))
            fields.append("\"state\":" + quote(r.state))
            fields.append("\"step\":" + (r.step.map(String.init) ?? "null"))
            fields.append("\"stability\":" + (r.stability.map { fixed($0, 4) } ?? "null"))
            fields.append("\"difficulty\":" + (r.difficulty.map { fixed($0, 4) } ?? "null"))
            fields.append("\"retrievability\":" + (r.retrievability.map { fixed($0, 4) } ?? "null"))
            fields.append("\"due\":" + (r.due.map { quote(RFC3339.format($0)) } ?? "null"))
            fields.append("\"last_review\":" + (r.lastReview.map { quote(RFC3339.format($0)) } ?? "null"))
            fields.append("\"reps\":\(r.reps)")
            fields.append("\"lapses\":\(r.lapses)")
            out += "  {" + fields.joined(separator: ",") + "}" + (n == rows.count - 1 ? "\n" : ",\n")
        }
        return out + "]\n"
    }

    /// JSON string by the one rule (`JSONString`): control and format characters escaped, so the
    /// output is terminal-safe too.
    static func quote(_ s: String) -> String { JSONString.quoted(s) }

    static func fixed(_ v: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", v)
    }
}
