import FSRS
import Testing

@testable import StatusDeckCore

/// One figure at a time, on inputs small enough to check by hand.
@Suite struct StatsReportTests {
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000
    /// 2026-11-22 00:00 UTC.
    static let midnight: Int64 = 1_795_305_600_000

    static func at(_ hours: Double) -> Instant {
        Instant(milliseconds: midnight + Int64(hours * Double(hour)))
    }

    static func answer(_ at: Instant, rating: UInt8 = 3, stage: StatsInput.StageBefore = .review) -> StatsInput.Answer {
        StatsInput.Answer(card: 0, at: at, rating: rating, milliseconds: 1000, stageBefore: stage)
    }

    static func report(
        _ answers: [StatsInput.Answer], cards: [StatsInput.Card] = [], now: Instant,
        dayStartsAt: Int = 4, offset: Int = 0
    ) -> StatsReport {
        StatsReport(
            StatsInput(
                cards: cards, answers: answers, now: now, dayStartsAt: dayStartsAt,
                utcOffsetSeconds: offset, desiredRetention: 0.9, days: 30))
    }

    @Test func answersBeforeDayStartBelongToThePreviousDay() {
        // 04:30 and next night's 03:30 are one study day: a one-day streak.
        let sameDay = Self.report([Self.answer(Self.at(4.5)), Self.answer(Self.at(27.5))], now: Self.at(27.75))
        #expect(sameDay.currentStreak == 1)
        #expect(sameDay.todayAnswers == 2)
        // 04:00 sharp starts the next day: two days.
        let twoDays = Self.report([Self.answer(Self.at(4.5)), Self.answer(Self.at(28))], now: Self.at(28.5))
        #expect(twoDays.currentStreak == 2)
        #expect(twoDays.todayAnswers == 1)
        #expect(twoDays.answersPerDay.suffix(2) == [1, 1])
    }

    @Test func dayBoundaryFollowsTheUTCOffset() {
        // 22:00 UTC is 06:00 next day at UTC+8: past 04:00, so a new study day there.
        let east = Self.report([Self.answer(Self.at(2)), Self.answer(Self.at(22))], now: Self.at(23), offset: 8 * 3600)
        #expect(east.currentStreak == 2)
        #expect(east.today.iso == "2026-11-23")
        let utc = Self.report([Self.answer(Self.at(5)), Self.answer(Self.at(22))], now: Self.at(23))
        #expect(utc.currentStreak == 1)
        #expect(utc.today.iso == "2026-11-22")
    }

    @Test func streakSurvivesATodayWithoutAnswersButNotAGap() {
        let answers = [Self.answer(Self.at(-48 + 10)), Self.answer(Self.at(-24 + 10))]
        #expect(Self.report(answers, now: Self.at(12)).currentStreak == 2)
        #expect(Self.report(answers, now: Self.at(24 + 12)).currentStreak == 0)
        #expect(Self.report(answers, now: Self.at(24 + 12)).longestStreak == 2)
    }

    @Test func longestStreakReachesBeyondTheCalendarYear() {
        let old = (0..<4).map { Self.answer(Self.at(Double(-24 * (500 + $0)) + 12)) }
        let r = Self.report(old.reversed() + [Self.answer(Self.at(10))], now: Self.at(12))
        #expect(r.longestStreak == 4)
        #expect(r.currentStreak == 1)
        #expect(r.calendar.reduce(0, +) == 1)
    }

    @Test func answersAfterNowAreIgnored() {
        let r = Self.report([Self.answer(Self.at(10)), Self.answer(Self.at(13))], now: Self.at(12))
        #expect(r.todayAnswers == 1)
    }

    @Test func retentionCountsOnlyReviewStageAnswers() {
        let answers = [
            Self.answer(Self.at(10), rating: 1, stage: .learning),
            Self.answer(Self.at(10), rating: 1, stage: .relearning),
            Self.answer(Self.at(10), rating: 3, stage: .new),
            Self.answer(Self.at(10), rating: 1, stage: .review),
            Self.answer(Self.at(10), rating: 2, stage: .review),
            Self.answer(Self.at(10), rating: 4, stage: .review),
            Self.answer(Self.at(-24 * 6 + 10), rating: 1, stage: .review),
            Self.answer(Self.at(-24 * 7 + 10), rating: 3, stage: .review),
        ]
        let r = Self.report(answers, now: Self.at(12))
        #expect(r.retention.map(\.window) == ["day", "week", "month", "year"])
        #expect(r.retention.map(\.reviews) == [3, 4, 5, 5])
        #expect(r.retention.map(\.passed) == [2, 2, 3, 3])
        #expect(r.retention[0].rate == 2.0 / 3.0)
        #expect(r.todayAnswers == 6)
        #expect(r.todayAgain == 3)
    }

