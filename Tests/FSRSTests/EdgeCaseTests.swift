import Testing

@testable import FSRS

/// Schedules a history file could hold after hand edits or settings changes, and instants at the
/// ends of the range: the scheduler must answer, never trap.
@Suite struct EdgeCaseTests {
    let at = Instant.utc(2025, 6, 1, 12)

    @Test func stepsShortenedSinceTheLastReview() {
        let scheduler = defaultScheduler()
        let stranded = Schedule(stage: .learning, step: 5, stability: 3, difficulty: 5, due: at, lastReview: at)
        // Past the last step: Hard, Good and Easy graduate; Again restarts the steps (as py-fsrs does).
        for rating in [Rating.hard, .good, .easy] {
            #expect(scheduler.review(stranded, rating: rating, at: at, fuzz: 0).stage == .review)
        }
        let again = scheduler.review(stranded, rating: .again, at: at, fuzz: 0)
        #expect(again.stage == .learning && again.step == 0)
        var relearning = stranded
        relearning.stage = .relearning
        #expect(scheduler.review(relearning, rating: .good, at: at, fuzz: 0).stage == .review)
    }

    @Test func malformedSchedulesAreRepairedNotTrapped() {
        let scheduler = defaultScheduler()
        let noMemory = Schedule(stage: .review, step: nil, stability: nil, difficulty: nil, due: at, lastReview: nil)
        let first = scheduler.review(noMemory, rating: .good, at: at, fuzz: 0)
        #expect(first.stability == 2.3065 && first.stage == .review)
        let negativeStep = Schedule(stage: .learning, step: -3, stability: nil, difficulty: nil, due: at, lastReview: nil)
        #expect(scheduler.review(negativeStep, rating: .hard, at: at, fuzz: 0).step == 0)
        let noStep = Schedule(stage: .relearning, step: nil, stability: 2, difficulty: 5, due: at, lastReview: at)
        #expect(scheduler.review(noStep, rating: .good, at: at, fuzz: 0).stage == .review)
        // Memory but no last review: py-fsrs takes R = 0 and the long-term formula.
        let noLast = Schedule(stage: .review, step: nil, stability: 10, difficulty: 5, due: at, lastReview: nil)
        #expect(
            scheduler.review(noLast, rating: .good, at: at, fuzz: 0).stability
                == scheduler.recallStability(10, difficulty: 5, retrievability: 0, rating: .good))
    }

    @Test func elapsedTimeIsWholeTwentyFourHourPeriodsRoundedDown() {
        #expect(Scheduler.elapsedDays(from: at, to: Instant(milliseconds: at.milliseconds + dayMs - 1)) == 0)
        #expect(Scheduler.elapsedDays(from: at, to: at.adding(days: 1)) == 1)
        #expect(Scheduler.elapsedDays(from: at, to: Instant(milliseconds: at.milliseconds - 1)) == -1)
        #expect(Scheduler.elapsedDays(from: at, to: at.adding(days: -2)) == -2)
        // 23:30 to 00:30 the next calendar day is the same day for FSRS.
        let lateEvening = Instant.utc(2025, 6, 1, 23, 30)
        #expect(Scheduler.elapsedDays(from: lateEvening, to: Instant.utc(2025, 6, 2, 0, 30)) == 0)
    }

    @Test func extremeInstantsSaturate() {
        let scheduler = defaultScheduler()
        let end = Instant(milliseconds: .max - 1000)
        let card = scheduler.review(.new(due: end), rating: .easy, at: end, fuzz: 0)
        #expect(card.due.milliseconds == .max)
        let start = Instant(milliseconds: .min)
        let reviewed = scheduler.review(card, rating: .good, at: start, fuzz: 0)
        #expect(reviewed.lastReview == start)
        #expect(scheduler.retrievability(of: card, at: start) == 1)
        #expect(Scheduler.elapsedDays(from: start, to: end) > 0)
    }

    @Test func hugeStabilityIsCappedByTheMaximumInterval() {
        let scheduler = defaultScheduler()
        #expect(scheduler.intervalDays(.infinity) == 36_500)
        #expect(scheduler.intervalDays(.nan) == 1)
        #expect(scheduler.intervalDays(1e300) == 36_500)
        #expect(scheduler.intervalDays(0.5) == 1)
        // Banker's rounding: 2.5 → 2, 3.5 → 4 (retention 0.9 makes the interval S to the last bit).
        #expect(scheduler.intervalDays(46.5) == 46)
    }
}
