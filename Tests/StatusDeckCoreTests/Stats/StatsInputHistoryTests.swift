import FSRS
import StatusDeckHistory
import Testing

@testable import StatusDeckCore

/// The adapter from a real history: same card states as `Replay`, plus the stage before each answer.
@Suite struct StatsInputHistoryTests {
    static let day: Int64 = 86_400_000
    static let t0: Int64 = 1_795_305_600_000  // 2026-11-22T00:00:00Z

    static func review(_ n: UInt64, _ card: String, _ days: Double, _ rating: Rating, ms: Int? = 1200) -> HistoryRecord {
        .review(
            ReviewEvent(
                id: EventID(high: 0, low: n), card: card, at: Instant(milliseconds: t0 + Int64(days * Double(day))),
                rating: rating, answerMilliseconds: ms))
    }

    static func deckCard(_ id: String, _ code: Int?) -> Card {
        Card(id: id, kind: .codeToMeaning, code: code, prompt: "p", answer: "a", mode: .flip)
    }

    static let history: History = {
        let records: [HistoryRecord] = [
            review(1, "a", 0, .good),
            review(2, "a", 0.01, .good),  // learning → review after the second Good
            review(3, "a", 5, .again),  // a lapse, from review
            review(4, "gone", 1, .good),
            review(5, "b", 2, .easy),
            review(6, "a", 5.01, .good),
            // Written later but answered earlier: replayed in order of instant.
            review(7, "b", 1.5, .hard),
            review(8, "b", 6, .again),
            .undo(
                UndoEvent(
                    id: EventID(high: 1, low: 8), target: EventID(high: 0, low: 8),
                    at: Instant(milliseconds: t0 + 6 * day + 1000))),
        ]
        return (try? History(records)) ?? History()
    }()

    static func input(includeUnlisted: Bool, cards: [Card]) throws -> StatsInput {
        let scheduler = try Scheduler(SchedulerConfiguration.default)
        return StatsInput(
            history: history, scheduler: scheduler, cards: cards, includeUnlisted: includeUnlisted,
            now: Instant(milliseconds: t0 + 7 * day), dayStartsAt: 4, utcOffsetSeconds: 0, days: 30, deck: nil)
    }

    /// An answer left open for an hour, written before `max_answer_seconds` existed, counts capped.
    @Test func answerTimesCountAtMostTheCap() throws {
        let history = try History([
            Self.review(1, "a", 0, .good, ms: 3_600_000), Self.review(2, "b", 0, .good, ms: 1200),
            Self.review(3, "c", 0, .good, ms: nil),
        ])
        let scheduler = try Scheduler(SchedulerConfiguration.default)
        func times(_ cap: Int32?) -> [Int32] {
            let input =
                cap.map {
                    StatsInput(
                        history: history, scheduler: scheduler, cards: [], includeUnlisted: true, now: Instant(milliseconds: Self.t0 + 1000),
                        dayStartsAt: 4, utcOffsetSeconds: 0, days: 30, deck: nil, maxAnswerMilliseconds: $0)
                }
                ?? StatsInput(
                    history: history, scheduler: scheduler, cards: [], includeUnlisted: true, now: Instant(milliseconds: Self.t0 + 1000),
                    dayStartsAt: 4, utcOffsetSeconds: 0, days: 30, deck: nil)
            return input.answers.map(\.milliseconds)
        }
        #expect(times(nil) == [60_000, 1200, 0])
        #expect(times(10_000) == [10_000, 1200, 0])
        #expect(times(3_600_000) == [3_600_000, 1200, 0])
    }

    @Test func cardStatesMatchReplay() throws {
        #expect(Self.history.count == 9)
        let input = try Self.input(
            includeUnlisted: true,
            cards: [
                Self.deckCard("a", 200), Self.deckCard("b", 404),
                Self.deckCard("never", 500), Self.deckCard("a", 200),
            ])
        let replay = Replay(history: Self.history, scheduler: try Scheduler(SchedulerConfiguration.default))
        #expect(input.cards.map(\.id) == ["a", "b", "never", "gone"])
        #expect(input.cards.map(\.code) == [200, 404, 500, nil])
        #expect(input.cards[2].status == .new)
        for card in input.cards where card.id != "never" {
            let record = try #require(replay.cards[card.id])
            #expect(card.stability == record.schedule.stability)
            #expect(card.difficulty == record.schedule.difficulty)
            #expect(card.due == record.schedule.due)
            #expect(card.lapses == record.lapses)
            #expect(card.reps == record.reps)
            #expect(card.retrievability == replay.scheduler.retrievability(of: record.schedule, at: input.now))
        }
        #expect(input.cards[0].lapses == 1)
        #expect(input.desiredRetention == 0.9)
    }

