import FSRS

/// The figures of `statusdeck stats`, computed once and rendered as text, JSON or CSV.
///
/// Every per-day series is oldest first and ends with today; study days follow `day_starts_at`.
public struct StatsReport: Equatable, Sendable {
    /// Days in the review stage from which a card counts as mature (Anki's threshold).
    public static let matureInterval = 21
    /// Lapses from which a card is a leech (Anki's default threshold).
    public static let leechLapses = 8
    /// Days in the forecast, today first.
    public static let forecastDays = 30
    /// Days in the calendar heatmap, today last.
    public static let calendarDays = 365
    /// How many of the hardest cards are listed.
    public static let hardestCount = 10

    public struct StateCounts: Equatable, Sendable {
        public var new = 0, learning = 0, review = 0, relearning = 0, suspended = 0
        public init() {}
        public var total: Int { new + learning + review + relearning + suspended }
    }

    /// True retention over the last `days` study days, today included.
    public struct Retention: Equatable, Sendable {
        /// `day`, `week`, `month` or `year`.
        public var window: String
        public var days: Int
        /// Answers given to cards in the review stage.
        public var reviews: Int
        /// Of those, answers rated Hard, Good or Easy.
        public var passed: Int
        /// `passed / reviews`; nil when there were no reviews.
        public var rate: Double? { reviews == 0 ? nil : Double(passed) / Double(reviews) }
    }

    /// One card in the hardest or leech lists.
    public struct CardFigure: Equatable, Sendable {
        public var id: String
        public var code: Int?
        public var retrievability: Double?
        public var lapses: Int
        public var difficulty: Double?
        public var stability: Double?
    }

    /// Mastery of one status class (1 = 1xx … 5 = 5xx).
    ///
    /// A code counts when at least one of its cards is in the input. It is mastered when it has a
    /// card that is not suspended and every card of it that is not suspended is mature.
    public struct ClassMastery: Equatable, Sendable {
        public var statusClass: Int
        public var codes: Int
        public var mastered: Int
        public var cards: Int
        public var matureCards: Int
    }

    public var now: Instant
    public var today: StudyDay
    public var dayStartsAt: Int
    public var utcOffsetSeconds: Int
    public var deck: String?

    public var todayAnswers: Int
    public var todayMilliseconds: Int64
    public var todayAgain: Int
    /// Share of today's answers rated Again; nil when there were none.
    public var todayAgainRate: Double? { todayAnswers == 0 ? nil : Double(todayAgain) / Double(todayAnswers) }

    public var states: StateCounts
    /// Cards due by the end of today (overdue ones included), then per day; index 0 is today.
    public var forecast: [Int]
    public var dueToday: Int { forecast.first ?? 0 }
    public var dueTomorrow: Int { forecast.count > 1 ? forecast[1] : 0 }

    /// Answers per day over the last `--days` days, today last.
    public var answersPerDay: [Int]
    /// Answers per day over the last 365 days, today last.
    public var calendar: [Int]
    /// Consecutive days with at least one answer ending today, or yesterday when today has none
    /// yet (a streak is not broken until the day is over).
    public var currentStreak: Int
    public var longestStreak: Int

    public var retention: [Retention]
    public var desiredRetention: Double

    /// Sum of retrievability now over cards with a memory state: the expected number of cards
    /// that would be recalled if all were asked now.
    public var knowledge: Double
    public var cardsWithMemory: Int

    /// Lowest retrievability first, then most lapses, then id; at most `hardestCount`.
    public var hardest: [CardFigure]
    /// Cards with `leechLapses` or more lapses: most lapses first, then id.
    public var leeches: [CardFigure]
    /// Classes 1xx to 5xx, in order.
    public var mastery: [ClassMastery]

    /// The first day of `answersPerDay`.
    public var firstAnswerDay: StudyDay { today.advanced(by: -Int64(answersPerDay.count - 1)) }
    /// The first day of `calendar`.
    public var firstCalendarDay: StudyDay { today.advanced(by: -Int64(calendar.count - 1)) }
}
