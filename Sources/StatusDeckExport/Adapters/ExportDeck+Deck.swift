import StatusDeckCore
import StatusDeckHistory

extension ExportDeck {
    /// A StatusDeck deck as export notes: prompt, answer and explanation become Front, Back and
    /// Extra; with `history`, every note carries its card's schedule and answers (this one deck is
    /// all that is exported, so it gets every answer its cards were given, wherever).
    public init(_ deck: Deck, history: ExportHistory? = nil) {
        self = Self.decks([deck], history: history, language: deck.language.rawValue)[0]
    }

    /// Several decks exported together, each answer under exactly one note (`assign`), so Anki
    /// counts every review once, as `statusdeck stats` does. Each note's state is the fold of its
    /// own answers: all of the card's when one deck is exported (Replay's state).
    public static func decks(_ decks: [Deck], history: ExportHistory?, language: String) -> [ExportDeck] {
        let owners = history.map { assign($0, decks: decks, language: language) }
        var exported = decks.enumerated().map { index, deck in
            let deckLanguage = deck.language.rawValue
            return ExportDeck(
                id: deck.id, name: deck.name, language: deckLanguage,
                notes: deck.cards.map { card in
                    let statusClass = card.code.map { $0 / 100 }
                    let tags = ["statusdeck"] + (statusClass.map { ["\($0)xx"] } ?? []) + [card.kind.rawValue]
                    var reviews = ExportReviews([])
                    if let history, let owners {
                        let mine = UInt16(index)
                        let count = history.order[history.ranges[card.id] ?? 0..<0].reduce(0) {
                            $0 + (owners.owner[Int($1)] == mine ? 1 : 0)
                        }
                        reviews = ExportReviews(history: history, card: card.id, owners: owners, decks: [mine], count: count)
                    }
                    return ExportNote(
                        cardID: card.id, guid: NoteGUID.make(cardID: card.id, language: deckLanguage),
                        front: card.prompt, back: card.answer, extra: card.explanation, tags: tags,
                        statusClass: statusClass, reviews: reviews)
                })
        }
        guard history != nil else { return exported }
        // Each note's state is a fold of its answers through the scheduler (a million answers: about
        // a second), note by note independent, so two threads take half the notes each.
        let places = exported.indices.flatMap { d in exported[d].notes.indices.map { (d, $0) } }
        let reviews = places.map { exported[$0.0].notes[$0.1].reviews }
        var states = [ExportScheduling?](repeating: nil, count: places.count)
        states.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(buffer)
            TwoLanes.run { part in
                for k in stride(from: part, to: reviews.count, by: 2) { out.buffer[k] = reviews[k].scheduling() }
            }
        }
        for (k, (d, n)) in places.enumerated() { exported[d].notes[n].scheduling = states[k] }
        return exported
    }

    /// Which exported deck each answer goes with, so that it is exported once:
    /// 1. the deck it was answered in, if that deck is exported and has the card;
    /// 2. else the first exported deck in `language` (the user's) that has the card;
    /// 3. else the first exported deck that has the card (with one deck exported: that deck);
    /// 4. else none: no exported deck has the card.
    static func assign(_ history: ExportHistory, decks: [Deck], language: String) -> ExportAnswerOwners {
        precondition(decks.count < Int(ExportAnswerOwners.none), "more decks than an answer's owner can name")
        // For each card id, the exported decks that have it, in export order.
        var holders: [String: [UInt16]] = [:]
        for (index, deck) in decks.enumerated() {
            for card in deck.cards where holders[card.id]?.last != UInt16(index) {
                holders[card.id, default: []].append(UInt16(index))
            }
        }
        var byID: [String: UInt16] = [:]
        for (index, deck) in decks.enumerated() where byID[deck.id] == nil { byID[deck.id] = UInt16(index) }
        let packed = history.history.packed
        var owner = [UInt16](repeating: ExportAnswerOwners.none, count: packed.count)
        for (card, range) in history.ranges {
            guard let candidates = holders[card] else { continue }
            let fallback = candidates.first { decks[Int($0)].language.rawValue == language } ?? candidates[0]
            // Decks answered in, by the history's deck number: few per card, so looked up once each.
            var resolved: [UInt32: UInt16] = [:]
            for position in history.order[range] {
                let p = packed[Int(position)]
                if let known = resolved[p.deck] {
                    owner[Int(position)] = known
                    continue
                }
                var chosen = fallback
                if let name = history.history.deckID(of: p), let index = byID[name], candidates.contains(index) {
                    chosen = index
                }
                resolved[p.deck] = chosen
                owner[Int(position)] = chosen
            }
        }
        return ExportAnswerOwners(owner)
    }
}
