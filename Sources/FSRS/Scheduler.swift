#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// FSRS-6 exactly as py-fsrs 6.3.2 computes it, as a pure function of its arguments.
///
/// Everything that depends only on the configuration (DECAY, FACTOR, the retention multiplier,
/// the exponentials of single weights, initial difficulties) is computed once here, in the same
/// operation order as py-fsrs, so `review` does only the per-card arithmetic and never allocates.
/// The formulas and their traps are those of py-fsrs 6.3.2 `fsrs/scheduler.py`; the conformance
/// fixture in Tests/FSRSTests/Fixtures pins them review by review.
public struct Scheduler: Sendable {
    public let configuration: SchedulerConfiguration

    @usableFromInline let initialStability: (Double, Double, Double, Double)
    @usableFromInline let initialDifficulty: (Double, Double, Double, Double)
    @usableFromInline let difficultyDelta: (Double, Double, Double, Double)
    /// w7 × D0(Easy) unclamped: the mean-reversion target is the raw value, not the clamped one.
    @usableFromInline let meanReversionPull: Double
    @usableFromInline let meanReversionKeep: Double
    @usableFromInline let recallScale: Double
    @usableFromInline let recallStabilityExponent: Double
    @usableFromInline let recallRetrievabilityWeight: Double
    @usableFromInline let hardPenalty: Double
    @usableFromInline let easyBonus: Double
    @usableFromInline let lapseScale: Double
    @usableFromInline let lapseDifficultyExponent: Double
    @usableFromInline let lapseStabilityExponent: Double
    @usableFromInline let lapseRetrievabilityWeight: Double
    @usableFromInline let lapseShortTermDivisor: Double
    @usableFromInline let shortTermGrowth: (Double, Double, Double, Double)
    @usableFromInline let shortTermStabilityExponent: Double
    @usableFromInline let decay: Double
    @usableFromInline let factor: Double
    @usableFromInline let retentionMultiplier: Double
    @usableFromInline let maximumDays: Int64
    @usableFromInline let learningStepsMs: [Int64]
    @usableFromInline let relearningStepsMs: [Int64]
    @usableFromInline let fuzzing: Bool
    /// `fuzzRange(days)` of every days below `fuzzTableDays`, low then high: it depends only on
    /// the days and the configuration, and working it out (two roundings through libm) was most
    /// of `fuzzedDays`, which a replay calls on nearly every review.
    @usableFromInline let fuzzRanges: [Int64]

    @inlinable static var fuzzTableDays: Int64 { 1024 }

    @usableFromInline static let minimumStability = 0.001
    @usableFromInline static let millisecondsPerDay: Int64 = 86_400_000

    /// A scheduler for `configuration`; throws every violation at once when it is invalid.
    public init(_ configuration: SchedulerConfiguration) throws(SchedulerConfigurationError) {
        let violations = configuration.violations()
        guard violations.isEmpty else { throw SchedulerConfigurationError(violations: violations) }
        self.init(validated: configuration)
    }

