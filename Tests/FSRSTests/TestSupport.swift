@testable import FSRS

/// A seeded generator for property tests, so a failure reproduces from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let dayMs: Int64 = 86_400_000

extension Instant {
    /// A UTC calendar moment, computed without Foundation (days-from-civil).
    static func utc(_ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64 = 0, _ minute: Int64 = 0,
                    _ second: Int64 = 0, ms: Int64 = 0) -> Instant {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Instant(milliseconds: ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms)
    }

    func adding(days: Int64) -> Instant { Instant(milliseconds: milliseconds + days * dayMs) }
}

/// Whole 24-hour periods from the last review to the due date, as py-fsrs's tests measure them.
func intervalDays(_ s: Schedule) -> Int64 {
    guard let last = s.lastReview else { return 0 }
    return Scheduler.elapsedDays(from: last, to: s.due)
}

func isClose(_ a: Double?, _ b: Double, relative: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= relative * max(abs(a), abs(b))
}

func defaultScheduler(fuzz: Bool = false) -> Scheduler {
    var configuration = SchedulerConfiguration.default
    configuration.enableFuzzing = fuzz
    return Scheduler(validated: configuration)
}
