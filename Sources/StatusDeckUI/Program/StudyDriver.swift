import FSRS
import StatusDeckCore

/// The quiz's driver for a study session: it turns the round's next card into a quiz item with
/// its interval previews, and the quiz's answers, skips and undos into the round's. Which card
/// comes next, and saving each answer before it, is the round's (`StudyRound`, in Core).
public struct StudyDriver: QuizDriver {
    public internal(set) var round: StudyRound
    public var session: StudySession { round.session }
    let deck: Deck
    /// For `max_answer_seconds`: an answer records at most that long.
    let config: StudyConfig
    let cardsByID: [String: Card]

    public init(session: StudySession, deck: Deck, limit: Int?, config: StudyConfig = .default) {
        var byID: [String: Card] = [:]
        var order: [String] = []
        for card in deck.cards where byID[card.id] == nil {
            byID[card.id] = card
            order.append(card.id)
        }
        self.round = StudyRound(session: session, deckCards: order, limit: limit)
        self.deck = deck
        self.config = config
        self.cardsByID = byID
    }

    public mutating func start(now: Int64) -> [QuizMessage] {
        let now = Instant(milliseconds: now)
        return [message(round.start(now: now), now: now)]
    }

    public mutating func perform(_ effect: QuizEffect, now ms: Int64) -> [QuizMessage] {
        let now = Instant(milliseconds: ms)
        do {
            switch effect {
            case .record(let answer):
                let entry = StudyAnswer(
                    card: answer.cardID, rating: answer.grade, deck: deck.id, mode: answer.mode.rawValue,
                    answerMilliseconds: config.cappedAnswerMilliseconds(answer.answerMillis), correct: answer.correct)
                let next = try round.answer(entry, now: now)
                let leech = round.leech.map { QuizMessage.leech(card: $0.card, lapses: $0.lapses, suspended: $0.suspended) }
                return (leech.map { [$0] } ?? []) + [message(next, now: now)]
            case .bury(let card):
                return [message(try round.bury(card, now: now), now: now)]
            case .suspend(let card):
                return [message(try round.suspend(card, now: now), now: now)]
            case .undo:
                return [message(try round.undo(now: now), now: now)]
            case .finish:
                return [message(round.finished(now: now), now: now)]
            case .openBrowser:
                return [.browse(browse(now: ms))]
            case .browser(let e):
                return perform(e, now: ms).map(QuizMessage.browser)
            case .nextCard:
                return [message(round.next(now: now), now: now)]
            case .quit:
                return []
            }
        } catch {
            // Nothing changed: the quiz stays on the card and says why.
            return [.failed(StudyDriver.describe(error))]
        }
    }

    // MARK: -

    private static func counts(_ q: StudyQueue) -> QueueCounts {
        QueueCounts(new: q.new.count, learning: q.learning.count, due: q.reviews.count)
    }

    private func message(_ next: StudyRound.Next, now: Instant) -> QuizMessage {
        switch next {
        case .ask(let card, let queue, let aheadOfTime):
            var counts = StudyDriver.counts(queue)
            if aheadOfTime { counts.learning += 1 }
            guard let item = item(card, now: now) else { return message(round.finished(now: now), now: now) }
            return .show(item, counts)
        case .finished(let queue, let due):
            return .finished(StudyDriver.counts(queue), nextDueIn: due.map { max(0, $0.milliseconds - now.milliseconds) })
        }
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
        let lapses = session.lapses(of: id)
        let isLeech = Leech.isLeech(lapses: lapses, threshold: config.leechThreshold)
        return QuizItem(
            cardID: card.id, prompt: card.prompt, answer: card.answer, accepted: card.accepted,
            choices: StudyDriver.options(for: card), explanation: card.explanation,
            mode: card.mode, intervals: intervals, stage: stage, code: card.code, lapses: lapses, isLeech: isLeech,
            contrasts: isLeech ? StudyDriver.contrasts(in: card.explanation) : [])
    }

    /// The explanation's lines that set the card against the codes it is mixed up with (the
    /// generator starts each with "≠").
    static func contrasts(in explanation: String) -> [String] {
        explanation.split(separator: "\n").map { String($0.drop { $0 == " " }) }.filter { $0.hasPrefix("≠") }
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
