import FSRS
import Testing

@testable import StatusDeckHistory

/// Synced machines hold the same events in different file orders (each appends the other's
/// after its own). Answers and marks in one millisecond must still fold the same way on both.
@Suite struct FoldOrderTests {
    static let t0 = Instant(milliseconds: 1_795_341_600_000)

    /// Reviews in groups of three sharing an instant, over few cards so ties hit one card often,
    /// with random ids; then the same records in a shuffled file order.
    static func twoOrders(events: Int, cards: Int, seed: UInt64) -> ([HistoryRecord], [HistoryRecord]) {
        var rng = SplitMix64(seed: seed)
        let records = (0..<events).map { n in
            HistoryRecord.review(
                ReviewEvent(
                    id: EventID(high: rng.next(), low: rng.next()), card: "http/\(Int.random(in: 0..<cards, using: &rng))/card",
                    at: t0.adding(seconds: Int64(n / 3) * 3600), rating: Rating(rawValue: Int.random(in: 1...4, using: &rng)) ?? .good))
        }
        return (records, records.shuffled(using: &rng))
    }

    @Test(arguments: [(90, 2), (30_000, 5)])
    func tiedAnswersFoldTheSameWhateverTheFileOrder(events: Int, cards: Int) throws {
        let scheduler = try Scheduler(.default)
        let (first, second) = Self.twoOrders(events: events, cards: cards, seed: UInt64(events))
        let a = Replay(history: try History(first), scheduler: scheduler)
        let b = Replay(history: try History(second), scheduler: scheduler)
        #expect(a.cards.count == cards)
        #expect(a.cards == b.cards)
    }

    /// Recording one answer at a time (the quiz, a merge) reaches the state a whole replay does,
    /// also when an answer ties with its card's last review and has the smaller id.
    @Test func recordingTiesOneByOneEqualsAWholeReplay() throws {
        let scheduler = try Scheduler(.default)
        let (_, shuffled) = Self.twoOrders(events: 300, cards: 2, seed: 7)
        var incremental = Replay(history: try History([]), scheduler: scheduler)
        for r in shuffled { try incremental.record(r) }
        let whole = Replay(history: try History(shuffled), scheduler: scheduler)
        #expect(incremental.cards == whole.cards)
    }

    /// The answers one card shows (card info, the optimizer's input) come in the same order.
    @Test func aCardsAnswersComeByInstantThenID() throws {
        let scheduler = try Scheduler(.default)
        let (_, shuffled) = Self.twoOrders(events: 60, cards: 1, seed: 11)
        let replay = Replay(history: try History(shuffled), scheduler: scheduler)
        let answers = replay.answers(of: "http/0/card")
        #expect(answers.count == 60)
        #expect(zip(answers, answers.dropFirst()).allSatisfy { ($0.at, $0.id) < ($1.at, $1.id) })
    }

    /// A suspend and an unsuspend in one millisecond: the smaller id folds first on every machine.
    @Test func tiedMarksFoldByID() throws {
        let at = Self.t0
        let suspend = HistoryRecord.mark(CardMarkEvent(id: EventID(high: 1, low: 0), card: "c", at: at, mark: .suspend))
        let unsuspend = HistoryRecord.mark(CardMarkEvent(id: EventID(high: 2, low: 0), card: "c", at: at, mark: .unsuspend))
        let one = CardMarks(history: try History([suspend, unsuspend]))
        let other = CardMarks(history: try History([unsuspend, suspend]))
        #expect(one == other)
        #expect(one.suspended.isEmpty)
    }
}
