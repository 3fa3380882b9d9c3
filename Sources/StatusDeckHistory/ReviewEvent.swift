import FSRS

/// One answer: a card was graded at an instant. One line of the history file.
///
/// The value callers see; a `History` keeps its reviews packed (`PackedReview`, 40 bytes and no
/// references) and makes one of these on demand.
public struct ReviewEvent: Hashable, Sendable {
    public var id: EventID
    /// Stable card id, e.g. `http/404/code-to-meaning`; the same in every deck and language.
    public var card: String
    /// The deck the card was studied from, when known.
    public var deck: String?
    public var at: Instant
    private(set) var storedMilliseconds: UInt32
    public var rating: Rating
    private(set) var storedMode: UInt8
    /// Whether a typed or chosen answer was right; absent for flip cards.
    public var correct: Bool?

    public static let noMilliseconds = UInt32.max

    /// How it was asked: `flip`, `type` or `choice`, when known (other values are not kept).
    public var mode: String? {
        get {
            switch storedMode {
            case 1: return "flip"
            case 2: return "type"
            case 3: return "choice"
            default: return nil
            }
        }
        set { storedMode = Self.encode(mode: newValue) }
    }

    /// How long the answer took, in milliseconds, when measured (kept up to about 49 days).
    public var answerMilliseconds: Int? {
        get { storedMilliseconds == Self.noMilliseconds ? nil : Int(storedMilliseconds) }
        set { storedMilliseconds = Self.encode(milliseconds: newValue) }
    }

    /// From the packed fields as they are stored (see `PackedReview`).
    init(
        id: EventID, card: String, deck: String?, at: Instant, storedMilliseconds: UInt32, rating: Rating,
        storedMode: UInt8, correct: Bool?
    ) {
        self.id = id
        self.card = card
        self.deck = deck
        self.at = at
        self.storedMilliseconds = storedMilliseconds
        self.rating = rating
        self.storedMode = storedMode
        self.correct = correct
    }

    static func encode(mode: String?) -> UInt8 {
        switch mode {
        case "flip": return 1
        case "type": return 2
        case "choice": return 3
        default: return 0
        }
    }

    static func encode(milliseconds: Int?) -> UInt32 {
        guard let milliseconds else { return noMilliseconds }
        return min(UInt32(clamping: max(0, milliseconds)), noMilliseconds - 1)
    }

    public init(
        id: EventID, card: String, at: Instant, rating: Rating, deck: String? = nil,
        mode: String? = nil, answerMilliseconds: Int? = nil, correct: Bool? = nil
    ) {
        self.id = id
        self.card = card
        self.deck = deck
        self.at = at
        self.storedMilliseconds = Self.encode(milliseconds: answerMilliseconds)
        self.rating = rating
        self.storedMode = Self.encode(mode: mode)
        self.correct = correct
    }
}
