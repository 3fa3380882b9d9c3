import Testing

@testable import FSRS

/// Sections C (fsrs-rs) and D (fsrs-optimizer) of fsrs6-vectors.md. Those implementations work in
/// f32, so their published digits are matched to f32 precision; test_memory_state is in
/// PyFSRSVectorTests with py-fsrs's f64 values.
@Suite struct ReferenceVectorTests {
    let f32 = 2e-6

    @Test func c1NextIntervalForUnitStability() {
        // 3116769 is the f64 value (fsrs-rs's f32 gives 3116766); retention 1.0 and no cap are
        // outside what a configuration may hold, hence the unvalidated scheduler.
        let expected: [Int64] = [3_116_769, 34_793, 2508, 387, 90, 27, 9, 3, 1, 1]
        for (index, days) in expected.enumerated() {
            let retention = Double(index + 1) / 10
            let scheduler = Scheduler(
                validated: SchedulerConfiguration(
                    desiredRetention: retention, maximumInterval: 10_000_000, enableFuzzing: false))
            #expect(scheduler.intervalDays(1) == days, "retention \(retention)")
        }
        let capped = Scheduler(validated: SchedulerConfiguration(desiredRetention: 0.1, enableFuzzing: false))
        #expect(capped.intervalDays(1) == 36_500)
    }

    @Test func c2PowerForgettingCurve() {
        let scheduler = defaultScheduler()
        let stability = [1.0, 2, 3, 4, 4, 2]
        let expected = [1.0, 0.9403443, 0.9253786, 0.9185229, 0.9, 0.8261359]
        for t in 0..<6 {
            let r = scheduler.retrievability(stability: stability[t], days: Int64(t))
            #expect(isClose(r, expected[t], relative: f32), "t = \(t)")
        }
        // And through a schedule: whole 24-hour periods since the last review.
        let at = Instant.utc(2024, 3, 1, 23, 59)
        let card = Schedule(stage: .review, step: nil, stability: 4, difficulty: 5, due: at, lastReview: at)
        #expect(scheduler.retrievability(of: card, at: at.adding(days: 4)) == scheduler.retrievability(stability: 4, days: 4))
        #expect(
            scheduler.retrievability(of: card, at: Instant(milliseconds: at.adding(days: 4).milliseconds - 1))
                == scheduler.retrievability(stability: 4, days: 3))
    }

    @Test func c3NextStability() {
        let scheduler = defaultScheduler()
        let r = [0.9, 0.8, 0.7, 0.6]
        let recall = [25.602541, 28.226582, 58.656002, 127.226685]
        let lapse = [1.0525396, 1.1894329, 1.3680838, 1.584989]
        let shortTerm = [1.596818, 5.0, 5.0, 8.12961]
        for (index, rating) in Rating.allCases.enumerated() {
            let d = Double(index + 1)
            #expect(isClose(scheduler.recallStability(5, difficulty: d, retrievability: r[index], rating: rating), recall[index], relative: f32))
            #expect(isClose(scheduler.lapseStability(5, difficulty: d, retrievability: r[index]), lapse[index], relative: f32))
            #expect(isClose(scheduler.shortTermStability(5, rating: rating), shortTerm[index], relative: f32))
        }
    }

    @Test func c4NextDifficulty() {
        var noReversion = SchedulerConfiguration.default
        noReversion.parameters[7] = 0
        let before = Scheduler(validated: noReversion)
        let after = defaultScheduler()
        let damped = [8.354889, 6.6774445, 5.0, 3.3225555]
        let reverted = [8.341763, 6.6659956, 4.990228, 3.3144615]
        for (index, rating) in Rating.allCases.enumerated() {
            #expect(isClose(before.nextDifficulty(5, rating: rating), damped[index], relative: f32))
            #expect(isClose(after.nextDifficulty(5, rating: rating), reverted[index], relative: f32))
        }
    }

    @Test func d1TwoReviewForwardPass() {
        let scheduler = defaultScheduler()
        let ratings: [Rating] = [.again, .hard, .good, .easy, .again, .hard]
        let gaps: [Int64] = [1, 1, 1, 1, 2, 2]
        let stability = [0.10088589, 3.2494123, 7.3153, 18.014914, 0.112798266, 4.4694576]
        let difficulty = [8.806304, 6.7404594, 2.1112142, 1.0, 8.806304, 6.7404594]
        let start = Instant.utc(2023, 6, 1, 8)
        for index in ratings.indices {
            let first = scheduler.review(.new(due: start), rating: ratings[index], at: start, fuzz: 0)
            let second = scheduler.review(first, rating: ratings[index], at: start.adding(days: gaps[index]), fuzz: 0)
            #expect(isClose(second.stability, stability[index], relative: f32), "case \(index)")
            #expect(isClose(second.difficulty, difficulty[index], relative: f32), "case \(index)")
        }
    }
}
