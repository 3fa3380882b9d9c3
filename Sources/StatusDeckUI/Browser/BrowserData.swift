import FSRS
import StatusDeckCore
import StatusDeckHistory

/// Builds the browser's rows and a card's info from the replayed history and the deck's cards:
/// pure, at an instant passed in.
public enum BrowserData {
    /// How far the memory curve looks ahead, in days.
    public static let curveDays = 90

    /// One row per distinct card of `cards`, in deck order. `dayStart` is when the current study
    /// day began (a bury lasts until the next one).
    public static func rows(cards: [Card], replay: Replay, now: Instant, dayStart: Instant) -> [BrowserRow] {
        var seen: Set<String> = []
        var rows: [BrowserRow] = []
        for card in cards where seen.insert(card.id).inserted {
            rows.append(row(card, replay: replay, now: now, dayStart: dayStart))
        }
        return rows
    }

    public static func row(_ card: Card, replay: Replay, now: Instant, dayStart: Instant) -> BrowserRow {
        var row = BrowserRow(
            cardID: card.id, code: card.code, prompt: card.prompt, answer: card.answer, state: .new,
            suspended: replay.marks.suspended.contains(card.id), buried: replay.marks.isBuried(card.id, dayStart: dayStart))
        guard let record = replay.cards[card.id] else { return row }
        let s = record.schedule
        switch s.stage {
        case .learning: row.state = .learning
        case .review: row.state = .review
        case .relearning: row.state = .relearning
        }
        row.due = s.due
        row.stability = s.stability
        row.recall = replay.scheduler.retrievability(of: s, at: now)
        row.lapses = record.lapses
        row.reps = record.reps
        return row
    }

    /// The card's answers, each with the interval it gave (its answers folded through the
    /// scheduler exactly as replay folds them), and its recall from now to `curveDays` ahead.
    public static func info(_ card: Card, replay: Replay, now: Instant) -> CardInfo {
        let scheduler = replay.scheduler
        var schedule: Schedule?
        var lines: [AnswerLine] = []
        for (count, r) in replay.answers(of: card.id).enumerated() {
            let before = schedule ?? Schedule.new(due: r.at)
            let after = scheduler.review(before, rating: r.rating, at: r.at, fuzz: Fuzz.unit(cardID: card.id, reviewCount: count))
            schedule = after
            lines.append(
                AnswerLine(
                    at: r.at, rating: r.rating, intervalMilliseconds: after.due.milliseconds - r.at.milliseconds, due: after.due,
                    answerMilliseconds: r.answerMilliseconds, correct: r.correct))
        }
        var curve: [Double] = []
        if let s = replay.cards[card.id]?.schedule ?? schedule {
            curve = (0...curveDays).map { scheduler.retrievability(of: s, at: now.adding(seconds: Int64($0) * 86_400)) }
        }
        return CardInfo(
            cardID: card.id, prompt: card.prompt, answer: card.answer, difficulty: replay.cards[card.id]?.schedule.difficulty,
            answers: lines, recallByDay: curve)
    }
}
