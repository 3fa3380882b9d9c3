import FSRS

extension StatsReport {
    /// Computes every figure in one pass over the answers (`AnswerTally`) and one over the
    /// cards (`CardTally`).
    public init(_ input: StatsInput) {
        let shift = StudyDay.shift(startsAtHour: input.dayStartsAt, utcOffsetSeconds: input.utcOffsetSeconds)
        let today = StudyDay.number(of: input.now.milliseconds, shift: shift)
        let answers = AnswerTally(input, today: today, shift: shift)
        let cards = CardTally(input, today: today, shift: shift)
        let streaks = answers.streaks()
        let windows: [(name: String, days: Int, count: RetentionCount)] = [
            ("day", 1, answers.day), ("week", 7, answers.week), ("month", 30, answers.month), ("year", 365, answers.year),
        ]
        self.init(
            now: input.now, today: StudyDay(number: today), dayStartsAt: input.dayStartsAt,
            utcOffsetSeconds: input.utcOffsetSeconds, deck: input.deck,
            todayAnswers: answers.todayAnswers, todayMilliseconds: answers.todayMilliseconds, todayAgain: answers.todayAgain,
            states: cards.states, forecast: cards.forecast,
            answersPerDay: answers.series(max(1, input.days)), calendar: answers.series(StatsReport.calendarDays),
            currentStreak: streaks.current, longestStreak: streaks.longest,
            retention: windows.map { Retention(window: $0.name, days: $0.days, reviews: $0.count.reviews, passed: $0.count.passed) },
            desiredRetention: input.desiredRetention,
            knowledge: cards.knowledge, cardsWithMemory: cards.withMemory,
            hardest: Array(cards.hardest.prefix(StatsReport.hardestCount)), leeches: cards.leeches,
            mastery: cards.mastery())
    }
}

/// Review-stage answers in a window, and how many of them passed (rated Hard or better).
struct RetentionCount {
    var reviews = 0
    var passed = 0

    mutating func add(passing: Bool) {
        reviews += 1
        if passing { passed += 1 }
    }
}

/// The answers, counted once: per study day back from today, today's figures, and the true
/// retention of each window.
///
/// Counted into an array indexed by days before today, so a million answers cost a few
/// additions each and no hashing. The array grows toward the past only as far as the oldest
/// answer; answers more than `oldestDay` days back (a clock far off) are left out of the per-day
/// figures.
struct AnswerTally {
    static let oldestDay = 40_000

    /// perDay[k] = answers k days before today.
    var perDay: [Int32]
    var todayAnswers = 0
    var todayAgain = 0
    var todayMilliseconds: Int64 = 0
    var day = RetentionCount(), week = RetentionCount(), month = RetentionCount(), year = RetentionCount()

    init(_ input: StatsInput, today: Int64, shift: Int64) {
        perDay = [Int32](repeating: 0, count: max(StatsReport.calendarDays, input.days, 1))
        let nowMs = input.now.milliseconds
        input.answers.withUnsafeBufferPointer { answers in
            for a in answers {
                let ms = a.at.milliseconds
                if ms > nowMs { continue }
                let back = Int(today - StudyDay.number(of: ms, shift: shift))
                if back >= perDay.count {
                    guard back < Self.oldestDay else { continue }
                    perDay.append(contentsOf: repeatElement(0, count: max(back + 1, perDay.count * 2) - perDay.count))
                }
                perDay[back] &+= 1
                if back == 0 {
                    todayAnswers += 1
                    todayMilliseconds += Int64(a.milliseconds)
                    if a.rating <= 1 { todayAgain += 1 }
                }
                if a.stageBefore == .review && back < 365 { countRetention(back: back, passing: a.rating >= 2) }
            }
        }
    }

    /// Each window holds the ones inside it: a review today counts for the day, week, month and year.
    @inline(__always)
    private mutating func countRetention(back: Int, passing: Bool) {
        year.add(passing: passing)
        guard back < 30 else { return }
        month.add(passing: passing)
        guard back < 7 else { return }
        week.add(passing: passing)
        guard back == 0 else { return }
        day.add(passing: passing)
    }

