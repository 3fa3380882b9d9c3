import Testing

@testable import FSRS

/// Invariants over random configurations and random, realistic histories (seeded, so a failure
/// reproduces).
@Suite struct PropertyTests {
    /// Realistic settings: weights near the defaults or at their bounds with w0 ≤ w1 ≤ w2 ≤ w3 (as
    /// trained weights are; otherwise a better first rating could mean a shorter first interval),
    /// increasing steps no longer than 16 h (so 1.5 × a single step stays under one day).
    static func randomConfiguration(_ rng: inout SplitMix64) -> SchedulerConfiguration {
        let bounds = SchedulerConfiguration.parameterBounds
        var parameters = SchedulerConfiguration.defaultParameters.enumerated().map { index, value in
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: bounds[index].lowerBound
            case 1: bounds[index].upperBound
            default: min(max(value * Double.random(in: 0.5...2, using: &rng), bounds[index].lowerBound), bounds[index].upperBound)
            }
        }
        parameters.replaceSubrange(0..<4, with: parameters[0..<4].sorted())
        func steps() -> [Int64] {
            (0..<Int.random(in: 0...3, using: &rng)).map { _ in Int64.random(in: 1...57_600, using: &rng) }.sorted()
        }
        return SchedulerConfiguration(
            parameters: parameters, desiredRetention: Double.random(in: 0.7...0.97, using: &rng),
            learningSteps: steps(), relearningSteps: steps(),
            maximumInterval: [1, 7, 30, 100, 365, 36_500].randomElement(using: &rng) ?? 36_500,
            enableFuzzing: Bool.random(using: &rng))
    }

    static func nextReviewTime(after card: Schedule, _ rng: inout SplitMix64) -> Instant {
        guard let last = card.lastReview else { return card.due }
        let span = max(card.due.milliseconds - last.milliseconds, 1)
        let ms: Int64 =
            switch Int.random(in: 0..<7, using: &rng) {
            case 0, 1: card.due.milliseconds
            case 2: last.milliseconds + Int64.random(in: 0...span, using: &rng)
            case 3: card.due.milliseconds + Int64.random(in: 0...(30 * dayMs), using: &rng)
            case 4: last.milliseconds + Int64.random(in: 1...(dayMs - 1), using: &rng)
            case 5: last.milliseconds + dayMs
            default: last.milliseconds + Int64.random(in: 100...3000, using: &rng) * dayMs
            }
        return Instant(milliseconds: ms)
    }

    /// Calls `body` with every (scheduler, card before, rating, instant, fuzz) of 400 random histories.
    static func forEachReview(seed: UInt64, _ body: (Scheduler, Schedule, Rating, Instant, Double) -> Void) {
        var rng = SplitMix64(seed: seed)
        for history in 0..<400 {
            let configuration = randomConfiguration(&rng)
            guard let scheduler = try? Scheduler(configuration) else {
                Issue.record("generated an invalid configuration: \(configuration.violations())")
                return
            }
            let cardID = "card/\(history)"
            var card = Schedule.new(due: Instant(milliseconds: Int64.random(in: 1_500_000_000_000...1_900_000_000_000, using: &rng)))
            for count in 0..<Int.random(in: 1...40, using: &rng) {
                let at = nextReviewTime(after: card, &rng)
                let rating = Rating.allCases.randomElement(using: &rng) ?? .good
                let fuzz = Fuzz.unit(cardID: cardID, reviewCount: count)
                body(scheduler, card, rating, at, fuzz)
                card = scheduler.review(card, rating: rating, at: at, fuzz: fuzz)
            }
        }
    }

    @Test func memoryAndIntervalsStayInBounds() {
        var checked = 0
        Self.forEachReview(seed: 1) { scheduler, card, rating, at, fuzz in
            let next = scheduler.review(card, rating: rating, at: at, fuzz: fuzz)
            let d = next.difficulty ?? 0, s = next.stability ?? 0
            #expect(d >= 1 && d <= 10)
            #expect(s >= 0.001)
            #expect(next.lastReview == at)
            let r = scheduler.retrievability(of: next, at: next.due)
            #expect(r >= 0 && r <= 1)
            if next.stage == .review {
                let wait = next.due.milliseconds - at.milliseconds
                #expect(wait % dayMs == 0)
                #expect(wait / dayMs >= 1 && wait / dayMs <= Int64(scheduler.configuration.maximumInterval))
                #expect(next.step == nil)
            } else {
                #expect(next.step != nil && next.due > at)
            }
            checked += 1
        }
        #expect(checked > 5000)
    }

    @Test func higherRatingNeverWaitsLess() {
        Self.forEachReview(seed: 2) { scheduler, card, _, at, fuzz in
            let waits = scheduler.preview(card, at: at, fuzz: fuzz).map { $0.due.milliseconds - at.milliseconds }
            #expect(waits == waits.sorted(), "\(card) at \(at.milliseconds) with \(scheduler.configuration)")
        }
    }

    @Test func previewIsTheFourReviews() {
        Self.forEachReview(seed: 3) { scheduler, card, _, at, fuzz in
            let preview = scheduler.preview(card, at: at, fuzz: fuzz)
            #expect(preview == Rating.allCases.map { scheduler.review(card, rating: $0, at: at, fuzz: fuzz) })
        }
    }

    @Test func replayEqualsStepByStepAndRepeats() throws {
        var rng = SplitMix64(seed: 4)
        for history in 0..<300 {
            let scheduler = try Scheduler(Self.randomConfiguration(&rng))
            let cardID = "http/\(history)/code-to-meaning"
            let start = Schedule.new(due: Instant.utc(2025, 1, 1))
            var card = start
            var reviews: [(rating: Rating, at: Instant)] = []
            for count in 0..<Int.random(in: 1...30, using: &rng) {
                let at = Self.nextReviewTime(after: card, &rng)
                let rating = Rating.allCases.randomElement(using: &rng) ?? .good
                reviews.append((rating, at))
                card = scheduler.review(card, rating: rating, at: at, fuzz: Fuzz.unit(cardID: cardID, reviewCount: count))
            }
            #expect(scheduler.replay(reviews, cardID: cardID, from: start) == card)
            #expect(scheduler.replay(reviews, cardID: cardID, from: start) == scheduler.replay(reviews, cardID: cardID, from: start))
        }
    }

    /// Fuzz moves a review interval I (the unfuzzed one) only within py-fsrs's range:
    /// unchanged for I ≤ 2, else [max(2, round(I − δ)), round(I + δ) + 1], capped at the maximum.
    @Test func fuzzStaysInRange() {
        var fuzzed = 0
        Self.forEachReview(seed: 5) { scheduler, card, rating, at, fuzz in
            var plainConfiguration = scheduler.configuration
            plainConfiguration.enableFuzzing = true
            let withFuzz = Scheduler(validated: plainConfiguration)
            plainConfiguration.enableFuzzing = false
            let plain = Scheduler(validated: plainConfiguration).review(card, rating: rating, at: at, fuzz: fuzz)
            let next = withFuzz.review(card, rating: rating, at: at, fuzz: fuzz)
            #expect(next.stability == plain.stability && next.difficulty == plain.difficulty && next.stage == plain.stage)
            guard next.stage == .review else {
                #expect(next.due == plain.due)
                return
            }
            let interval = (plain.due.milliseconds - at.milliseconds) / dayMs
            let days = (next.due.milliseconds - at.milliseconds) / dayMs
            let maximum = Int64(plainConfiguration.maximumInterval)
            if interval <= 2 {
                #expect(days == interval)
                return
            }
            let i = Double(interval)
            let delta = 1 + 0.15 * max(min(i, 7) - 2.5, 0) + 0.1 * max(min(i, 20) - 7, 0) + 0.05 * max(i - 20, 0)
            let high = min(Int64((i + delta).rounded(.toNearestOrEven)), maximum)
            let low = min(max(2, Int64((i - delta).rounded(.toNearestOrEven))), high)
            #expect(days >= low && days <= min(high + 1, maximum))
            #expect(withFuzz.review(card, rating: rating, at: at, fuzz: fuzz) == next)
            fuzzed += 1
        }
        #expect(fuzzed > 1000)
    }
}
