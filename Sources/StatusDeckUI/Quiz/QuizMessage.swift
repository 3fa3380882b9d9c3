import FSRS
import StatusDeckCore

/// Everything that can happen to the quiz: keys and resizes from the terminal, signals, and the
/// driver's replies to effects.
public enum QuizMessage: Hashable, Sendable {
    case key(Key)
    /// The terminal changed size; the view is drawn for the new size.
    case resize(width: Int, height: Int)
    /// The next card to ask (after a start, an answer, a skip or an undo).
    case show(QuizItem, QueueCounts)
    /// No cards are left (or the user asked to stop): show the summary, with what is still
    /// queued and how long until the next card is due (0: now; nil: nothing is scheduled).
    case finished(QueueCounts, nextDueIn: Int64?)
    /// The answer just saved made `card` a leech (forgotten `lapses` times); `suspended` when
    /// `leech_action = suspend` took it out of study.
    case leech(card: String, lapses: Int, suspended: Bool)
    /// The driver could not do what an effect asked (e.g. the disk is full); the text is shown
    /// and the answer can be given again.
    case failed(String)
    /// SIGINT, SIGTERM or SIGHUP: stop now; everything is already saved.
    case interrupted
    /// The cards for the browser the quiz asked to open (`.openBrowser`).
    case browse(BrowserContent)
    /// A reply for the open browser.
    case browser(BrowserMessage)
}

/// One answer, as it is recorded.
public struct Answer: Hashable, Sendable {
    public var cardID: String
    public var grade: Rating
    public var mode: QuizMode
    /// From the card appearing to the grade being given.
    public var answerMillis: Int64
    /// Whether a typed or chosen answer was right; nil for flip, where only the grade says.
    public var correct: Bool?

    public init(cardID: String, grade: Rating, mode: QuizMode, answerMillis: Int64, correct: Bool?) {
        self.cardID = cardID
        self.grade = grade
        self.mode = mode
        self.answerMillis = answerMillis
        self.correct = correct
    }
}

/// What the quiz asks the outside world to do. The driver performs each and replies with
/// messages (`show`, `finished` or `failed`).
public enum QuizEffect: Hashable, Sendable {
    /// Save this answer durably, then send the next card.
    case record(Answer)
    /// Take back the last answer, bury or suspend, then send that card again.
    case undo
    /// Put the card away until the next study day, then send the next card.
    case bury(cardID: String)
    /// Take the card out of study until it is unsuspended, then send the next card.
    case suspend(cardID: String)
    /// The user wants to stop: send `finished` with when the next card is due.
    case finish
    /// Open the card browser: send `browse` with every card of the deck.
    case openBrowser
    /// Something the open browser asks (its info, a suspend): reply with `browser` messages.
    case browser(BrowserEffect)
    /// The card shown left study (suspended in the browser): send the card to ask now.
    case nextCard
    /// Leave the program.
    case quit
}
