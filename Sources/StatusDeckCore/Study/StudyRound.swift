import FSRS
import StatusDeckHistory

/// One sitting over one deck: which card comes next, and the answers and skips that `u` takes
/// back in order. The policy of a study session, kept apart from how the quiz shows it.
public struct StudyRound {
    public private(set) var session: StudySession
    /// The deck's distinct card ids, in deck order.
    public let deckCards: [String]
    /// End after this many answers and skips.
    public let limit: Int?
    /// Answers and skips of this sitting, newest last.
    private var actions: [Action] = []
    /// Cards skipped until tomorrow: left out of the queue.
    private var skipped: Set<String> = []
    /// After an undo, the card taken back is asked again first.
    private var comeBack: String?

    private enum Action {
        case answered(card: String, token: UndoToken)
        case skipped(card: String)
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

    /// Begins the sitting: cards already skipped today stay away.
    public mutating func start(now: Instant) -> Next {
        skipped = session.skippedToday(now: now)
        return next(now: now)
    }

    /// Saves an answer; throws (and changes nothing) when it could not be saved.
    public mutating func answer(_ answer: StudyAnswer, now: Instant) throws -> Next {
        let token = try session.answer(answer, now: now)
        actions.append(.answered(card: answer.card, token: token))
        return next(now: now)
    }

    /// Puts a card away until the next study day.
    public mutating func skip(_ card: String, now: Instant) throws -> Next {
        try session.setSkipped(card, true, now: now)
        skipped.insert(card)
        actions.append(.skipped(card: card))
        return next(now: now)
    }

    /// Takes back the last answer or skip, and asks that card again.
    public mutating func undo(now: Instant) throws -> Next {
        guard let last = actions.popLast() else { return next(now: now) }
        do {
            switch last {
            case .answered(let card, let token):
                try session.undo(token, now: now)
                comeBack = card
            case .skipped(let card):
                try session.setSkipped(card, false, now: now)
                skipped.remove(card)
                comeBack = card
            }
        } catch {
            actions.append(last)
            throw error
        }
        return next(now: now)
    }

    /// Today's queue without the skipped cards.
    public func queue(now: Instant) -> StudyQueue {
        var q = session.queue(deckCards: deckCards, now: now)
        q.learning.removeAll { skipped.contains($0) }
        q.reviews.removeAll { skipped.contains($0) }
        q.new.removeAll { skipped.contains($0) }
        return q
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
        for case .answered(let card, _) in actions {
            if let s = session.schedule(of: card), s.due > now { due = due.map { min($0, s.due) } ?? s.due }
        }
        return .finished(queue: q, nextDue: due)
    }

    private func learnAhead(now: Instant) -> String? {
        let limit = now.adding(seconds: Self.learnAheadSeconds)
        var best: (Instant, String)?
        for card in deckCards where !skipped.contains(card) {
            guard let s = session.schedule(of: card), s.stage != .review, s.due <= limit else { continue }
            if best.map({ s.due < $0.0 }) ?? true { best = (s.due, card) }
        }
        return best?.1
    }
}
