/// One card as every export format sees it: plain text fields, already in the deck's language.
///
/// Export has its own small model instead of reading `Card` directly, so the encoders are
/// indifferent to how decks and history are stored and can be tested with a few literal notes.
public struct ExportNote: Hashable, Sendable {
    /// The StatusDeck card id, e.g. `http/404/code-to-meaning`.
    public var cardID: String
    /// Anki's note identity: importing a note with a known guid updates it instead of adding one.
    public var guid: String
    public var front: String
    public var back: String
    public var extra: String
    /// Anki tags: no spaces inside one (encoders turn any into `_`).
    public var tags: [String]
    /// The status class, 1 for 1xx … 5xx; nil for a card about no single class.
    public var statusClass: Int?
    /// The card's state from the review history; nil when exporting without history.
    public var scheduling: ExportScheduling?
    /// The card's answers, oldest first; empty when exporting without history.
    public var reviews: ExportReviews

    public init(
        cardID: String, guid: String, front: String, back: String, extra: String = "",
        tags: [String] = [], statusClass: Int? = nil, scheduling: ExportScheduling? = nil,
        reviews: ExportReviews = []
    ) {
        self.cardID = cardID
        self.guid = guid
        self.front = front
        self.back = back
        self.extra = extra
        self.tags = tags
        self.statusClass = statusClass
        self.scheduling = scheduling
        self.reviews = reviews
    }
}
