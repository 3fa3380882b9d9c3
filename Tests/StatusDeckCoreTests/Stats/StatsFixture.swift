import FSRS

@testable import StatusDeckCore

/// A small history pinned to 2026-11-22 20:00 at UTC+8 (12:00 UTC), study days starting at 04:00,
/// chosen so every figure of the report has something to show and can be checked by hand.
enum StatsFixture {
    static let now = Instant(milliseconds: 1_795_348_800_000)  // 2026-11-22T12:00:00Z
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    static func ago(days: Int64, hours: Int64 = 0) -> Instant {
        Instant(milliseconds: now.milliseconds - days * day - hours * hour)
    }

    static func card(
        _ id: String, _ code: Int?, _ status: StatsInput.Status, s: Double? = nil, d: Double? = nil,
        last: Instant? = nil, interval: Int64? = nil, due: Instant? = nil, r: Double? = nil,
        lapses: Int = 0
    ) -> StatsInput.Card {
        let dueAt = due ?? last.flatMap { l in interval.map { Instant(milliseconds: l.milliseconds + $0 * day) } }
        return StatsInput.Card(
            id: id, code: code, status: status, stability: s, difficulty: d, due: dueAt,
            lastReview: last, retrievability: r, lapses: lapses, reps: lapses + 3)
    }

    static let cards: [StatsInput.Card] = [
        card("http/100/code-to-meaning", 100, .review, s: 40, d: 3.0, last: ago(days: 5), interval: 30, r: 0.97),
        card("http/200/code-to-meaning", 200, .review, s: 60, d: 2.5, last: ago(days: 2), interval: 45, r: 0.99),
        card("http/200/meaning-to-code", 200, .review, s: 8, d: 5.0, last: ago(days: 1), interval: 10, r: 0.93),
        card("http/204/code-to-meaning", 204, .review, s: 25, d: 4.0, last: ago(days: 20), interval: 25, r: 0.88, lapses: 1),
        card(
            "http/301/code-to-meaning", 301, .relearning, s: 1.2, d: 9.1, last: ago(days: 0, hours: 1),
            due: Instant(milliseconds: now.milliseconds + 600_000), r: 0.62, lapses: 9),
        card(
            "http/404/code-to-meaning", 404, .learning, s: 0.5, d: 6.0, last: ago(days: 0, hours: 2),
            due: Instant(milliseconds: now.milliseconds + day), r: 0.7),
        card("http/404/meaning-to-code", 404, .new),
        card("http/418/code-to-meaning", 418, .review, s: 30, d: 3.5, last: ago(days: 3), interval: 22, r: 0.91),
        card("http/503/code-to-meaning", 503, .suspended, s: 20, d: 8.0, last: ago(days: 30), interval: 20, r: 0.8, lapses: 8),
        card("http/5xx/class", nil, .review, s: 3, d: 4.0, last: ago(days: 5), interval: 3, r: 0.55),
    ]

    static func answer(
        _ card: Int32, _ at: Instant, _ rating: UInt8, _ ms: Int32 = 2000,
        _ stage: StatsInput.StageBefore = .review
    ) -> StatsInput.Answer {
        StatsInput.Answer(card: card, at: at, rating: rating, milliseconds: ms, stageBefore: stage)
    }

    static let answers: [StatsInput.Answer] = [
        // Today: three answers, two of them Again.
        answer(0, ago(days: 0, hours: 1), 3, 1500),
        answer(5, ago(days: 0, hours: 2), 1, 2500, .learning),
        answer(4, ago(days: 0, hours: 3), 1, 4000),
        // 03:00 local today is still yesterday's study day.
        answer(2, ago(days: 0, hours: 17), 1),
        answer(1, ago(days: 1), 3),
        answer(2, ago(days: 1, hours: 1), 2),
        answer(3, ago(days: 2), 4),
        // A five-day run two weeks ago: the longest streak.
        answer(0, ago(days: 10), 3), answer(0, ago(days: 11), 3), answer(0, ago(days: 12), 3),
        answer(0, ago(days: 13), 3), answer(0, ago(days: 14), 3),
        // First answers, spring.
        answer(0, ago(days: 200), 3, 3000, .new), answer(1, ago(days: 200), 3, 3000, .new),
        answer(2, ago(days: 200), 3, 3000, .new), answer(3, ago(days: 200), 1, 3000, .new),
        // More than a year ago: counts for the longest streak only.
        answer(9, ago(days: 400), 3, 1000, .new),
        // After now (a clock ahead, or --now in the past): ignored.
        answer(9, Instant(milliseconds: now.milliseconds + hour), 3),
    ]

    static var input: StatsInput {
        StatsInput(
            cards: cards, answers: answers, now: now, dayStartsAt: 4, utcOffsetSeconds: 28_800,
            desiredRetention: 0.9, days: 30, deck: nil)
    }
}
