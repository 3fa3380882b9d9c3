import Synchronization

#if canImport(Dispatch)
import Dispatch
#endif

/// Work cut in two halves, one per core: the machines StatusDeck runs on have two or more, and
/// its large passes (parse, index, replay, sync matching, export folds) split evenly in two.
public enum TwoLanes {
    /// Runs `work(0)` and `work(1)`: at the same time when `together`, else one after the other,
    /// as for inputs too small to be worth a second thread. Each half writes only its own results
    /// (`DisjointWrites`). The second half runs on one of Dispatch's threads, or on the
    /// `LanePartner` thread once a large load has armed it and no other caller has it.
    @inline(__always)
    public static func run(together: Bool = true, _ work: @Sendable (Int) -> Void) {
        if together {
            if LanePartner.armed.load(ordering: .acquiring), let partner = LanePartner.shared, partner.run(work) { return }
            #if canImport(Dispatch)
            DispatchQueue.concurrentPerform(iterations: 2, execute: work)
            return
            #endif
        }
        work(0)
        work(1)
    }

    /// From this many bytes a history's load hands the second lane enough jobs (64 parts and
    /// more) for a thread of its own to pay (`LanePartner`).
    public static let partnerBytes: Int64 = 32 << 20

    /// Called before loading `bytes` of history: from `partnerBytes` on, the second half of
    /// every `run` from now on goes to a thread kept for it, started here, while the file is
    /// opened, rather than on the first job.
    public static func prepare(forBytes bytes: Int64) {
        if bytes >= partnerBytes { LanePartner.arm() }
    }
}
