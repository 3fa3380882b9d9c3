/// A named list of cards in one language, as read from or written to a `.deck` file.
public struct Deck: Sendable, Hashable {
    /// Stable name, also the file name: "http-all-zh" is `Decks/http-all-zh.deck`.
    public let id: String
    /// What people see in lists.
    public let name: String
    public let language: Language
    public let cards: [Card]

    public init(id: String, name: String, language: Language, cards: [Card]) {
        self.id = id
        self.name = name
        self.language = language
        self.cards = cards
    }
}