    @Test func retentionIsNilWithoutReviews() {
        let r = Self.report([Self.answer(Self.at(10), stage: .new)], now: Self.at(12))
        #expect(r.retention.allSatisfy { $0.rate == nil })
        #expect(Self.report([], now: Self.at(12)).todayAgainRate == nil)
    }

    static func reviewCard(
        _ id: String, code: Int?, interval: Int64, status: StatsInput.Status = .review,
        lapses: Int = 0, r: Double? = 0.9
    ) -> StatsInput.Card {
        let last = Self.at(-24)
        return StatsInput.Card(
            id: id, code: code, status: status, stability: 10, difficulty: 5,
            due: Instant(milliseconds: last.milliseconds + interval * Self.day),
            lastReview: last, retrievability: r, lapses: lapses)
    }

    @Test func leechesHaveEightOrMoreLapses() {
        let cards = [
            Self.reviewCard("a", code: 200, interval: 3, lapses: 7),
            Self.reviewCard("b", code: 200, interval: 3, lapses: 8),
            Self.reviewCard("c", code: 200, interval: 3, lapses: 12),
        ]
        let r = Self.report([], cards: cards, now: Self.at(12))
        #expect(r.leeches.map(\.id) == ["c", "b"])
    }

    @Test func hardestOrdersByRetrievabilityThenLapses() {
        let cards = [
            Self.reviewCard("a", code: 200, interval: 3, lapses: 1, r: 0.5),
            Self.reviewCard("b", code: 200, interval: 3, lapses: 4, r: 0.5),
            Self.reviewCard("c", code: 200, interval: 3, lapses: 9, r: 0.8),
            StatsInput.Card(id: "new", code: 200, status: .new),
        ]
        let r = Self.report([], cards: cards, now: Self.at(12))
        #expect(r.hardest.map(\.id) == ["b", "a", "c"])
        #expect(r.cardsWithMemory == 3)
        #expect(abs(r.knowledge - 1.8) < 1e-12)
    }

    @Test func masteryNeedsEveryCardOfACodeMature() {
        let cards = [
            // 200: both cards at 21 days or more: mastered.
            Self.reviewCard("200a", code: 200, interval: 21), Self.reviewCard("200b", code: 200, interval: 40),
            // 201: one at 20 days: not yet.
            Self.reviewCard("201a", code: 201, interval: 21), Self.reviewCard("201b", code: 201, interval: 20),
            // 202: a suspended card does not hold it back.
            Self.reviewCard("202a", code: 202, interval: 30), Self.reviewCard("202b", code: 202, interval: 1, status: .suspended),
            // 203: relearning is not mature whatever its last interval.
            Self.reviewCard("203a", code: 203, interval: 30, status: .relearning),
            // 500: only suspended cards: counted, not mastered.
            Self.reviewCard("500a", code: 500, interval: 30, status: .suspended),
            // No code (class cards): not in mastery.
            Self.reviewCard("class", code: nil, interval: 30),
        ]
        let r = Self.report([], cards: cards, now: Self.at(12))
        #expect(r.mastery.map(\.statusClass) == [1, 2, 3, 4, 5])
        #expect(r.mastery[1] == StatsReport.ClassMastery(statusClass: 2, codes: 4, mastered: 2, cards: 6, matureCards: 4))
        #expect(r.mastery[4] == StatsReport.ClassMastery(statusClass: 5, codes: 1, mastered: 0, cards: 0, matureCards: 0))
        #expect(r.mastery[0].codes == 0)
    }