    /// Answers per day over the last `count` days, oldest first.
    func series(_ count: Int) -> [Int] { (0..<count).reversed().map { Int(perDay[$0]) } }

    /// The run of study days with answers that reaches today (or yesterday, while today has
    /// none yet), and the longest run there has been.
    func streaks() -> (current: Int, longest: Int) {
        var longest = 0, run = 0
        for k in stride(from: perDay.count - 1, through: 0, by: -1) {
            if perDay[k] > 0 {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        var current = 0
        var k = perDay[0] > 0 ? 0 : 1
        while k < perDay.count && perDay[k] > 0 {
            current += 1
            k += 1
        }
        return (current, longest)
    }
}

/// The cards, counted once: how many in each state, when they fall due, what the learner knows,
/// the hardest cards and leeches, and mastery per code.
struct CardTally {
    var states = StatsReport.StateCounts()
    var forecast = [Int](repeating: 0, count: StatsReport.forecastDays)
    var knowledge = 0.0
    var withMemory = 0
    /// Per code 100–599: whether any card asks it, its cards not suspended, and the mature ones.
    var codeSeen = [Bool](repeating: false, count: 500)
    var codeCards = [Int32](repeating: 0, count: 500)
    var codeMature = [Int32](repeating: 0, count: 500)
    var hardest: [StatsReport.CardFigure] = []
    var leeches: [StatsReport.CardFigure] = []

    init(_ input: StatsInput, today: Int64, shift: Int64) {
        for card in input.cards {
            countState(card, today: today, shift: shift)
            if let r = card.retrievability {
                knowledge += r
                withMemory += 1
            }
            if let code = card.code, (100...599).contains(code) {
                let i = code - 100
                codeSeen[i] = true
                if card.status != .suspended {
                    codeCards[i] += 1
                    if card.isMature { codeMature[i] += 1 }
                }
            }
            let figure = StatsReport.CardFigure(
                id: card.id, code: card.code, retrievability: card.retrievability,
                lapses: card.lapses, difficulty: card.difficulty, stability: card.stability)
            if card.retrievability != nil { hardest.append(figure) }
            if card.lapses >= StatsReport.leechLapses { leeches.append(figure) }
        }
        // Lowest recall first, then more lapses, then by id, so the order is stable.
        hardest.sort { a, b in
            let ra = a.retrievability ?? 1, rb = b.retrievability ?? 1
            if ra != rb { return ra < rb }
            if a.lapses != b.lapses { return a.lapses > b.lapses }
            return a.id < b.id
        }
        leeches.sort { $0.lapses != $1.lapses ? $0.lapses > $1.lapses : $0.id < $1.id }
    }

    private mutating func countState(_ card: StatsInput.Card, today: Int64, shift: Int64) {
        switch card.status {
        case .new: states.new += 1
        case .learning: states.learning += 1
        case .review: states.review += 1
        case .relearning: states.relearning += 1
        case .suspended: states.suspended += 1
        }
        if card.status != .new && card.status != .suspended, let due = card.due {
            let ahead = Int(StudyDay.number(of: due.milliseconds, shift: shift) - today)
            if ahead < StatsReport.forecastDays { forecast[max(card.buried ? 1 : 0, ahead)] += 1 }
        }
    }

    /// Per class: its codes, those whose every card is mature, and the cards.
    func mastery() -> [StatsReport.ClassMastery] {
        (1...5).map { statusClass in
            var m = StatsReport.ClassMastery(statusClass: statusClass, codes: 0, mastered: 0, cards: 0, matureCards: 0)
            for i in (statusClass - 1) * 100..<statusClass * 100 where codeSeen[i] {
                m.codes += 1
                m.cards += Int(codeCards[i])
                m.matureCards += Int(codeMature[i])
                if codeCards[i] > 0 && codeMature[i] == codeCards[i] { m.mastered += 1 }
            }
            return m
        }
    }
}
