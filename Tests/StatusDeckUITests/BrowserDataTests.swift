import FSRS
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckUI

/// The browser's rows and a card's info, built from a replayed history.
@Suite struct BrowserDataTests {
    typealias F = BrowserFixtures
    static let now = Instant(milliseconds: F.now)
    let scheduler: Scheduler
    init() throws { scheduler = try Scheduler(.default) }

    static func card(_ id: String, code: Int?, _ prompt: String = "Q") -> Card {
        Card(id: id, kind: .codeToMeaning, code: code, prompt: prompt, answer: "A", choices: [], explanation: "", mode: .flip)
    }

    static let cards = [
        card("http/404/code-to-meaning", code: 404, "What does 404 mean?"), card("http/410/code-to-meaning", code: 410),
        card("http/500/code-to-meaning", code: 500), card("contrast/401-403", code: nil),
        card("http/404/code-to-meaning", code: 404, "a duplicate id is listed once"),
    ]

    func review(_ n: UInt64, _ card: String, daysAgo: Double, _ rating: Rating, ms: Int? = nil) -> HistoryRecord {
        .review(
            ReviewEvent(
                id: EventID(high: 0, low: n), card: card, at: Self.now.adding(seconds: -Int64(daysAgo * 86_400)), rating: rating,
                answerMilliseconds: ms))
    }

    func replay() throws -> Replay {
        let records: [HistoryRecord] = [
            review(1, "http/404/code-to-meaning", daysAgo: 30, .good, ms: 4_000),
            review(2, "http/404/code-to-meaning", daysAgo: 29.99, .good),
            review(3, "http/404/code-to-meaning", daysAgo: 25, .again),
            // Undone: left out of the answers and of the state.
            review(4, "http/404/code-to-meaning", daysAgo: 24, .easy),
            .undo(UndoEvent(id: EventID(high: 2, low: 1), target: EventID(high: 0, low: 4), at: Self.now.adding(seconds: -86_400 * 24))),
            review(5, "http/404/code-to-meaning", daysAgo: 24.99, .good, ms: 12_500),
            review(6, "http/404/code-to-meaning", daysAgo: 10, .hard),
            review(7, "http/500/code-to-meaning", daysAgo: 3, .good),
            .mark(CardMarkEvent(id: EventID(high: 1, low: 1), card: "http/500/code-to-meaning", at: Self.now.adding(seconds: -3600), mark: .suspend)),
            .mark(CardMarkEvent(id: EventID(high: 1, low: 2), card: "contrast/401-403", at: Self.now.adding(seconds: -60), mark: .bury)),
        ]
        return Replay(history: try History(records), scheduler: scheduler)
    }

    @Test func rowsFollowTheDeckWithStateMarksAndRecall() throws {
        let replay = try replay()
        let dayStart = Self.now.adding(seconds: -2 * 3600)
        let rows = BrowserData.rows(cards: Self.cards, replay: replay, now: Self.now, dayStart: dayStart)
        #expect(rows.map(\.cardID) == ["http/404/code-to-meaning", "http/410/code-to-meaning", "http/500/code-to-meaning", "contrast/401-403"])
        let r404 = try #require(replay.cards["http/404/code-to-meaning"])
        #expect(rows[0].state == .review)
        #expect(rows[0].prompt == "What does 404 mean?")
        #expect(rows[0].due == r404.schedule.due)
        #expect(rows[0].stability == r404.schedule.stability)
        #expect(rows[0].recall == scheduler.retrievability(of: r404.schedule, at: Self.now))
        #expect(rows[0].lapses == 1)
        #expect(rows[0].reps == 5)
        #expect(rows[1] == BrowserRow(cardID: "http/410/code-to-meaning", code: 410, prompt: "Q", answer: "A", state: .new))
        #expect(rows[2].suspended && !rows[2].buried)
        #expect(rows[3].buried && rows[3].code == nil)
        // A bury lasts the study day it was made in.
        let tomorrow = BrowserData.rows(cards: Self.cards, replay: replay, now: Self.now, dayStart: Self.now)
        #expect(!tomorrow[3].buried)
    }

    @Test func infoListsEachAnswerWithTheIntervalReplayGaveIt() throws {
        let replay = try replay()
        let info = BrowserData.info(Self.cards[0], replay: replay, now: Self.now)
        #expect(info.answers.map(\.rating) == [.good, .good, .again, .good, .hard], "in replay order, the undone one left out")
        #expect(info.answers.map(\.answerMilliseconds) == [4_000, nil, nil, 12_500, nil])
        // Folding the answers one by one gives each due; the last is the card's due now.
        var schedule: Schedule?
        for (i, a) in info.answers.enumerated() {
            let s = scheduler.review(schedule ?? .new(due: a.at), rating: a.rating, at: a.at, fuzz: Fuzz.unit(cardID: info.cardID, reviewCount: i))
            #expect(a.due == s.due)
            #expect(a.intervalMilliseconds == s.due.milliseconds - a.at.milliseconds)
            schedule = s
        }
        let record = try #require(replay.cards[info.cardID])
        #expect(info.answers.last?.due == record.schedule.due)
        #expect(info.difficulty == record.schedule.difficulty)
        // The curve starts at the recall the row shows and only falls.
        #expect(info.recallByDay.count == BrowserData.curveDays + 1)
        #expect(info.recallByDay[0] == scheduler.retrievability(of: record.schedule, at: Self.now))
        #expect(zip(info.recallByDay, info.recallByDay.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(info.recallByDay[90] < info.recallByDay[0])
    }

    @Test func aCardNeverAnsweredHasNoAnswersAndNoCurve() throws {
        let info = BrowserData.info(Self.cards[1], replay: try replay(), now: Self.now)
        #expect(info.answers.isEmpty)
        #expect(info.recallByDay.isEmpty)
        #expect(info.difficulty == nil)
    }

    @Test func datesAreLocalTime() {
        // 2026-12-04T06:00Z is 14:00 in Beijing and 2026-12-03 22:00 in Los Angeles.
        #expect(CardBrowser.date(Self.now, utcOffsetSeconds: 0) == "2026-12-04 06:00")
        #expect(CardBrowser.date(Self.now, utcOffsetSeconds: 8 * 3600) == "2026-12-04 14:00")
        #expect(CardBrowser.date(Self.now, utcOffsetSeconds: -8 * 3600) == "2026-12-03 22:00")
        #expect(CardBrowser.date(Instant(milliseconds: -1), utcOffsetSeconds: 0) == "1969-12-31 23:59")
        #expect(CardBrowser.seconds(4_250) == "4.2s")
        #expect(CardBrowser.seconds(12_500) == "13s")
        #expect(CardBrowser.sparkline([1, 0.5, 0], width: 3) == "█▄▁")
    }
}
