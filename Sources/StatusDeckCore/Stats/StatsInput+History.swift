import FSRS

extension StatsInput {
    /// The stats input for a real history: replays it through `scheduler` by `Replay`'s rules and
    /// notes, for each answer, the stage its card was in just before.
    ///
    /// `Replay` gives the state after the last answer but not the stage before each one, which true
    /// retention needs; folding here once gives both, so a million answers are replayed once, not
    /// twice. The rules are the same: undone reviews are skipped, each card's answers are applied in
    /// order of instant (ties in file order), and fuzz comes from the card id and its review count.
    ///
    /// - Parameters:
    ///   - cards: the cards to report on, in order; an id listed twice (the same card in two
    ///     decks) counts once. Cards never answered are new.
    ///   - includeUnlisted: also report cards that appear in the history but in none of `cards`
    ///     (a deck since removed); their code is unknown. False when restricted to one deck.
    public init(history: History, scheduler: Scheduler, cards deckCards: [StatusDeckCore.Card],
                includeUnlisted: Bool, now: Instant, dayStartsAt: Int, utcOffsetSeconds: Int,
                days: Int, deck: String?) {
        var index = CardIndex()
        var codes: [Int?] = []
        for card in deckCards where index.find(card.id) == nil {
            index.insert(card.id)
            codes.append(card.code)
        }
        let listed = index.count

        let reviews = history.reviews
        let undone = history.undoneIDs
        var sorted = true
        var previous = Int64.min
        for r in reviews {
            if r.at.milliseconds < previous { sorted = false; break }
            previous = r.at.milliseconds
        }
        let order: [Int]? = sorted ? nil
            : reviews.indices.sorted { (reviews[$0].at, $0) < (reviews[$1].at, $1) }

        // Per card, by position: the schedule so far (meaningful once reps > 0), reps and lapses.
        let blank = Schedule.new(due: now)
        var schedules = [Schedule](repeating: blank, count: listed)
        var reps = [Int](repeating: 0, count: listed)
        var lapses = [Int](repeating: 0, count: listed)
        var answers: [Answer] = []
        answers.reserveCapacity(reviews.count)
        reviews.withUnsafeBufferPointer { reviews in
            for n in 0..<reviews.count {
                let k = order?[n] ?? n
                if !undone.isEmpty && undone.contains(reviews[k].id) { continue }
                let card = reviews[k].card
                let i: Int32
                if let known = index.find(card) {
                    i = known
                } else if includeUnlisted {
                    i = index.insert(card)
                    codes.append(nil)
                    schedules.append(blank)
                    reps.append(0)
                    lapses.append(0)
                } else {
                    continue
                }
                let c = Int(i)
                let at = reviews[k].at
                let rating = reviews[k].rating
                let fresh = reps[c] == 0
                let before = fresh ? Schedule.new(due: at) : schedules[c]
                let stage: StageBefore
                if fresh {
                    stage = .new
                } else {
                    switch before.stage {
                    case .learning: stage = .learning
                    case .review: stage = .review
                    case .relearning: stage = .relearning
                    }
                }
                if Scheduler.isLapse(before, rating: rating) { lapses[c] += 1 }
                schedules[c] = scheduler.review(before, rating: rating, at: at,
                                                fuzz: Fuzz.unit(cardID: card, reviewCount: reps[c]))
                reps[c] += 1
                answers.append(Answer(card: i, at: at, rating: UInt8(rating.rawValue),
                                      milliseconds: Int32(clamping: reviews[k].answerMilliseconds ?? 0),
                                      stageBefore: stage))
            }
        }

        let ids = index.ids
        var cards: [Card] = []
        cards.reserveCapacity(ids.count)
        for c in ids.indices {
            guard reps[c] > 0 else {
                cards.append(Card(id: ids[c], code: codes[c], status: .new))
                continue
            }
            let s = schedules[c]
            let status: Status
            switch s.stage {
            case .learning: status = .learning
            case .review: status = .review
            case .relearning: status = .relearning
            }
            cards.append(Card(id: ids[c], code: codes[c], status: status, stability: s.stability,
                              difficulty: s.difficulty, due: s.due, lastReview: s.lastReview,
                              retrievability: s.stability == nil ? nil : scheduler.retrievability(of: s, at: now),
                              lapses: lapses[c], reps: reps[c]))
        }
        self.init(cards: cards, answers: answers, now: now, dayStartsAt: dayStartsAt,
                  utcOffsetSeconds: utcOffsetSeconds,
                  desiredRetention: scheduler.configuration.desiredRetention, days: days, deck: deck)
    }
}
