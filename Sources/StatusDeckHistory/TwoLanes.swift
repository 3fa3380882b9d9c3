#if canImport(Dispatch)
import Dispatch
#endif

/// Work cut in two halves, one per core: the machines StatusDeck runs on have two or more, and
/// its large passes (parse, index, replay, sync matching, export folds) split evenly in two.
public enum TwoLanes {
    /// Runs `work(0)` and `work(1)`: at the same time when `together` (and Dispatch is there),
    /// else one after the other, as for inputs too small to be worth waking a second thread.
    /// Each half writes only its own results (`DisjointWrites`).
    @inline(__always)
    public static func run(together: Bool = true, _ work: @Sendable (Int) -> Void) {
        #if canImport(Dispatch)
        if together {
            DispatchQueue.concurrentPerform(iterations: 2, execute: work)
            return
        }
        #endif
        work(0)
        work(1)
    }
}
