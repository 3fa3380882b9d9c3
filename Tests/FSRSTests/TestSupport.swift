@testable import FSRS

let dayMs: Int64 = 86_400_000

extension Instant {
    /// A UTC calendar moment, computed without Foundation (days-from-civil).
    static func utc(
        _ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64 = 0, _ minute: Int64 = 0,
        _ second: Int64 = 0, ms: Int64 = 0
    ) -> Instant {
        let days = CivilCalendar.days(year: Int(year), month: Int(month), day: Int(day))
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
