import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Snapshot writes that run after a load has returned its history, so a cold start does not wait
/// for them. Each runs on a thread of its own that first stands aside for `delay` (the replay and
/// the first frame or the command's output come first), or until the process exits, which waits
/// for all of them: a snapshot is never left half made by a normal exit (an abrupt one leaves a
/// temporary file at worst, and the old snapshot or none: a snapshot is only a cache).
///
/// Not a low scheduling priority (SCHED_IDLE, nice): an unprivileged thread cannot take it back,
/// and at exit, on a busy machine, the process would wait on a thread that hardly ever runs.
public enum SnapshotWrites {
    /// One write: `wait` returns whether it wrote the snapshot.
    public final class Write: @unchecked Sendable {
        private let done = DispatchGroup()
        private var wrote = false

        init() { done.enter() }

        /// One already over.
        init(finished result: Bool) { wrote = result }

        func finish(_ result: Bool) {
            wrote = result
            done.leave()
        }

        /// Blocks until the write is over; then whether it wrote the snapshot.
        public func wait() -> Bool {
            if done.wait(timeout: .now()) == .timedOut {
                SnapshotWrites.gate.signal()  // whoever waits need not wait out the delay
                done.wait()
            }
            return wrote
        }
    }

    private static let pending = DispatchGroup()
    /// How long a write stands aside unless the process exits first.
    static let delay = DispatchTimeInterval.milliseconds(250)
    /// Opened (signalled) at exit, once for every write started.
    fileprivate static let gate = DispatchSemaphore(value: 0)
    private static let lock = DispatchSemaphore(value: 1)
    nonisolated(unsafe) private static var started = 0
    private static let exitHook: Void = { atexit { SnapshotWrites.waitForAll() } }()

    /// Runs `work` on a new thread after `delay`, or at exit; the process will wait for it.
    static func start(_ work: @escaping @Sendable () -> Bool) -> Write {
        _ = exitHook
        let write = Write()
        pending.enter()
        lock.wait()
        started += 1
        lock.signal()
        let box = Unmanaged.passRetained(Job(work, write)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                let job = Unmanaged<Job>.fromOpaque(context).takeRetainedValue()
                _ = SnapshotWrites.gate.wait(timeout: .now() + SnapshotWrites.delay)
                job.write.finish(job.work())
                SnapshotWrites.pending.leave()
                return nil
            }, box)
        if started == 0 {
            pthread_detach(thread)
        } else {
            // No thread: write now, as loads did before.
            let job = Unmanaged<Job>.fromOpaque(box).takeRetainedValue()
            job.write.finish(job.work())
            pending.leave()
        }
        return write
    }

    /// Blocks until every snapshot write started so far is over (at exit, and for tests).
    public static func waitForAll() {
        lock.wait()
        let count = started
        lock.signal()
        for _ in 0..<count { gate.signal() }
        pending.wait()
    }

    private final class Job: @unchecked Sendable {
        let work: @Sendable () -> Bool
        let write: Write
        init(_ work: @escaping @Sendable () -> Bool, _ write: Write) {
            self.work = work
            self.write = write
        }
    }
}