    /// Skips validation: for configurations already checked, and for tests that need values
    /// outside the accepted ranges (published vectors use retention 1.0 and no interval cap).
    init(validated configuration: SchedulerConfiguration) {
        self.configuration = configuration
        let w = configuration.parameters
        // py-fsrs writes `math.e ** x`; pow(e, x) keeps these constants bit-identical to it.
        func ePow(_ x: Double) -> Double { pow(2.718281828459045, x) }
        func initialD(_ g: Double) -> Double { w[4] - ePow(w[5] * (g - 1)) + 1 }
        func clampD(_ d: Double) -> Double { min(max(d, 1), 10) }
        initialStability = (
            max(w[0], Self.minimumStability), max(w[1], Self.minimumStability),
            max(w[2], Self.minimumStability), max(w[3], Self.minimumStability)
        )
        initialDifficulty = (clampD(initialD(1)), clampD(initialD(2)), clampD(initialD(3)), clampD(initialD(4)))
        difficultyDelta = (-(w[6] * -2), -(w[6] * -1), -(w[6] * 0), -(w[6] * 1))
        meanReversionPull = w[7] * initialD(4)
        meanReversionKeep = 1 - w[7]
        recallScale = ePow(w[8])
        recallStabilityExponent = -w[9]
        recallRetrievabilityWeight = w[10]
        lapseScale = w[11]
        lapseDifficultyExponent = -w[12]
        lapseStabilityExponent = w[13]
        lapseRetrievabilityWeight = w[14]
        hardPenalty = w[15]
        easyBonus = w[16]
        lapseShortTermDivisor = ePow(w[17] * w[18])
        shortTermGrowth = (
            ePow(w[17] * (-2 + w[18])), ePow(w[17] * (-1 + w[18])),
            ePow(w[17] * (0 + w[18])), ePow(w[17] * (1 + w[18]))
        )
        shortTermStabilityExponent = -w[19]
        decay = -w[20]
        factor = pow(0.9, 1 / decay) - 1
        retentionMultiplier = pow(configuration.desiredRetention, 1 / decay) - 1
        maximumDays = Int64(configuration.maximumInterval)
        learningStepsMs = configuration.learningSteps.map { $0 * 1000 }
        relearningStepsMs = configuration.relearningSteps.map { $0 * 1000 }
        fuzzing = configuration.enableFuzzing
        var ranges: [Int64] = []
        ranges.reserveCapacity(2 * Int(Self.fuzzTableDays))
        for days in 0..<Self.fuzzTableDays {
            let range = Self.fuzzRange(days, maximumDays: maximumDays)
            ranges.append(range.low)
            ranges.append(range.high)
        }
        fuzzRanges = ranges
    }

    // MARK: - Reviewing

    /// The schedule after rating `s` at `at`.
    ///
    /// `fuzz` is the number in [0, 1) py-fsrs would draw from `random()`; pass
    /// `Fuzz.unit(cardID:reviewCount:)` so a replay gives the same due dates. It is read only
    /// when fuzzing is on and the card lands in review with an interval of 3 days or more; values
    /// outside [0, 1) are treated as 0. `s.due` is never read: early and late reviews show only
    /// through the time since `s.lastReview`. Use `Scheduler.isLapse(_:rating:)` to count lapses.
    ///
    /// Always inlined: a replay calls it a million times, and as a call its schedule went through
    /// memory both ways, the result read back in pieces other than those it was written in.
    @inlinable @inline(__always)
    public func review(_ s: Schedule, rating: Rating, at now: Instant, fuzz: Double) -> Schedule {
        var next = s
        let elapsed: Int64? = s.lastReview.map { Self.elapsedDays(from: $0, to: now) }
        let stability: Double
        if let oldS = s.stability, let oldD = s.difficulty {
            if let days = elapsed, days < 1 {
                stability = shortTermStability(oldS, rating: rating)
            } else {
                // A card with memory but no last review has R = 0, as in py-fsrs.
                let r = elapsed.map { retrievability(stability: oldS, days: $0) } ?? 0
                stability =
                    rating == .again
                    ? lapseStability(oldS, difficulty: oldD, retrievability: r)
                    : recallStability(oldS, difficulty: oldD, retrievability: r, rating: rating)
            }
            next.difficulty = nextDifficulty(oldD, rating: rating)
        } else {
            stability = Self.pick(initialStability, rating)
            next.difficulty = Self.pick(initialDifficulty, rating)
        }
        next.stability = stability

        var waitMs: Int64
        switch s.stage {
        case .learning, .relearning:
            let steps = s.stage == .learning ? learningStepsMs : relearningStepsMs
            let step = max(s.step ?? 0, 0)
            if let wait = Self.stepWait(steps, step: step, rating: rating) {
                next.step = rating == .again ? 0 : (rating == .good ? step + 1 : step)
                waitMs = wait
            } else {
                next.stage = .review
                next.step = nil
                waitMs = reviewDays(stability, fuzz: fuzz) &* Self.millisecondsPerDay
            }
        case .review:
            if rating == .again, let first = relearningStepsMs.first {
                next.stage = .relearning
                next.step = 0
                waitMs = first
            } else {
                next.step = nil
                waitMs = reviewDays(stability, fuzz: fuzz) &* Self.millisecondsPerDay
            }
        }
        next.due = Self.saturatingAdd(now, waitMs)
        next.lastReview = now
        return next
    }

