import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Snapshot writes that run after a load has returned its history, so a cold start does not wait
/// for them. Each runs on a thread of its own at idle priority (SCHED_IDLE on Linux: it gets a
/// core only when nothing else wants one), and the process waits for all of them when it exits,
/// so a snapshot is never left half made by a normal exit (an abrupt one leaves a temporary file
/// at worst, and the old snapshot or none: a snapshot is only a cache).
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
            done.wait()
            return wrote
        }
    }

    private static let pending = DispatchGroup()
    private static let exitHook: Void = { atexit { SnapshotWrites.waitForAll() } }()

    /// Runs `work` on a new idle-priority thread; the process will wait for it at exit.
    static func start(_ work: @escaping @Sendable () -> Bool) -> Write {
        _ = exitHook
        let write = Write()
        pending.enter()
        let box = Unmanaged.passRetained(Job(work, write)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                let job = Unmanaged<Job>.fromOpaque(context).takeRetainedValue()
                #if os(Linux)
                // SCHED_IDLE, which glibc's header shows only under _GNU_SOURCE.
                let schedIdle: Int32 = 5
                var param = sched_param()
                _ = pthread_setschedparam(pthread_self(), schedIdle, &param)
                #endif
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
    public static func waitForAll() { pending.wait() }

    private final class Job: @unchecked Sendable {
        let work: @Sendable () -> Bool
        let write: Write
        init(_ work: @escaping @Sendable () -> Bool, _ write: Write) {
            self.work = work
            self.write = write
        }
    }
}
