import CProcessorHints
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The thread that runs the second half of `TwoLanes.run` once a large history is being loaded,
/// kept for the life of the process and awake for a moment after each job in case the next one
/// follows.
///
/// A cold load hands over one job per 512 KiB part of the history (338 at a million answers),
/// each well under a millisecond. Through Dispatch's pool every job woke a sleeping thread: the
/// two halves started some 60 µs apart on average, and 30 ms of the 91 ms of parallel phases of
/// a 1M load were not work (measured with clocks around each half). A core gone idle is slow to
/// come back, more so in a virtual machine. So after a job this thread spins on the job counter
/// for up to `awake`, pausing the core (`statusdeck_spin_pause`), and only then sleeps on a
/// condition variable; the caller spins for up to `patience` for the partner's half to end.
/// Alternating builds on the 1M history, 21 runs each: load + replay 142.2 → 124.7 ms (the full
/// benchmark: 141 → 116 ms).
///
/// Only for large histories (`TwoLanes.prepare(forBytes:)` arms it): a new thread starts on its
/// parent's core, and until the scheduler moved one of the two, spinning there cost more than it
/// saved: at 10k answers (4 jobs) 1–2 ms a load; at 100k (34 jobs) no gain could be shown (loads
/// there vary from 13 to 25 ms with or without it); at 1M nearly every load is faster. Both waits
/// give the core away every `yieldEvery`, so two threads on one core lose tens of microseconds a
/// job, not a time slice.
///
/// One caller at a time: `run` returns false, having run nothing, to a second caller, nested
/// or on another thread, which then uses Dispatch. The thread is made with every signal
/// blocked, so signals still reach the threads that expect them.
final class LanePartner: @unchecked Sendable {
    /// Nil where no thread could be made.
    static let shared: LanePartner? = LanePartner()
    /// Whether `TwoLanes.run` uses the partner: set by `arm`, never unset.
    static let armed = Atomic<Bool>(false)

    /// Starts the thread if it is not running, and has `TwoLanes.run` use it from now on.
    static func arm() {
        guard shared != nil else { return }
        armed.store(true, ordering: .releasing)
    }

    /// How long the thread spins after a job before it sleeps: longer than the gap between two
    /// of a load's jobs (tens of microseconds), short enough that an idle process burns nothing.
    static let awake: UInt64 = 2_000_000
    /// How long the caller spins for the partner's half to end before it sleeps.
    static let patience: UInt64 = 100_000
    /// How often a spinning thread gives its core away.
    static let yieldEvery: UInt64 = 50_000

    private let claimed = Atomic<Bool>(false)
    /// Jobs posted and jobs done: the thread works while `posted` is ahead of what it has done.
    private let posted = Atomic<UInt64>(0)
    private let done = Atomic<UInt64>(0)
    private let sleeping = Atomic<Bool>(false)
    private let callerSleeping = Atomic<Bool>(false)
    /// The job, written before `posted` moves and read by the thread after it has seen it move.
    nonisolated(unsafe) private var job: ((Int) -> Void)?
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let ended = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// The process that made the thread: a child made by `fork` has no such thread.
    private let owner = getpid()

    private init?() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wake, nil)
        pthread_cond_init(ended, nil)
        var all = sigset_t(), old = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        let me = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let made = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                Unmanaged<LanePartner>.fromOpaque(context).takeUnretainedValue().serve()
            }, me)
        guard made == 0 else {
            Unmanaged<LanePartner>.fromOpaque(me).release()
            return nil
        }
        pthread_detach(thread)
    }

    /// Runs `work(1)` on the partner thread while the caller runs `work(0)`, and returns when
    /// both are over; false, with nothing run, when the partner is taken.
    func run(_ work: @Sendable (Int) -> Void) -> Bool {
        guard getpid() == owner, claimed.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return false }
        defer { claimed.store(false, ordering: .releasing) }
        withoutActuallyEscaping(work) { work in
            job = work
            let ticket = posted.add(1, ordering: .sequentiallyConsistent).newValue
            signal(wake, ifSleeping: sleeping)
            work(0)
            waitForPartner(ticket)
            // The partner's references to the job ended before it moved `done` (`runJob`), so
            // after this the closure has not escaped.
            job = nil
        }
        return true
    }

    /// The partner's half is about as long as the caller's, so its end is usually near: spin
    /// for up to `patience`, then sleep until the partner signals.
    private func waitForPartner(_ ticket: UInt64) {
        guard !Self.spin(for: Self.patience, until: { done.load(ordering: .acquiring) == ticket }) else { return }
        sleep(on: ended, marking: callerSleeping) { done.load(ordering: .sequentiallyConsistent) == ticket }
    }

    private func serve() -> Never {
        var count: UInt64 = 0
        while true {
            // Asleep before the first job, awake for a while after each: a new thread starts on
            // its parent's core, and a woken one is put on an idle core.
            if count == 0 || !Self.spin(for: Self.awake, until: { posted.load(ordering: .acquiring) != count }) {
                sleep(on: wake, marking: sleeping) { posted.load(ordering: .sequentiallyConsistent) != count }
            }
            count += 1
            runJob()
            done.store(count, ordering: .sequentiallyConsistent)
            signal(ended, ifSleeping: callerSleeping)
        }
    }

    /// Sleeps on `condition` until `ready`, with `flag` set meanwhile. The flag is set before
    /// `ready` is looked at again, and the other thread changes what `ready` reads before it
    /// looks at the flag (`signal`): one of the two sees the other, so no wake-up is lost.
    private func sleep(on condition: UnsafeMutablePointer<pthread_cond_t>, marking flag: borrowing Atomic<Bool>, until ready: () -> Bool) {
        pthread_mutex_lock(mutex)
        flag.store(true, ordering: .sequentiallyConsistent)
        while !ready() { pthread_cond_wait(condition, mutex) }
        flag.store(false, ordering: .sequentiallyConsistent)
        pthread_mutex_unlock(mutex)
    }

    /// Wakes the thread sleeping on `condition`, if `flag` says one is.
    private func signal(_ condition: UnsafeMutablePointer<pthread_cond_t>, ifSleeping flag: borrowing Atomic<Bool>) {
        guard flag.load(ordering: .sequentiallyConsistent) else { return }
        pthread_mutex_lock(mutex)
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Out of line, so that every retain and release of the job happens before `serve` moves `done`.
    @inline(never)
    private func runJob() { job?(1) }

    /// Spins until `ready` or for `limit` nanoseconds; whether it became ready. The core is
    /// paused between looks and given away every `yieldEvery` nanoseconds, in case the other
    /// thread waits for this very core (both threads on one core: a machine busy with other
    /// work, or the scheduler's choice), so that a wait there costs tens of microseconds, not
    /// a time slice.
    @inline(__always)
    private static func spin(for limit: UInt64, until ready: () -> Bool) -> Bool {
        var spins = 0
        let start = now()
        var lastYield = start
        while !ready() {
            spins += 1
            if spins & 63 != 0 {
                statusdeck_spin_pause()
                continue
            }
            let t = now()
            if t - start >= limit { return ready() }
            if t - lastYield >= yieldEvery {
                sched_yield()
                lastYield = t
            }
        }
        return true
    }

    private static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }
}
