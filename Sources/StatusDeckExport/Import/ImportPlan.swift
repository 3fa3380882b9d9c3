import FSRS
import StatusDeckCore
import StatusDeckHistory

/// What an import would bring in, before anything is written: the cards for one user deck, and
/// the answers as compact rows (a million of them are 24 bytes each, not a million events).
public struct ImportPlan: Sendable {
    /// One answer to import (24 bytes).
    public struct Review: Sendable, Hashable {
        /// The answer's time in milliseconds since 1970: Anki's revlog id, which is also what
        /// its event id is made from.
        public var at: Int64
        /// Index into `cards` (or `extraCardIDs` past its end, for a review log without notes).
        public var card: Int32
        /// How long the answer took, in ms; negative when unknown.
        public var milliseconds: Int32
        public var rating: UInt8
    }

    /// What was read, for the summary: "Anki package (collection.anki21b)".
    public var format: String
    /// A name for the deck when the user gives none (the most common Anki deck, or the file).
    public var suggestedName: String
    public var cards: [Card] = []
    /// Card ids that have answers but no card (a review log carries no notes).
    public var extraCardIDs: [String] = []
    public var reviews: [Review] = []
    /// What was left out and why, with counts, in the order first met.
    public var skipped: [(what: String, count: Int)] = []
    public var warnings: [String] = []
    /// Namespaces event ids, so the same row from another kind of file is another event.
    public var eventSource: String

    public init(format: String, suggestedName: String, eventSource: String) {
        self.format = format
        self.suggestedName = suggestedName
        self.eventSource = eventSource
    }

    mutating func skip(_ what: String, _ count: Int = 1) {
        guard count > 0 else { return }
        if let i = skipped.firstIndex(where: { $0.what == what }) {
            skipped[i].count += count
        } else {
            skipped.append((what, count))
        }
    }

    public func cardID(_ review: Review) -> String {
        let i = Int(review.card)
        return i < cards.count ? cards[i].id : extraCardIDs[i - cards.count]
    }

    /// The history event for each answer, by index into `reviews`: its id is a hash of the
    /// source, the card and the revlog id (`eventID`), so importing the same file again, or on
    /// another machine, gives the same ids. Each card's part of the hash is computed once.
    public func events(deck: String) -> (Int) -> ReviewEvent {
        let ids = cards.map(\.id) + extraCardIDs
        let prefixes = ids.map { Self.prefixHashes(source: eventSource, card: $0) }
        let reviews = self.reviews
        return { i in
            let review = reviews[i]
            let card = Int(review.card)
            return ReviewEvent(
                id: Self.eventID(prefixes[card], row: review.at), card: ids[card],
                at: Instant(milliseconds: review.at), rating: Rating(rawValue: Int(review.rating)) ?? .good, deck: deck,
                mode: "flip", answerMilliseconds: review.milliseconds < 0 ? nil : Int(review.milliseconds))
        }
    }

    /// Two independent 64-bit FNV-1a hashes of `statusdeck-import␟SOURCE␟CARD␟ROW` (the second
    /// from another offset basis), each finished with SplitMix64's mixer: a 128-bit id that is the
    /// same on every machine and never changes.
    public static func eventID(source: String, card: String, row: Int64) -> EventID {
        eventID(prefixHashes(source: source, card: card), row: row)
    }

    static let secondBasis = StableHash.fnv1a("second half")

    static func prefixHashes(source: String, card: String) -> (UInt64, UInt64) {
        let prefix = "statusdeck-import\u{1F}\(source)\u{1F}\(card)\u{1F}"
        return (StableHash.fnv1a(prefix), StableHash.fnv1a(prefix, from: secondBasis))
    }

    static func eventID(_ prefix: (UInt64, UInt64), row: Int64) -> EventID {
        let digits = String(row)
        let high = StableHash.mix(StableHash.fnv1a(digits, from: prefix.0))
        let low = StableHash.mix(StableHash.fnv1a(digits, from: prefix.1) ^ 0x5DEE_CE66_D1CE_5EED)
        return EventID(high: high, low: low)
    }

    /// The language a deck of these cards should say: `zh` when most cards hold CJK text.
    public var language: Language {
        let cjk = cards.filter { card in
            (card.prompt + card.answer).unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        }
        return cjk.count * 2 > cards.count ? .zh : .en
    }

    /// The deck file's cards: `existing` ones keep their place and take the imported wording;
    /// new ones follow in import order. Cards only in `existing` stay.
    public func mergedCards(with existing: [Card]) -> [Card] {
        var imported: [String: Card] = [:]
        for card in cards { imported[card.id] = card }
        var seen = Set<String>()
        var out: [Card] = []
        for card in existing {
            out.append(imported[card.id] ?? card)
            seen.insert(card.id)
        }
        for card in cards where !seen.contains(card.id) { out.append(card) }
        return out
    }

    /// A card as import makes it: front and back, flipped and graded by hand.
    static func card(id: String, front: String, back: String, explanation: String = "") -> Card {
        Card(id: id, kind: .codeToMeaning, prompt: front, answer: back, explanation: explanation, mode: .flip)
    }
}
