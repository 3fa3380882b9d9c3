import FSRS

extension StatsReport {
    /// Computes every figure in one pass over the answers and one over the cards.
    ///
    /// Answers are counted into arrays indexed by days before today, so a million answers cost a
    /// few additions each and no hashing. The per-day array grows toward the past only as far as
    /// the oldest answer; answers more than `oldestDay` days back (a clock far off) are left out
    /// of the per-day figures but not of today's.
    public init(_ input: StatsInput) {
        let shift = StudyDay.shift(startsAtHour: input.dayStartsAt, utcOffsetSeconds: input.utcOffsetSeconds)
        let nowMs = input.now.milliseconds
        let today = StudyDay.number(of: nowMs, shift: shift)
        let oldestDay = 40_000

        // perDay[k] = answers k days before today.
        var perDay = [Int32](repeating: 0, count: max(StatsReport.calendarDays, input.days, 1))
        var todayAnswers = 0, todayAgain = 0
        var todayMs: Int64 = 0
        // Review-stage answers and passes per window: day, week, month, year.
        var reviews = (0, 0, 0, 0), passed = (0, 0, 0, 0)

        input.answers.withUnsafeBufferPointer { answers in
            for a in answers {
                let ms = a.at.milliseconds
                if ms > nowMs { continue }
                let back = Int(today - StudyDay.number(of: ms, shift: shift))
                if back >= perDay.count {
                    guard back < oldestDay else { continue }
                    perDay.append(contentsOf: repeatElement(0, count: max(back + 1, perDay.count * 2) - perDay.count))
                }
                perDay[back] &+= 1
                if back == 0 {
                    todayAnswers += 1
                    todayMs += Int64(a.milliseconds)
                    if a.rating <= 1 { todayAgain += 1 }
                }
                if a.stageBefore == .review && back < 365 {
                    let pass = a.rating >= 2 ? 1 : 0
                    reviews.3 += 1
                    passed.3 += pass
                    if back < 30 {
                        reviews.2 += 1
                        passed.2 += pass
                        if back < 7 {
                            reviews.1 += 1
                            passed.1 += pass
                            if back == 0 {
                                reviews.0 += 1
                                passed.0 += pass
                            }
                        }
                    }
                }
            }
        }

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

        func series(_ count: Int) -> [Int] { (0..<count).reversed().map { Int(perDay[$0]) } }

        var states = StateCounts()
        var forecast = [Int](repeating: 0, count: StatsReport.forecastDays)
        var knowledge = 0.0, withMemory = 0
        // Per code 100–599: cards not suspended, and mature ones among them.
        var codeCards = [Int32](repeating: 0, count: 500)
        var codeMature = [Int32](repeating: 0, count: 500)
        var codeSeen = [Bool](repeating: false, count: 500)
        var hardest: [CardFigure] = []
        var leeches: [CardFigure] = []
        for card in input.cards {
            switch card.status {
            case .new: states.new += 1
            case .learning: states.learning += 1
            case .review: states.review += 1
            case .relearning: states.relearning += 1
            case .suspended: states.suspended += 1
            }
            if card.status != .new && card.status != .suspended, let due = card.due {
                let ahead = Int(StudyDay.number(of: due.milliseconds, shift: shift) - today)
                if ahead < StatsReport.forecastDays { forecast[max(0, ahead)] += 1 }
            }
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
            let figure = CardFigure(
                id: card.id, code: card.code, retrievability: card.retrievability,
                lapses: card.lapses, difficulty: card.difficulty, stability: card.stability)
            if card.retrievability != nil { hardest.append(figure) }
            if card.lapses >= StatsReport.leechLapses { leeches.append(figure) }
        }
        hardest.sort { a, b in
            let ra = a.retrievability ?? 1, rb = b.retrievability ?? 1
            if ra != rb { return ra < rb }
            if a.lapses != b.lapses { return a.lapses > b.lapses }
            return a.id < b.id
        }
        leeches.sort { $0.lapses != $1.lapses ? $0.lapses > $1.lapses : $0.id < $1.id }

        var mastery: [ClassMastery] = []
        for statusClass in 1...5 {
            var m = ClassMastery(statusClass: statusClass, codes: 0, mastered: 0, cards: 0, matureCards: 0)
            for i in (statusClass - 1) * 100..<statusClass * 100 where codeSeen[i] {
                m.codes += 1
                m.cards += Int(codeCards[i])
                m.matureCards += Int(codeMature[i])
                if codeCards[i] > 0 && codeMature[i] == codeCards[i] { m.mastered += 1 }
            }
            mastery.append(m)
        }

        let windows = [
            ("day", 1, reviews.0, passed.0), ("week", 7, reviews.1, passed.1),
            ("month", 30, reviews.2, passed.2), ("year", 365, reviews.3, passed.3),
        ]
        self.init(
            now: input.now, today: StudyDay(number: today), dayStartsAt: input.dayStartsAt,
            utcOffsetSeconds: input.utcOffsetSeconds, deck: input.deck,
            todayAnswers: todayAnswers, todayMilliseconds: todayMs, todayAgain: todayAgain,
            states: states, forecast: forecast,
            answersPerDay: series(max(1, input.days)), calendar: series(StatsReport.calendarDays),
            currentStreak: current, longestStreak: longest,
            retention: windows.map { Retention(window: $0.0, days: $0.1, reviews: $0.2, passed: $0.3) },
            desiredRetention: input.desiredRetention,
            knowledge: knowledge, cardsWithMemory: withMemory,
            hardest: Array(hardest.prefix(StatsReport.hardestCount)), leeches: leeches, mastery: mastery)
    }
}