    /// Whether rating `before` with `rating` is a lapse: a card in review forgotten. Reviews count
    /// every call to `review`; lapses count only these (Again in learning or relearning is not one).
    @inlinable
    public static func isLapse(_ before: Schedule, rating: Rating) -> Bool {
        before.stage == .review && rating == .again
    }

    /// The four schedules `s` would get at `at`, indexed by `rating.rawValue - 1`.
    public func preview(_ s: Schedule, at: Instant, fuzz: Double) -> [Schedule] {
        Rating.allCases.map { review(s, rating: $0, at: at, fuzz: fuzz) }
    }

    /// Reviews `start` with each rating in order, drawing each fuzz number from the card id and the
    /// number of reviews before it; the same history always gives the same schedule.
    public func replay<Reviews: Sequence>(
        _ reviews: Reviews, cardID: String, from start: Schedule
    ) -> Schedule where Reviews.Element == (rating: Rating, at: Instant) {
        var schedule = start
        for (count, entry) in reviews.enumerated() {
            let fuzz = Fuzz.unit(cardID: cardID, reviewCount: count)
            schedule = review(schedule, rating: entry.rating, at: entry.at, fuzz: fuzz)
        }
        return schedule
    }

    /// The predicted probability of recalling `s` at `at`: 0 before the first review; otherwise the
    /// forgetting curve at the whole number of 24-hour periods since the last review.
    @inlinable
    public func retrievability(of s: Schedule, at: Instant) -> Double {
        guard let last = s.lastReview, let stability = s.stability else { return 0 }
        return retrievability(stability: stability, days: Self.elapsedDays(from: last, to: at))
    }

    // MARK: - Memory model

    @inlinable
    func retrievability(stability: Double, days: Int64) -> Double {
        pow(1 + factor * Double(max(days, 0)) / stability, decay)
    }

