import FSRS
import StatusDeckCore

/// The quiz's driver for a study session: it asks the session for today's queue, turns cards into
/// quiz items with their interval previews, and has each answer saved before the next card is
/// shown. The session carries the store; this only translates between it and the quiz.
public struct StudyDriver: QuizDriver {
    public private(set) var session: StudySession
    let deck: Deck
    let limit: Int?
    /// For `max_answer_seconds`: an answer records at most that long.
    let config: StudyConfig
    private let cardsByID: [String: Card]
    private let deckCardIDs: [String]
    /// Answers and skips of this session, newest last, so `u` can take them back in order.
    private var actions: [Action] = []
    /// Cards skipped until tomorrow: left out of this session's queue.
    private var skipped: Set<String> = []
    /// After an undo, the card taken back is asked again first.
    private var comeBack: String?

    private enum Action {
        case answered(card: String, token: UndoToken)
        case skipped(card: String)
    }

    public init(session: StudySession, deck: Deck, limit: Int?, config: StudyConfig = .default) {
        self.session = session
        self.config = config
        self.deck = deck
        self.limit = limit
        var byID: [String: Card] = [:]
        var order: [String] = []
        for card in deck.cards where byID[card.id] == nil {
            byID[card.id] = card
            order.append(card.id)
        }
        cardsByID = byID
        deckCardIDs = order
    }

    public mutating func start(now: Int64) -> [QuizMessage] {
        skipped = session.skippedToday(now: Instant(milliseconds: now))
        return [next(now: Instant(milliseconds: now))]
    }

    public mutating func perform(_ effect: QuizEffect, now ms: Int64) -> [QuizMessage] {
        let now = Instant(milliseconds: ms)
        switch effect {
        case .record(let answer):
            let rating = answer.grade
            let entry = StudyAnswer(
                card: answer.cardID, rating: rating, deck: deck.id, mode: answer.mode.rawValue,
                answerMilliseconds: config.cappedAnswerMilliseconds(answer.answerMillis), correct: answer.correct)
            do {
                let token = try session.answer(entry, now: now)
                actions.append(.answered(card: answer.cardID, token: token))
            } catch {
                return [.failed(StudyDriver.describe(error))]
            }
            return [next(now: now)]
        case .skip(let card):
            do { try session.setSkipped(card, true, now: now) } catch {
                return [.failed(StudyDriver.describe(error))]
            }
            skipped.insert(card)
            actions.append(.skipped(card: card))
            return [next(now: now)]
        case .undo:
            guard let last = actions.popLast() else { return [next(now: now)] }
            switch last {
            case .answered(let card, let token):
                do { try session.undo(token, now: now) } catch {
                    actions.append(last)
                    return [.failed(StudyDriver.describe(error))]
                }
                comeBack = card
            case .skipped(let card):
                do { try session.setSkipped(card, false, now: now) } catch {
                    actions.append(last)
                    return [.failed(StudyDriver.describe(error))]
                }
                skipped.remove(card)
                comeBack = card
            }
            return [next(now: now)]
        case .finish:
            return [finished(now: now)]
        case .quit:
            return []
        }
    }

    // MARK: -

    private func queue(now: Instant) -> StudyQueue {
        var q = session.queue(deckCards: deckCardIDs, now: now)
        q.learning.removeAll { skipped.contains($0) }
        q.reviews.removeAll { skipped.contains($0) }
        q.new.removeAll { skipped.contains($0) }
        return q
    }

    private static func counts(_ q: StudyQueue) -> QueueCounts {
        QueueCounts(new: q.new.count, learning: q.learning.count, due: q.reviews.count)
    }

    private mutating func next(now: Instant) -> QuizMessage {
        let q = queue(now: now)
        if let card = comeBack, let item = item(card, now: now) {
            comeBack = nil
            return .show(item, StudyDriver.counts(q))
        }
        comeBack = nil
        if let limit, actions.count >= limit { return finished(now: now) }
        for card in q.cards {
            if let item = item(card, now: now) { return .show(item, StudyDriver.counts(q)) }
        }
        // Like Anki's learn-ahead limit: a card in learning due within minutes is asked now
        // rather than ending the session a minute before it comes back.
        if let card = learnAhead(now: now), let item = item(card, now: now) {
            var counts = StudyDriver.counts(q)
            counts.learning += 1
            return .show(item, counts)
        }
        return finished(now: now)
    }

    /// How far ahead a learning card may be asked early.
    static var learnAheadSeconds: Int64 { 20 * 60 }

    private func learnAhead(now: Instant) -> String? {
        let limit = now.adding(seconds: StudyDriver.learnAheadSeconds)
        var best: (Instant, String)?
        for card in deckCardIDs where !skipped.contains(card) {
            guard let s = session.schedule(of: card), s.stage != .review, s.due <= limit else { continue }
            if best.map({ s.due < $0.0 }) ?? true { best = (s.due, card) }
        }
        return best?.1
    }

    private func finished(now: Instant) -> QuizMessage {
        let q = queue(now: now)
        var due: Instant? = q.nextDue
        if !q.cards.isEmpty { due = now }
        // Cards answered in this session are due at their own times; the soonest is next.
        for case .answered(let card, _) in actions {
            if let s = session.schedule(of: card), s.due > now { due = due.map { min($0, s.due) } ?? s.due }
        }
        return .finished(StudyDriver.counts(q), nextDueIn: due.map { max(0, $0.milliseconds - now.milliseconds) })
    }

    private func item(_ id: String, now: Instant) -> QuizItem? {
        guard let card = cardsByID[id] else { return nil }
        let intervals = session.preview(card: id, now: now).map {
            IntervalText.short(milliseconds: $0.due.milliseconds - now.milliseconds)
        }
        let stage: QuizItem.Stage
        switch session.schedule(of: id)?.stage {
        case nil: stage = .new
        case .review?: stage = .review
        case .learning?, .relearning?: stage = .learning
        }
        return QuizItem(
            cardID: card.id, prompt: card.prompt, answer: card.answer, accepted: card.accepted,
            choices: StudyDriver.options(for: card), explanation: card.explanation,
            mode: card.mode, intervals: intervals, stage: stage)
    }

    /// Up to four options: the answer and the first three distractors, the answer's place fixed
    /// by the card id so a card looks the same each time without any randomness.
    static func options(for card: Card) -> [String] {
        var options: [String] = []
        for c in card.choices where c != card.answer && !options.contains(c) && options.count < 3 { options.append(c) }
        guard !options.isEmpty else { return [] }
        options.insert(card.answer, at: Int(StableHash.fnv1a(card.id) % UInt64(options.count + 1)))
        return options
    }

    static func describe(_ error: Error) -> String { String(describing: error) }
}