    @Test func eachAnswerCarriesItsCardsStageBefore() throws {
        let input = try Self.input(includeUnlisted: true, cards: [Self.deckCard("a", 200), Self.deckCard("b", 404)])
        // In order of instant; the undone Again on b is gone. Hard on a new card stays in learning.
        #expect(input.answers.map(\.card) == [0, 0, 2, 1, 1, 0, 0])
        #expect(input.answers.map(\.stageBefore) == [.new, .learning, .new, .new, .learning, .review, .relearning])
        #expect(input.answers.map(\.rating) == [3, 3, 3, 2, 4, 1, 3])
        #expect(input.answers.allSatisfy { $0.milliseconds == 1200 })
    }

    @Test func restrictingToADeckLeavesOtherCardsOut() throws {
        let input = try Self.input(includeUnlisted: false, cards: [Self.deckCard("b", 404)])
        #expect(input.cards.map(\.id) == ["b"])
        #expect(input.answers.count == 2)
        #expect(input.answers.allSatisfy { $0.card == 0 })
    }

    @Test func moreCardsThanTheHistoryNumbersAreNumberedHere() throws {
        // Past 65,536 distinct cards the history stops numbering them; the adapter must too.
        var records = (0..<65_540).map { Self.review(UInt64($0 + 1), "c\($0)", 0, .good) }
        records.append(Self.review(100_000, "c0", 3, .good))
        records.append(Self.review(100_001, "c65539", 3, .again))
        let history = try History(records)
        let scheduler = try Scheduler(SchedulerConfiguration.default)
        let input = StatsInput(
            history: history, scheduler: scheduler, cards: [], includeUnlisted: true,
            now: Instant(milliseconds: Self.t0 + 7 * Self.day), dayStartsAt: 4,
            utcOffsetSeconds: 0, days: 30, deck: nil)
        #expect(input.cards.count == 65_540)
        #expect(input.answers.count == 65_542)
        #expect(input.answers.suffix(2).map(\.stageBefore) == [.learning, .learning])
        #expect(input.answers.suffix(2).map(\.card) == [0, 65_539])
        let replay = Replay(history: history, scheduler: scheduler)
        #expect(input.cards[65_539].due == replay.cards["c65539"]?.schedule.due)
        #expect(input.cards[0].due == replay.cards["c0"]?.schedule.due)
    }

    /// As Anki: a suspended card counts as suspended, not in its stage or the forecast; a card
    /// buried today is due tomorrow at the earliest; replay is unchanged by either.
    @Test func suspendedAndBuriedCardsAreCountedAsAnkiDoes() throws {
        let now = Instant(milliseconds: Self.t0 + 30 * Self.day + 10 * 3_600_000)
        func mark(_ n: UInt64, _ card: String, _ mark: CardMark) -> HistoryRecord {
            .mark(CardMarkEvent(id: EventID(high: 2, low: n), card: card, at: now.adding(seconds: -60), mark: mark))
        }
        let base: [HistoryRecord] = [Self.review(1, "a", 0, .easy), Self.review(2, "b", 0, .easy), Self.review(3, "c", 0, .easy)]
        let scheduler = try Scheduler(SchedulerConfiguration.default)
        func report(_ records: [HistoryRecord]) throws -> StatsReport {
            StatsReport(
                StatsInput(
                    history: try History(records), scheduler: scheduler, cards: [Self.deckCard("n", 200)], includeUnlisted: true,
                    now: now, dayStartsAt: 4, utcOffsetSeconds: 0, days: 30, deck: nil))
        }
        let plain = try report(base)
        #expect(plain.states.review == 3 && plain.states.new == 1 && plain.dueToday == 3)
        let marked = try report(base + [mark(1, "a", .suspend), mark(2, "b", .bury), mark(3, "n", .suspend)])
        #expect(marked.states.suspended == 2)
        #expect(marked.states.review == 2 && marked.states.new == 0)
        #expect(marked.dueToday == 1, "a is suspended, b buried: only c is due today")
        #expect(marked.dueTomorrow == plain.dueTomorrow + 1, "b comes back tomorrow")
        let a = try Replay(history: try History(base + [mark(1, "a", .suspend)]), configuration: .default)
        #expect(a.cards == (try Replay(history: try History(base), configuration: .default)).cards)
    }
}