    @inlinable
    func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        var growth = Self.pick(shortTermGrowth, rating) * pow(stability, shortTermStabilityExponent)
        // py-fsrs 6.3.2 floors Hard too (6.3.1 floored only Good and Easy).
        if rating != .again { growth = max(growth, 1) }
        return max(stability * growth, Self.minimumStability)
    }

    // `math.e ** x` in py-fsrs is libm pow(e, x), which differs from exp(x) in the last bit for
    // most x. Using pow here too made all 5 028 fixture reviews bit-identical with py-fsrs on glibc
    // (exp left 797 differing in the last bits) for about 4 % of throughput.
    @inlinable
    func recallStability(_ stability: Double, difficulty: Double, retrievability r: Double, rating: Rating) -> Double {
        var gain =
            recallScale * (11 - difficulty) * pow(stability, recallStabilityExponent)
            * (pow(2.718281828459045, (1 - r) * recallRetrievabilityWeight) - 1)
        if rating == .hard { gain *= hardPenalty }
        if rating == .easy { gain *= easyBonus }
        return max(stability * (1 + gain), Self.minimumStability)
    }

    @inlinable
    func lapseStability(_ stability: Double, difficulty: Double, retrievability r: Double) -> Double {
        let longTerm =
            lapseScale * pow(difficulty, lapseDifficultyExponent)
            * (pow(stability + 1, lapseStabilityExponent) - 1)
            * pow(2.718281828459045, (1 - r) * lapseRetrievabilityWeight)
        let shortTerm = stability / lapseShortTermDivisor
        return max(min(longTerm, shortTerm), Self.minimumStability)
    }

    @inlinable
    func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let damped = difficulty + (10 - difficulty) * Self.pick(difficultyDelta, rating) / 9
        let reverted = meanReversionPull + meanReversionKeep * damped
        return min(max(reverted, 1), 10)
    }

    // MARK: - Intervals

    /// Whole days for a card entering or staying in review, fuzzed when fuzzing is on.
    @inlinable
    func reviewDays(_ stability: Double, fuzz: Double) -> Int64 {
        let days = intervalDays(stability)
        return fuzzing ? fuzzedDays(days, fuzz: fuzz) : days
    }

    /// round-half-even((S / FACTOR) × (DR^(1/DECAY) − 1)), at least 1, at most the maximum.
    @inlinable
    func intervalDays(_ stability: Double) -> Int64 {
        let rounded = ((stability / factor) * retentionMultiplier).rounded(.toNearestOrEven)
        // Written so NaN and infinity land on a bound instead of trapping in the conversion.
        guard rounded >= 1 else { return 1 }
        guard rounded < Double(maximumDays) else { return maximumDays }
        return Int64(rounded)
    }

    /// py-fsrs's `_get_fuzzed_interval`, with `fuzz` in place of `random()`. Note that rounding
    /// (not flooring) `fuzz × (hi − lo + 1) + lo` can give hi + 1; py-fsrs does, so this does.
    @inlinable
    func fuzzedDays(_ days: Int64, fuzz: Double) -> Int64 {
        guard days >= 3 else { return days }
        let (low, high) =
            days < Self.fuzzTableDays
            ? (fuzzRanges[2 * Int(days)], fuzzRanges[2 * Int(days) + 1]) : Self.fuzzRange(days, maximumDays: maximumDays)
        let unit = fuzz >= 0 && fuzz < 1 ? fuzz : 0
        let drawn = (unit * Double(high - low + 1) + Double(low)).rounded(.toNearestOrEven)
        return min(Int64(drawn), maximumDays)
    }

    /// The days `fuzzedDays` draws from for an interval of `days` (3 or more): py-fsrs's
    /// `min_ivl` and `max_ivl`.
    @inlinable
    static func fuzzRange(_ days: Int64, maximumDays: Int64) -> (low: Int64, high: Int64) {
        let interval = Double(days)
        var delta = 1.0
        delta += 0.15 * max(min(interval, 7) - 2.5, 0)
        delta += 0.1 * max(min(interval, 20) - 7, 0)
        delta += 0.05 * max(interval - 20, 0)
        let high = min(Int64((interval + delta).rounded(.toNearestOrEven)), maximumDays)
        let low = min(max(2, Int64((interval - delta).rounded(.toNearestOrEven))), high)
        return (low, high)
    }

    /// The wait for a learning or relearning step, or `nil` when the card graduates to review.
    @inlinable
    static func stepWait(_ steps: [Int64], step: Int, rating: Rating) -> Int64? {
        // A step past the end happens only when the steps were shortened since the last review.
        if steps.isEmpty || (step >= steps.count && rating != .again) { return nil }
        switch rating {
        case .again:
            return steps[0]
        case .hard:
            if step == 0 { return steps.count == 1 ? steps[0] * 3 / 2 : (steps[0] + steps[1]) / 2 }
            return steps[step]
        case .good:
            return step + 1 == steps.count ? nil : steps[step + 1]
        case .easy:
            return nil
        }
    }

    // MARK: - Time

    /// Whole 24-hour periods from `from` to `to`, rounded down (negative when `to` is earlier),
    /// like Python's `timedelta.days`; calendar days and time zones play no part.
    @inlinable
    static func elapsedDays(from: Instant, to: Instant) -> Int64 {
        let (difference, overflow) = to.milliseconds.subtractingReportingOverflow(from.milliseconds)
        if overflow { return to.milliseconds > from.milliseconds ? Int64.max / 2 : Int64.min / 2 }
        let quotient = difference / millisecondsPerDay
        return difference % millisecondsPerDay < 0 ? quotient - 1 : quotient
    }

    @inlinable
    static func saturatingAdd(_ instant: Instant, _ milliseconds: Int64) -> Instant {
        let (sum, overflow) = instant.milliseconds.addingReportingOverflow(milliseconds)
        return Instant(milliseconds: overflow ? (milliseconds > 0 ? Int64.max : Int64.min) : sum)
    }

    @inlinable
    static func pick(_ values: (Double, Double, Double, Double), _ rating: Rating) -> Double {
        switch rating {
        case .again: values.0
        case .hard: values.1
        case .good: values.2
        case .easy: values.3
        }
    }
}
