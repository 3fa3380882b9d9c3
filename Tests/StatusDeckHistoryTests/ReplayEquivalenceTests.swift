import FSRS
import Testing

@testable import StatusDeckHistory

/// The whole-history replay folds cards as integers, on two threads when large; these tests hold
/// it to the rules written out the slow, obvious way: per card, by instant then event id.
@Suite struct ReplayEquivalenceTests {
    static let t0 = Instant(milliseconds: 1_795_341_600_000)

    /// Reviews over `cards` cards, instants mostly rising (or shuffled), about 2 % undone.
    static func history(events: Int, cards: Int, shuffled: Bool, seed: UInt64) throws -> History {
        var rng = SplitMix64(seed: seed)
        var records: [HistoryRecord] = []
        var minutes: Int64 = 0
        var reviewIDs: [EventID] = []
        for n in 0..<events {
            minutes += Int64.random(in: 0...3000, using: &rng)
            let at = t0.adding(seconds: (shuffled ? Int64.random(in: 0...5_000_000, using: &rng) : minutes) * 60)
            if !reviewIDs.isEmpty, Int.random(in: 0..<50, using: &rng) == 0 {
                let target = reviewIDs[Int.random(in: 0..<reviewIDs.count, using: &rng)]
                records.append(.undo(UndoEvent(id: EventID(high: 1, low: UInt64(n)), target: target, at: at)))
                continue
            }
            let id = EventID(high: 0, low: UInt64(n))
            reviewIDs.append(id)
            let deck: String? = Bool.random(using: &rng) ? "deck-\(Int.random(in: 0..<3, using: &rng))" : nil
            records.append(
                .review(
                    ReviewEvent(
                        id: id, card: "http/\(Int.random(in: 0..<cards, using: &rng))/card",
                        at: at, rating: Rating(rawValue: Int.random(in: 1...4, using: &rng)) ?? .good,
                        deck: deck)))
        }
        return try History(records)
    }

    /// The rules of `Replay`, written plainly.
    static func reference(_ history: History, _ scheduler: Scheduler) -> [String: CardRecord] {
        let undone = history.undoneIDs
        var byCard: [String: [(Int, ReviewEvent)]] = [:]
        for (i, r) in history.reviews.enumerated() where !undone.contains(r.id) { byCard[r.card, default: []].append((i, r)) }
        var cards: [String: CardRecord] = [:]
        for (card, events) in byCard {
            let sorted = events.sorted { ($0.1.at, $0.1.id) < ($1.1.at, $1.1.id) }
            var schedule = Schedule.new(due: sorted[0].1.at)
            var lapses = 0
            var deck: String?
            for (count, (_, r)) in sorted.enumerated() {
                if schedule.stage == .review && r.rating == .again { lapses += 1 }
                schedule = scheduler.review(schedule, rating: r.rating, at: r.at, fuzz: Fuzz.unit(cardID: card, reviewCount: count))
                if let d = r.deck { deck = d }
            }
            let last = sorted[sorted.count - 1].1
            cards[card] = CardRecord(
                card: card, schedule: schedule, reps: sorted.count, lapses: lapses,
                firstReview: sorted[0].1.at, lastReview: last.at, lastRating: last.rating, deck: deck)
        }
        return cards
    }

    @Test(arguments: [(100, 7, false), (100, 7, true), (30_000, 40, false), (30_000, 40, true), (25_000, 1, false)])
    func replayEqualsTheRulesWrittenPlainly(events: Int, cards: Int, shuffled: Bool) throws {
        let scheduler = try Scheduler(.default)
        let history = try Self.history(events: events, cards: cards, shuffled: shuffled, seed: UInt64(events + cards))
        let replay = Replay(history: history, scheduler: scheduler)
        let expected = Self.reference(history, scheduler)
        #expect(replay.cards.count == expected.count)
        #expect(replay.cards == expected)
    }

    /// More distinct cards than two bytes can number (the history once kept its card numbers in
    /// two bytes and gave them up past 65,535).
    @Test func moreCardsThanTheHistoryNumbers() throws {
        let scheduler = try Scheduler(.default)
        let records = (0..<70_000).map { n in
            HistoryRecord.review(
                ReviewEvent(
                    id: EventID(high: 3, low: UInt64(n)), card: "card-\(n % 66_000)",
                    at: Self.t0.adding(seconds: Int64(n) * 60), rating: Rating(rawValue: n % 4 + 1) ?? .good))
        }
        let history = try History(records)
        #expect(history.cardCount == 66_000)
        let replay = Replay(history: history, scheduler: scheduler)
        #expect(replay.cards.count == 66_000)
        #expect(replay.cards == Self.reference(history, scheduler))
    }

    /// Two threads must not make the result depend on timing: replaying again gives the same.
    @Test func parallelReplayIsDeterministic() throws {
        let scheduler = try Scheduler(.default)
        let history = try Self.history(events: 40_000, cards: 60, shuffled: false, seed: 7)
        #expect(history.reviews.count >= Replay.parallelThreshold)
        let first = Replay(history: history, scheduler: scheduler).cards
        for _ in 0..<3 { #expect(Replay(history: history, scheduler: scheduler).cards == first) }
    }
}
