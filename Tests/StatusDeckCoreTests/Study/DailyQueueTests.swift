import FSRS
import StatusDeckHistory
import Testing

@testable import StatusDeckCore

@Suite struct DailyQueueTests {
    // 2026-11-22T10:00:00Z
    static let now = Instant(milliseconds: 1_795_341_600_000)
    let scheduler: Scheduler
    init() throws { scheduler = try Scheduler(.default) }

    func event(_ n: UInt64, _ card: String, hoursAgo: Int64, _ rating: Rating = .good) -> HistoryRecord {
        .review(ReviewEvent(id: EventID(high: 0, low: n), card: card, at: Self.now.adding(seconds: -hoursAgo * 3600), rating: rating))
    }

    @Test func dayStartHonoursHourAndOffset() {
        // 10:00Z with a +08:00 offset is 18:00 local; the day began at 04:00 local = 20:00Z the day before.
        #expect(RFC3339.format(DailyQueue.dayStart(now: Self.now, dayStartsAt: 4, utcOffsetSeconds: 8 * 3600)) == "2026-11-21T20:00:00.000Z")
        // 10:00Z at -08:00 is 02:00 local, before 04:00: still the previous study day.
        #expect(RFC3339.format(DailyQueue.dayStart(now: Self.now, dayStartsAt: 4, utcOffsetSeconds: -8 * 3600)) == "2026-11-21T12:00:00.000Z")
        #expect(RFC3339.format(DailyQueue.dayStart(now: Self.now, dayStartsAt: 0, utcOffsetSeconds: 0)) == "2026-11-22T00:00:00.000Z")
    }

    @Test func learningThenReviewsThenNewWithinLimits() throws {
        // "l" answered Again 1 h ago: a due learning card. "r1", "r2" graduated days ago: due reviews.
        var records = [event(1, "l", hoursAgo: 1, .again)]
        records += [event(2, "r1", hoursAgo: 24 * 40, .easy), event(3, "r2", hoursAgo: 24 * 41, .easy)]
        let replay = Replay(history: try History(records), scheduler: scheduler)
        var config = StudyConfig()
        config.newPerDay = 2
        let deck = ["n1", "r1", "l", "n2", "r2", "n3"]
        let q = DailyQueue(deckCards: deck, replay: replay, now: Self.now.adding(seconds: 86_400 * 400), utcOffsetSeconds: 0, config: config)
        #expect(q.learning == ["l"])
        #expect(q.reviews.sorted() == ["r1", "r2"])
        #expect(q.new == ["n1", "n2"])
        #expect(q.cards.count == 5)
        config.reviewsPerDay = 1
        let capped = DailyQueue(deckCards: deck, replay: replay, now: Self.now.adding(seconds: 86_400 * 400), utcOffsetSeconds: 0, config: config)
        #expect(capped.reviews.count == 1)
    }

    @Test func newCardsAlreadyIntroducedTodayCountAgainstTheLimit() throws {
        let replay = Replay(history: try History([event(1, "n1", hoursAgo: 0)]), scheduler: scheduler)
        var config = StudyConfig()
        config.newPerDay = 2
        let q = DailyQueue(deckCards: ["n1", "n2", "n3", "n4"], replay: replay, now: Self.now, utcOffsetSeconds: 0, config: config)
        #expect(q.new == ["n2"])
        #expect(q.learning.isEmpty)
        #expect(q.nextLearningDue != nil)
        // After the 04:00 rollover the allowance is whole again.
        let tomorrow = DailyQueue(
            deckCards: ["n1", "n2", "n3", "n4"], replay: replay, now: Self.now.adding(seconds: 20 * 3600), utcOffsetSeconds: 0, config: config)
        #expect(tomorrow.new == ["n2", "n3"])
    }
}
