import FSRS
import Testing

@testable import StatusDeckHistory

@Suite struct HistoryReplayTests {
    static let t0 = Instant(milliseconds: 1_795_341_600_000)
    let scheduler: Scheduler
    init() throws { scheduler = try Scheduler(.default) }

    func review(_ n: UInt64, _ card: String, _ minutes: Int64, _ rating: Rating = .good) -> HistoryRecord {
        .review(ReviewEvent(id: EventID(high: 0, low: n), card: card, at: Self.t0.adding(seconds: minutes * 60), rating: rating))
    }

    func undo(_ n: UInt64, of target: UInt64, _ minutes: Int64) -> HistoryRecord {
        .undo(UndoEvent(id: EventID(high: 1, low: n), target: EventID(high: 0, low: target), at: Self.t0.adding(seconds: minutes * 60)))
    }

    @Test func replayMatchesTheSchedulerPerCard() throws {
        let records = [review(1, "a", 0, .again), review(2, "b", 1), review(3, "a", 5), review(4, "a", 20, .easy)]
        let replay = Replay(history: try History(records), scheduler: scheduler)
        let expected = scheduler.replay(
            [
                (rating: .again, at: Self.t0), (rating: .good, at: Self.t0.adding(seconds: 300)),
                (rating: .easy, at: Self.t0.adding(seconds: 1200)),
            ],
            cardID: "a", from: Schedule.new(due: Self.t0))
        #expect(replay.cards["a"]?.schedule == expected)
        #expect(replay.cards["a"]?.reps == 3)
        #expect(replay.cards["a"]?.firstReview == Self.t0)
        #expect(replay.cards["b"]?.reps == 1)
    }

    @Test func undoCancelsItsTargetWhereverItSits() throws {
        let withUndo = Replay(history: try History([undo(9, of: 3, 6), review(1, "a", 0), review(3, "a", 5)]), scheduler: scheduler)
        let without = Replay(history: try History([review(1, "a", 0)]), scheduler: scheduler)
        #expect(withUndo.cards["a"] == without.cards["a"])
        let allUndone = Replay(history: try History([review(1, "a", 0), undo(9, of: 1, 1)]), scheduler: scheduler)
        #expect(allUndone.cards["a"] == nil)
    }

    @Test func duplicatesCollapseAndConflictsAreErrors() throws {
        var history = try History([review(1, "a", 0), review(1, "a", 0)])
        #expect(history.reviews.count == 1)
        #expect(history.duplicates == 1)
        #expect(
            throws: InputError(
                line: 4, found: "event id 00000000000000000000000000000001 again with different content",
                expected: "each event id once (keep one of the two lines)")
        ) {
            try history.add(review(1, "a", 0, .hard), line: 4)
        }
    }

    @Test func outOfOrderInstantsReplayInTimeOrder() throws {
        // The clock went back: the second line is earlier than the first.
        let shuffled = Replay(history: try History([review(1, "a", 30, .hard), review(2, "a", 0, .again)]), scheduler: scheduler)
        let ordered = Replay(history: try History([review(2, "a", 0, .again), review(1, "a", 30, .hard)]), scheduler: scheduler)
        #expect(shuffled.cards == ordered.cards)
        #expect(shuffled.cards["a"]?.lastReview == Self.t0.adding(seconds: 1800))
    }

    @Test func lapsesCountAgainInReview() throws {
        let records = [review(1, "a", 0, .easy), review(2, "a", 60 * 24 * 30, .again), review(3, "a", 60 * 24 * 30 + 10, .again)]
        let replay = Replay(history: try History(records), scheduler: scheduler)
        #expect(replay.cards["a"]?.lapses == 1)
        #expect(replay.cards["a"]?.schedule.stage == .relearning)
    }

    /// Random histories with undos, duplicates and a clock that jumps back: folding one record at
    /// a time must always give what a fresh replay of the whole file gives.
    @Test func incrementalStateEqualsReplay() throws {
        var rng = SplitMix64(seed: 7)
        for trial in 0..<40 {
            var records: [HistoryRecord] = []
            var clock: Int64 = 0
            var ids: [UInt64] = []
            for n in 0..<UInt64(60) {
                clock += Int64(rng.next() % 3000) - 400  // sometimes backwards
                switch rng.next() % 10 {
                case 0 where !ids.isEmpty:
                    records.append(undo(n, of: ids[Int(rng.next() % UInt64(ids.count))], clock))
                case 1 where !records.isEmpty:
                    records.append(records[Int(rng.next() % UInt64(records.count))])
                default:
                    let card = ["a", "b", "c"][Int(rng.next() % 3)]
                    records.append(review(n, card, clock, Rating(rawValue: Int(rng.next() % 4) + 1) ?? .good))
                    ids.append(n)
                }
            }
            var incremental = Replay(history: History(), scheduler: scheduler)
            for r in records { try incremental.record(r) }
            let full = Replay(history: try History(records), scheduler: scheduler)
            #expect(incremental.cards == full.cards, "trial \(trial)")
        }
    }

    @Test func readerSetsTornTailAsideAndNamesCorruptLines() throws {
        let good = HistoryLineEncoder.encode(review(1, "a", 0)) + HistoryLineEncoder.encode(review(2, "a", 1))
        let (history, tail) = try HistoryReader.read(good + Array(#"{"v":1,"id":"ab"#.utf8), path: "h.jsonl")
        #expect(history.reviews.count == 2)
        #expect(tail == Array(#"{"v":1,"id":"ab"#.utf8))
        let corrupt = HistoryLineEncoder.encode(review(1, "a", 0)) + Array("{oops}\n".utf8) + HistoryLineEncoder.encode(review(2, "a", 1))
        #expect(throws: InputError(path: "h.jsonl", line: 2, found: "`oops`", expected: "a key in double quotes")) {
            _ = try HistoryReader.read(corrupt, path: "h.jsonl")
        }
    }

    /// Lines are added in batches; the error reported must still be the first in the file.
    @Test func readerReportsTheFirstProblemAcrossBatches() throws {
        var bytes: [UInt8] = []
        for n in 1...69 { bytes += HistoryLineEncoder.encode(review(UInt64(n), "a", Int64(n))) }
        bytes += HistoryLineEncoder.encode(review(3, "a", 999))  // line 70: id 3 again, different
        bytes += Array("not json\n".utf8)  // line 71
        #expect(
            throws: InputError(
                path: "h", line: 70, found: "event id 00000000000000000000000000000003 again with different content",
                expected: "each event id once (keep one of the two lines)")
        ) {
            _ = try HistoryReader.read(bytes, path: "h")
        }
        var many: [UInt8] = []
        for n in 1...200 { many += HistoryLineEncoder.encode(review(UInt64(n), "a", Int64(n))) }
        let (history, _) = try HistoryReader.read(many + many, path: "h")
        #expect(history.reviews.count == 200 && history.duplicates == 200)
    }

    @Test func readerAcceptsCRLFAndBlankLines() throws {
        let line = HistoryLineEncoder.line(review(1, "a", 0))
        let (history, tail) = try HistoryReader.read(Array("\n\(line)\r\n  \n".utf8), path: "h")
        #expect(history.reviews.count == 1 && tail.isEmpty)
    }

    @Test func eventIDsAreRandomAndParse() {
        var rng = SplitMix64(seed: 1)
        let a = EventID.random(using: &rng), b = EventID.random(using: &rng)
        #expect(a != b)
        #expect(EventID(a.description) == a)
        #expect(a.description.count == 32)
        #expect(EventID("not hex") == nil)
    }
}
