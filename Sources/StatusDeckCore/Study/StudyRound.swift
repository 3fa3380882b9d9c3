import FSRS
import StatusDeckHistory

/// One sitting over one deck: which card comes next, and the answers, buries and suspends that
/// undo takes back in order. The policy of a study session, kept apart from how the quiz shows it.
public struct StudyRound {
    public private(set) var session: StudySession
    /// The deck's distinct card ids, in deck order.
    public let deckCards: [String]
    /// End after this many answers and skips.
    public let limit: Int?
    /// Answers and marks of this sitting, newest last, each with the events that undo takes back
    /// (an answer that made a card a leech may have suspended it too).
    private var actions: [Action] = []
    /// After an undo, the card taken back is asked again first.
    private var comeBack: String?
    /// Set by the answer that made its card a leech, cleared by the next action.
    public private(set) var leech: LeechFlag?

    private struct Action {
        var card: String
        var answered: Bool
        var tokens: [UndoToken]
    }

    /// An answer made its card a leech.
    public struct LeechFlag: Equatable, Sendable {
        public var card: String
        public var lapses: Int
        /// Whether it was suspended (`leech_action = suspend`).
        public var suspended: Bool
    }

    /// How far ahead a learning card may be asked early, like Anki's learn-ahead limit.
    public static let learnAheadSeconds: Int64 = 20 * 60

    /// What to do now.
    public enum Next: Equatable {
        /// Ask `card`; `queue` is what is left today, and `aheadOfTime` says the card was taken
        /// early (a learning card due within the learn-ahead limit).
        case ask(card: String, queue: StudyQueue, aheadOfTime: Bool)
        /// Nothing to ask: what is left today, and when the next card is due.
        case finished(queue: StudyQueue, nextDue: Instant?)
    }

    public init(session: StudySession, deckCards: [String], limit: Int?) {
        self.session = session
        var seen: Set<String> = []
        self.deckCards = deckCards.filter { seen.insert($0).inserted }
        self.limit = limit
    }

    /// Begins the sitting: cards buried or suspended stay away (the queue leaves them out).
    public mutating func start(now: Instant) -> Next {
        next(now: now)
    }

    /// Saves an answer; throws (and changes nothing) when it could not be saved. An answer that
    /// makes the card a leech sets `leech`, and with `leech_action = suspend` suspends the card.
    public mutating func answer(_ answer: StudyAnswer, now: Instant) throws -> Next {
        let before = session.lapses(of: answer.card)
        let token = try session.answer(answer, now: now)
        var action = Action(card: answer.card, answered: true, tokens: [token])
        leech = nil
        let after = session.lapses(of: answer.card)
        let threshold = session.config.leechThreshold
        if Leech.flags(before: before, after: after, threshold: threshold) {
            var suspended = false
            if session.config.leechAction == .suspend {
                // The answer is saved either way; a suspend that could not be saved leaves the
                // card in study, and the notice does not claim otherwise.
                if let t = try? session.mark(answer.card, .suspend, now: now) {
                    action.tokens.append(t)
                    suspended = true
                }
            }
            leech = LeechFlag(card: answer.card, lapses: after, suspended: suspended)
        }
        actions.append(action)
        return next(now: now)
    }

    /// Puts a card away until the next study day.
    public mutating func bury(_ card: String, now: Instant) throws -> Next {
        try mark(card, .bury, now: now)
    }

    /// Takes a card out of study until it is unsuspended.
    public mutating func suspend(_ card: String, now: Instant) throws -> Next {
        try mark(card, .suspend, now: now)
    }

    private mutating func mark(_ card: String, _ mark: CardMark, now: Instant) throws -> Next {
        let token = try session.mark(card, mark, now: now)
        leech = nil
        actions.append(Action(card: card, answered: false, tokens: [token]))
        return next(now: now)
    }

    /// Suspends or unsuspends a card from outside the sitting's run of cards (the card browser):
    /// saved like any mark, but not one `undo` takes back (the opposite mark does). The queue
    /// follows at once: a suspended card is not asked again.
    public mutating func setSuspended(_ card: String, _ suspended: Bool, now: Instant) throws {
        _ = try session.mark(card, suspended ? .suspend : .unsuspend, now: now)
    }

    /// Takes back the last answer, bury or suspend, and asks that card again.
    public mutating func undo(now: Instant) throws -> Next {
        guard var last = actions.popLast() else { return next(now: now) }
        leech = nil
        // Newest event first; what could not be undone stays, so `u` can try again.
        while let token = last.tokens.last {
            do { try session.undo(token, now: now) } catch {
                actions.append(last)
                throw error
            }
            last.tokens.removeLast()
        }
        comeBack = last.card
        return next(now: now)
    }

    /// Today's queue: buried and suspended cards are already left out.
    public func queue(now: Instant) -> StudyQueue {
        session.queue(deckCards: deckCards, now: now)
    }

    /// The card to ask now, or the end.
    public mutating func next(now: Instant) -> Next {
        let q = queue(now: now)
        if let card = comeBack {
            comeBack = nil
            return .ask(card: card, queue: q, aheadOfTime: false)
        }
        if let limit, actions.count >= limit { return finished(now: now) }
        if let card = q.cards.first { return .ask(card: card, queue: q, aheadOfTime: false) }
        // A card in learning due within minutes is asked now rather than ending the sitting a
        // minute before it comes back.
        if let card = learnAhead(now: now) { return .ask(card: card, queue: q, aheadOfTime: true) }
        return finished(now: now)
    }

    /// The end: what is left today, and when the soonest card is due (now, while any is left).
    public func finished(now: Instant) -> Next {
        let q = queue(now: now)
        var due: Instant? = q.nextDue
        if !q.cards.isEmpty { due = now }
        // Cards answered in this sitting are due at their own times; the soonest is next.
        for action in actions where action.answered {
            if let s = session.schedule(of: action.card), s.due > now { due = due.map { min($0, s.due) } ?? s.due }
        }
        return .finished(queue: q, nextDue: due)
    }

    private func learnAhead(now: Instant) -> String? {
        let limit = now.adding(seconds: Self.learnAheadSeconds)
        let marks = session.marks, dayStart = session.dayStart(now)
        var best: (Instant, String)?
        for card in deckCards where !marks.suspended.contains(card) && !marks.isBuried(card, dayStart: dayStart) {
            guard let s = session.schedule(of: card), s.stage != .review, s.due <= limit else { continue }
            if best.map({ s.due < $0.0 }) ?? true { best = (s.due, card) }
        }
        return best?.1
    }
}
