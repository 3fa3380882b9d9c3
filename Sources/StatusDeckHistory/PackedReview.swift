import FSRS

/// A review as a `History` keeps it: 40 bytes and no references.
///
/// A history holds a million of these. `ReviewEvent` holds two Strings (32 bytes, and a reference
/// count touched on every copy); here the card and deck are positions in the history's string
/// tables, so loading, replaying and freeing a million reviews never touches a reference count,
/// and the whole array is 40 MB instead of 64.
public struct PackedReview: Equatable, Sendable, BitwiseCopyable {
    public internal(set) var id: EventID
    public internal(set) var at: Int64
    /// `ReviewEvent.storedMilliseconds`: `UInt32.max` when not measured.
    public internal(set) var milliseconds: UInt32
    /// Position of the card id in the table it was numbered in.
    public internal(set) var card: UInt32
    /// 0 when no deck was named, else the deck's position in its table + 1.
    public internal(set) var deck: UInt32
    public internal(set) var rating: UInt8
    /// Bits 0–2 the mode (`ReviewEvent.storedMode`), bits 3–4 `correct` (0 absent, 1 false, 2 true).
    public internal(set) var flags: UInt8

    @inline(__always)
    static func flags(storedMode: UInt8, correct: Bool?) -> UInt8 {
        storedMode & 7 | (correct.map { $0 ? 2 : 1 } ?? 0) << 3
    }

    public var storedMode: UInt8 { flags & 7 }

    public var correct: Bool? {
        switch flags >> 3 & 3 {
        case 1: return false
        case 2: return true
        default: return nil
        }
    }

    public var instant: Instant { Instant(milliseconds: at) }

    /// `rating` was checked when the review was parsed or packed, so it is always 1...4.
    public var ratingValue: Rating { Rating(rawValue: Int(rating)) ?? .good }
}

/// A history's reviews in file order, each unpacked into a `ReviewEvent` when read.
public struct ReviewList: RandomAccessCollection, Equatable, Sendable {
    let packed: [PackedReview]
    let cards: [String]
    let decks: [String]

    public var startIndex: Int { 0 }
    public var endIndex: Int { packed.count }

    public subscript(position: Int) -> ReviewEvent {
        let p = packed[position]
        return ReviewEvent(
            id: p.id, card: cards[Int(p.card)], deck: p.deck == 0 ? nil : decks[Int(p.deck) - 1],
            at: p.instant, storedMilliseconds: p.milliseconds, rating: p.ratingValue,
            storedMode: p.storedMode, correct: p.correct)
    }

    public static func == (a: ReviewList, b: ReviewList) -> Bool { a.elementsEqual(b) }
    public static func == (a: ReviewList, b: [ReviewEvent]) -> Bool { a.elementsEqual(b) }
}
