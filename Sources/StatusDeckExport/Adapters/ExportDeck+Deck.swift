import StatusDeckCore

extension ExportDeck {
    /// A StatusDeck deck as export notes: prompt, answer and explanation become Front, Back and
    /// Extra; with `history`, every note carries its card's schedule and answers.
    public init(_ deck: Deck, history: ExportHistory? = nil) {
        let language = deck.language.rawValue
        self.init(
            id: deck.id, name: deck.name, language: language,
            notes: deck.cards.map { card in
                let statusClass = card.code.map { $0 / 100 }
                let tags = ["statusdeck"] + (statusClass.map { ["\($0)xx"] } ?? []) + [card.kind.rawValue]
                return ExportNote(
                    cardID: card.id, guid: NoteGUID.make(cardID: card.id, language: language),
                    front: card.prompt, back: card.answer, extra: card.explanation, tags: tags,
                    statusClass: statusClass, scheduling: history.map { $0.scheduling(for: card.id) },
                    reviews: history?.reviews(for: card.id) ?? [])
            })
    }
}
