import FSRS
import StatusDeckHistory

extension StatsInput {
    /// The stats input for a real history: replays it through `scheduler` by `Replay`'s rules and
    /// notes, for each answer, the stage its card was in just before.
    ///
    /// `Replay` gives the state after the last answer but not the stage before each one, which true
    /// retention needs; folding here once gives both, so a million answers are replayed once, not
    /// twice. The rules are the same: undone reviews are skipped, each card's answers are applied in
    /// order of instant (ties by event id, as Replay), and fuzz comes from the card id and its review count.
    /// Like `Replay`, it reads cards as the history's small numbers and hashes each id once.
    ///
    /// - Parameters:
    ///   - cards: the cards to report on, in order; an id listed twice (the same card in two
    ///     decks) counts once. Cards never answered are new.
    ///   - includeUnlisted: also report cards that appear in the history but in none of `cards`
    ///     (a deck since removed); their code is unknown. False when restricted to one deck.
    ///   - maxAnswerMilliseconds: an answer counts as taking at most this long (`max_answer_seconds`);
    ///     older lines recorded before the cap keep their value in the file but count capped here.
    public init(
        history: History, scheduler: Scheduler, cards deckCards: [StatusDeckCore.Card],
        includeUnlisted: Bool, now: Instant, dayStartsAt: Int, utcOffsetSeconds: Int,
        days: Int, deck: String?, maxAnswerMilliseconds: Int32 = 60_000
    ) {
        self.init(
            history: history, scheduler: scheduler, cardKeys: deckCards.map(CardKey.init),
            includeUnlisted: includeUnlisted, now: now, dayStartsAt: dayStartsAt,
            utcOffsetSeconds: utcOffsetSeconds, days: days, deck: deck,
            maxAnswerMilliseconds: maxAnswerMilliseconds)
    }

    /// As above, from the cards' keys alone (`BuiltInDecks.cardKeys`), so no card text is written.
    public init(
        history: History, scheduler: Scheduler, cardKeys deckCards: [CardKey],
        includeUnlisted: Bool, now: Instant, dayStartsAt: Int, utcOffsetSeconds: Int,
        days: Int, deck: String?, maxAnswerMilliseconds: Int32 = 60_000
    ) {
        // Looked up once per distinct card, never per review, so a dictionary is cheap here.
        var index: [String: Int32] = [:]
        var ids: [String] = []
        var codes: [Int?] = []
        for card in deckCards where index[card.id] == nil {
            index[card.id] = Int32(ids.count)
            ids.append(card.id)
            codes.append(card.code)
        }

        let reviews = history.packed
        let n = reviews.count
        // History card number → report position, or -1 for a card left out of the report.
        var position = [Int32](repeating: -1, count: history.cardCount)
        for h in 0..<history.cardCount {
            let id = history.cardID(at: h)
            if let known = index[id] {
                position[h] = known
            } else if includeUnlisted {
                position[h] = Int32(ids.count)
                index[id] = Int32(ids.count)
                ids.append(id)
                codes.append(nil)
            }
        }
        let seeds = ids.map { Fuzz.seed(cardID: $0) }

        let skip = history.undoneMask()
        // Empty: file order is already the fold order, as Replay folds.
        let order = history.foldOrder()

        // Per card, by position: the schedule so far (meaningful once reps > 0), reps and lapses.
        let blank = Schedule.new(due: now)
        var schedules = [Schedule](repeating: blank, count: ids.count)
        var reps = [Int](repeating: 0, count: ids.count)
        var lapses = [Int](repeating: 0, count: ids.count)
        var answers: [Answer] = []
        answers.reserveCapacity(n)
        reviews.withUnsafeBufferPointer { reviews in
            for k in 0..<n {
                let i = order.isEmpty ? k : Int(order[k])
                let p = position[Int(reviews[i].card)]
                if p < 0 || (!skip.isEmpty && skip[i >> 6] & (1 << UInt64(i & 63)) != 0) { continue }
                let c = Int(p)
                let at = reviews[i].instant
                let rating = reviews[i].ratingValue
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
                schedules[c] = scheduler.review(
                    before, rating: rating, at: at,
                    fuzz: Fuzz.unit(seed: seeds[c], reviewCount: reps[c]))
                reps[c] += 1
                answers.append(
                    Answer(
                        card: p, at: at, rating: UInt8(rating.rawValue),
                        milliseconds: reviews[i].milliseconds == ReviewEvent.noMilliseconds
                            ? 0 : min(Int32(clamping: reviews[i].milliseconds), maxAnswerMilliseconds),
                        stageBefore: stage))
            }
        }

        // Suspended cards count as suspended, not in their stage; buried ones are not due today.
        let marks = CardMarks(history: history)
        let buried = marks.buried(
            dayStart: DailyQueue.dayStart(now: now, dayStartsAt: dayStartsAt, utcOffsetSeconds: utcOffsetSeconds))
        var cards: [Card] = []
        cards.reserveCapacity(ids.count)
        for c in ids.indices {
            let suspended = !marks.suspended.isEmpty && marks.suspended.contains(ids[c])
            guard reps[c] > 0 else {
                cards.append(Card(id: ids[c], code: codes[c], status: suspended ? .suspended : .new))
                continue
            }
            let s = schedules[c]
            var status: Status
            switch s.stage {
            case .learning: status = .learning
            case .review: status = .review
            case .relearning: status = .relearning
            }
            if suspended { status = .suspended }
            var card = Card(
                id: ids[c], code: codes[c], status: status, stability: s.stability,
                difficulty: s.difficulty, due: s.due, lastReview: s.lastReview,
                retrievability: s.stability == nil ? nil : scheduler.retrievability(of: s, at: now),
                lapses: lapses[c], reps: reps[c])
            card.buried = !buried.isEmpty && buried.contains(ids[c])
            cards.append(card)
        }
        self.init(
            cards: cards, answers: answers, now: now, dayStartsAt: dayStartsAt,
            utcOffsetSeconds: utcOffsetSeconds,
            desiredRetention: scheduler.configuration.desiredRetention, days: days, deck: deck)
    }
}
