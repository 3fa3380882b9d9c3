import FSRS
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckHistory

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
    var suspended = false
    var buried = false
    var leech = false

    /// What the marks and the leech threshold say of each card.
    struct Marks {
        var suspended: Set<String> = []
        var buried: Set<String> = []
        var leechThreshold = 0

        init() {}

        init(_ marks: CardMarks, dayStart: Instant, leechThreshold: Int) {
            suspended = marks.suspended
            buried = marks.buried(dayStart: dayStart)
            self.leechThreshold = leechThreshold
        }

        func apply(to row: inout CardRow) {
            row.suspended = suspended.contains(row.id)
            row.buried = buried.contains(row.id)
            row.leech = Leech.isLeech(lapses: row.lapses, threshold: leechThreshold)
        }
    }

    /// What the FLAGS column shows.
    var flags: String {
        let f = [suspended ? "suspended" : nil, buried ? "buried" : nil, leech ? "leech" : nil].compactMap { $0 }
        return f.isEmpty ? "-" : f.joined(separator: ",")
    }

    /// Every card of the decks (never answered ones as `new`) and every card in the history,
    /// including cards no deck holds any more: history is never hidden.
    static func rows(replay: Replay, decks: [DeckCardIDs], deck: String?, at: Instant, marks: Marks = Marks()) -> [CardRow] {
        var deckOf: [String: String] = [:]
        for d in decks where deck == nil || d.id == deck {
            for card in d.cardIDs where deckOf[card] == nil { deckOf[card] = d.id }
        }
        let answered = replay.cards.values.filter { deck == nil || $0.deck == deck || deckOf[$0.card] != nil }
        let fresh = deckOf.keys.filter { replay.cards[$0] == nil }.map { id in
            CardRow(
                id: id, deck: deckOf[id], state: "new", step: nil, stability: nil, difficulty: nil,
                retrievability: nil, due: nil, lastReview: nil, reps: 0, lapses: 0)
        }
        var all = rows(answered, replay: replay, at: at) + fresh
        for i in all.indices { marks.apply(to: &all[i]) }
        return all.sorted { $0.id < $1.id }
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

    /// A number with `digits` decimals, as both listings print them.
    static func fixed(_ v: Double, _ digits: Int) -> String {
        FixedDecimal.format(v, digits: digits)
    }
}

/// A deck as the card listing needs it: its id and its cards' ids, in deck order. Built-in decks
/// give these without their cards being written (`BuiltInDecks.cardKeys(id:)`).
struct DeckCardIDs {
    let id: String
    let cardIDs: [String]

    init(id: String, cardIDs: [String]) {
        self.id = id
        self.cardIDs = cardIDs
    }

    init(_ deck: Deck) {
        self.init(id: deck.id, cardIDs: deck.cards.map(\.id))
    }

    /// Every built-in deck, in the order of `BuiltInDecks.all()`.
    static func builtIn() -> [DeckCardIDs] {
        BuiltInDecks.headers.map { header in
            DeckCardIDs(id: header.id, cardIDs: (BuiltInDecks.cardKeys(id: header.id) ?? []).map(\.id))
        }
    }
}
