import FSRS

/// The scheduler alone: `Scheduler.review` over a real history's reviews held in flat arrays,
/// so no parsing, hashing or allocation is timed, only the FSRS arithmetic.
///
/// Guard against dead-code elimination: every new schedule feeds a checksum of due instants and
/// stabilities, the checksum is returned, compared across runs and printed under the table. An
/// optimizer that dropped the work would change the printed number.
enum SchedulerThroughput {
    struct Result {
        var reviews: Int
        var seconds: Double
        var cpuSeconds: Double
        var checksum: UInt64
    }

    static func run(_ flat: SyntheticHistory.Flat, scheduler: Scheduler, minimumSeconds: Double) -> Result {
        let count = flat.card.count
        var passes = 0
        var checksum: UInt64 = 0
        let start = MonotonicClock.nanoseconds()
        let cpuStart = MonotonicClock.threadCPUNanoseconds()
        var elapsed = 0.0
        // Repeat the whole history until the sample is long enough to time well.
        repeat {
            checksum = pass(flat, scheduler: scheduler, count: count)
            passes += 1
            elapsed = Double(MonotonicClock.nanoseconds() - start) / 1e9
        } while elapsed < minimumSeconds
        let cpu = Double(MonotonicClock.threadCPUNanoseconds() - cpuStart) / 1e9
        return Result(reviews: count * passes, seconds: elapsed, cpuSeconds: cpu, checksum: checksum)
    }

    @inline(never)
    static func pass(_ flat: SyntheticHistory.Flat, scheduler: Scheduler, count: Int) -> UInt64 {
        var schedules = [Schedule](repeating: Schedule.new(due: Instant(milliseconds: 0)), count: flat.cardCount)
        var checksum: UInt64 = 0
        flat.card.withUnsafeBufferPointer { card in
            flat.rating.withUnsafeBufferPointer { rating in
                flat.at.withUnsafeBufferPointer { at in
                    flat.fuzz.withUnsafeBufferPointer { fuzz in
                        schedules.withUnsafeMutableBufferPointer { s in
                            for i in 0..<count {
                                let c = Int(card[i])
                                let next = scheduler.review(s[c], rating: rating[i], at: at[i], fuzz: fuzz[i])
                                s[c] = next
                                checksum =
                                    checksum &* 31 &+ UInt64(bitPattern: next.due.milliseconds)
                                    &+ (next.stability ?? 0).bitPattern
                            }
                        }
                    }
                }
            }
        }
        return checksum
    }
}