    @Test func forecastPutsOverdueCardsTodayAndSkipsNewAndSuspended() {
        func card(_ dueHours: Double, _ status: StatsInput.Status) -> StatsInput.Card {
            StatsInput.Card(id: "x", status: status, due: Self.at(dueHours))
        }
        // The day runs to 04:00 tomorrow (28 hours after midnight).
        let cards = [
            card(-100, .review), card(20, .learning), card(27.9, .relearning), card(28, .learning), card(30, .review),
            card(12 + 24 * 29, .review), card(12 + 24 * 30, .review), card(5, .suspended), card(5, .new),
        ]
        let r = Self.report([], cards: cards, now: Self.at(12))
        #expect(r.dueToday == 3)
        #expect(r.dueTomorrow == 2)
        #expect(r.forecast.count == 30)
        #expect(r.forecast[29] == 1)
        #expect(r.forecast.reduce(0, +) == 6)
        #expect(r.states.review == 4 && r.states.new == 1 && r.states.suspended == 1)
    }

    @Test func studyDayCalendarArithmetic() {
        #expect(StudyDay(number: 0).iso == "1970-01-01")
        #expect(StudyDay(number: 0).weekday == 3)
        #expect(StudyDay(number: -1).iso == "1969-12-31")
        #expect(StudyDay(number: 20_414).iso == "2025-11-22")
        #expect(StudyDay(containing: Instant(milliseconds: -1), startsAtHour: 0, utcOffsetSeconds: 0).number == -1)
        #expect(StudyDay(containing: Instant(milliseconds: 3 * 3_600_000), startsAtHour: 4, utcOffsetSeconds: 0).number == -1)
    }

    @Test func longPeriodsAreBucketedToFitEightyColumns() {
        var input = StatsFixture.input
        input.days = 365
        let r = StatsReport(input)
        #expect(r.answersPerDay.count == 365)
        let text = StatsTextRenderer.render(r, colour: false)
        #expect(text.contains("Answers, last 365 days"))
        #expect(text.contains("(6 days a column)"))
        for line in text.split(separator: "\n") { #expect(StatsText.width(String(line)) <= 80) }
    }

    @Test func heatmapShadesByQuartileOfBusyDays() {
        #expect(StatsTextRenderer.shadeLimits([0, 4, 1, 1, 0, 1, 1, 1, 1, 3, 3]) == [1, 1, 3])
        #expect(StatsTextRenderer.shadeLimits([0, 0]) == [])
        #expect(StatsTextRenderer.shadeLimits([5]) == [5, 5, 5])
    }

    @Test func untrustedCardTextIsMadeHarmless() {
        let card = Self.reviewCard("evil\u{1B}[2J\u{202E}id", code: 200, interval: 3, lapses: 9)
        var input = StatsInput(cards: [card], answers: [], now: Self.at(12))
        input.deck = "deck\u{07}"
        let text = StatsTextRenderer.render(StatsReport(input), colour: false)
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{202E}"))
        #expect(!text.contains("\u{07}"))
        // The shared sanitizer drops a whole escape sequence and the bidi override.
        #expect(text.contains("evilid"))
    }

    @Test func csvIsOneLongTable() {
        var input = StatsFixture.input
        input.cards[0].id = "odd,\"id\""
        input.cards[0].lapses = 8
        let csv = StatsCSVEncoder.encode(StatsReport(input))
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "metric,key,value")
        #expect(lines.last == "")
        #expect(lines.contains("cards,new,1"))
        #expect(lines.contains("due,today,2"))
        #expect(lines.contains("streak,longest,5"))
        #expect(lines.contains("retention.rate,week,0.6667"))
        #expect(lines.contains("calendar,2026-05-06,4"))
        #expect(lines.contains("leech.lapses,\"odd,\"\"id\"\"\",8"))
        #expect(lines.contains("mastery.mastered,4xx,1"))
        #expect(lines.filter { $0.hasPrefix("forecast,") }.count == 30)
        #expect(lines.filter { $0.hasPrefix("answers_per_day,") }.count == 30)
    }

    @Test func jsonEscapesStrings() {
        var input = StatsInput(cards: [], answers: [], now: Self.at(12))
        input.deck = "a\"b\\c\nd\u{01}"
        let json = StatsJSONEncoder.encode(StatsReport(input))
        #expect(json.contains(#""deck": "a\"b\\c\nd\u0001","#))
    }
}
