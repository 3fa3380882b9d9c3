/// What history and stats know of a card: its id and the code it is about. Listing a deck's
/// keys needs no card text, so it costs a small part of writing the deck.
public struct CardKey: Sendable, Hashable {
    /// As `Card.id`.
    public let id: String
    /// As `Card.code`.
    public let code: Int?

    public init(id: String, code: Int?) {
        self.id = id
        self.code = code
    }

    public init(_ card: Card) {
        self.init(id: card.id, code: card.code)
    }
}
