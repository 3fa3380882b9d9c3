import Dispatch
import Synchronization
import Testing

@testable import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#endif

/// The partner thread behind `TwoLanes.run` for large loads: every job's two halves run, on two
/// threads, whether the partner was spinning or asleep, whether the caller waited spinning or
/// asleep, and a second caller (nested or concurrent) falls back instead of waiting on it.
@Suite(.serialized) struct LanePartnerTests {
    /// What each half wrote, into its own slot of plain memory (an Array written by two
    /// threads at once would be a race on the array, even at two indices).
    final class Halves: @unchecked Sendable {
        private let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2)
        private let runners = UnsafeMutableBufferPointer<pthread_t>.allocate(capacity: 2)

        init() {
            slots.initialize(repeating: 0)
            runners.initialize(repeating: pthread_t())
        }

        deinit {
            slots.deallocate()
            runners.deallocate()
        }

        /// Half `k` writes `value`, and the thread it ran on.
        func set(_ k: Int, _ value: Int) {
            slots[k] = value
            runners[k] = pthread_self()
        }

        var values: [Int] { Array(slots) }
        var onTwoThreads: Bool { pthread_equal(runners[0], runners[1]) == 0 }
    }

    func partner() throws -> LanePartner { try #require(LanePartner.shared) }

    /// `partner.run`, again until it is free: other suites' loads may be using it right now.
    func runOnPartner(_ partner: LanePartner, _ work: @Sendable (Int) -> Void) {
        while !partner.run(work) { usleep(100) }
    }

    @Test func everyJobRunsBothHalvesOnTwoThreads() throws {
        let partner = try partner()
        for job in 0..<2_000 {
            let halves = Halves()
            runOnPartner(partner) { k in halves.set(k, job * 2 + k) }
            #expect(halves.values == [job * 2, job * 2 + 1])
            #expect(halves.onTwoThreads)
        }
    }

    @Test func aPartnerThatFellAsleepIsWokenForTheNextJob() throws {
        let partner = try partner()
        for round in 0..<5 {
            // Longer than the partner stays awake, so it is asleep on its condition variable.
            usleep(useconds_t(LanePartner.awake / 1000 * 2))
            let halves = Halves()
            runOnPartner(partner) { k in halves.set(k, round + 10 * k) }
            #expect(halves.values == [round, round + 10])
        }
    }

    @Test func aCallerWhoseHalfEndsFirstSleepsUntilThePartnersEnds() throws {
        let partner = try partner()
        for _ in 0..<5 {
            let halves = Halves()
            // The partner's half outlasts the caller's patience, so the caller sleeps.
            runOnPartner(partner) { k in
                if k == 1 { usleep(useconds_t(LanePartner.patience / 1000 * 5)) }
                halves.set(k, k + 1)
            }
            #expect(halves.values == [1, 2])
        }
    }

    @Test func aNestedCallFallsBackAndCompletes() throws {
        let partner = try partner()
        let inner = [Halves(), Halves()]
        let outer = Halves()
        runOnPartner(partner) { k in
            // The outer call holds the partner: this one must get false at once, not wait for it.
            let ranOnPartner = partner.run { j in inner[k].set(j, 1) }
            if !ranOnPartner { TwoLanes.run { j in inner[k].set(j, 1) } }
            outer.set(k, ranOnPartner ? -1 : 1)
        }
        #expect(outer.values == [1, 1])
        #expect(inner[0].values == [1, 1])
        #expect(inner[1].values == [1, 1])
    }

    @Test func concurrentCallersEachGetEveryHalfRun() throws {
        let partner = try partner()
        let total = Atomic<Int>(0)
        let onPartner = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { caller in
            for job in 0..<300 {
                let halves = Halves()
                let want = [caller * 1000 + job, caller * 1000 + job + 1]
                if partner.run({ k in halves.set(k, want[k]) }) {
                    onPartner.add(1, ordering: .relaxed)
                } else {
                    TwoLanes.run { k in halves.set(k, want[k]) }
                }
                if halves.values == want { total.add(1, ordering: .relaxed) }
            }
        }
        let (both, viaPartner) = (total.load(ordering: .relaxed), onPartner.load(ordering: .relaxed))
        #expect(both == 1_200)
        #expect(viaPartner > 0)
    }

    @Test func onlyALargeHistoryArmsThePartner() {
        // Arming is for the process's life, so this asserts only the threshold's side that a
        // test can see without undoing it: a small history does not arm it on its own.
        if !LanePartner.armed.load(ordering: .acquiring) {
            TwoLanes.prepare(forBytes: TwoLanes.partnerBytes - 1)
            let armedBySmall = LanePartner.armed.load(ordering: .acquiring)
            #expect(!armedBySmall)
        }
        TwoLanes.prepare(forBytes: TwoLanes.partnerBytes)
        let armedByLarge = LanePartner.armed.load(ordering: .acquiring)
        #expect(armedByLarge)
        let halves = Halves()
        TwoLanes.run { k in halves.set(k, k + 5) }
        #expect(halves.values == [5, 6])
    }
}
