import FSRS

/// Card state as a fold of the history through the scheduler.
///
/// Rules, so that any two machines derive the same state from the same events:
/// - an undo cancels its target review wherever either line sits; duplicates were collapsed by id;
/// - each card's reviews are applied in order of instant, ties by event id (`History.foldOrder`),
///   so machines holding the same events in different file orders agree. A clock that went
///   backwards therefore yields an answer that sorts earlier than ones written before it; the
///   scheduler never sees negative elapsed time;
/// - the fuzz of a review is `Fuzz.unit(cardID:reviewCount:)` with the number of reviews of that
///   card before it, so replay reproduces every due date.
/// `record(_:)` keeps this true incrementally: an answer older than its card's last review, or
/// an undo, re-folds that one card, so incremental state always equals a fresh replay.
public struct Replay: Sendable {
    public let scheduler: Scheduler
    public private(set) var history: History
    public private(set) var cards: [String: CardRecord] = [:]
    /// Suspended and buried cards, kept current as marks and undos are recorded.
    public private(set) var marks: CardMarks
    private var undone: Set<EventID>

    /// Replays a whole history.
    public init(history: History, scheduler: Scheduler) {
        self.scheduler = scheduler
        self.history = history
        self.undone = history.undoneIDs
        self.cards = Self.replayAll(history, undone: undone, scheduler)
        self.marks = CardMarks(history: history)
    }

    public init(history: History, configuration: SchedulerConfiguration) throws {
        self.init(history: history, scheduler: try Scheduler(configuration))
    }

    /// Adds one record (an answer just given, an undo, a mark) and updates only what it touches.
    /// Returns `.duplicate` when the id was already there, leaving state unchanged.
    @discardableResult
    public mutating func record(_ record: HistoryRecord) throws(InputError) -> History.Addition {
        guard try history.add(record) == .added else { return .duplicate }
        switch record {
        case .review(let r):
            if undone.contains(r.id) { return .added }
            // A tie with the card's last review may fold before it (ties go by id): refold too.
            if let current = cards[r.card], r.at <= current.lastReview {
                refold(r.card)
            } else {
                Self.fold(r, into: &cards, scheduler)
            }
        case .undo(let u):
            undone.insert(u.target)
            switch history.find(u.target) {
            case .review(let target)?: refold(target.card)
            case .mark?: marks = CardMarks(history: history)
            default: break
            }
        case .mark:
            marks = CardMarks(history: history)
        case .setting:
            break  // settings are read by the study settings, not by the cards' state
        }
        return .added
    }

    /// The schedule a card would have after each rating now, for the grade keys' hints.
    public func preview(card: String, at: Instant) -> [Schedule] {
        let current = cards[card]
        let schedule = current?.schedule ?? Schedule.new(due: at)
        return scheduler.preview(schedule, at: at, fuzz: Fuzz.unit(cardID: card, reviewCount: current?.reps ?? 0))
    }

    /// Folds one card again from its first review. Runs on an undo key, so the card's reviews are
    /// found by their number among the packed reviews: unpacking a million to compare card ids
    /// would be a pause the user feels.
    private mutating func refold(_ card: String) {
        cards[card] = nil
        for r in answers(of: card) { Self.fold(r, into: &cards, scheduler) }
    }

    /// The card's answers that count (none undone), in the order replay folds them: by instant,
    /// ties by event id. Folding them through the scheduler gives the card's state, step by step.
    public func answers(of card: String) -> [ReviewEvent] {
        guard let number = history.cardTable.existingIndex(of: card).map(UInt32.init) else { return [] }
        let packed = history.packed
        let positions = packed.indices
            .filter { packed[$0].card == number && !undone.contains(packed[$0].id) }
            .sorted { History.folds(packed[$0], before: packed[$1]) }
        let reviews = history.reviews
        return positions.map { reviews[$0] }
    }

    static func fold(_ r: ReviewEvent, into cards: inout [String: CardRecord], _ scheduler: Scheduler) {
        if cards[r.card] == nil {
            cards[r.card] = first(r, scheduler)
        } else {
            advance(&cards[r.card, default: first(r, scheduler)], with: r, scheduler)
        }
    }

    @inline(__always)
    static func advance(_ c: inout CardRecord, with r: ReviewEvent, _ scheduler: Scheduler) {
        let lapse = Scheduler.isLapse(c.schedule, rating: r.rating)
        c.schedule = scheduler.review(
            c.schedule, rating: r.rating, at: r.at,
            fuzz: Fuzz.unit(cardID: r.card, reviewCount: c.reps))
        c.reps += 1
        if lapse { c.lapses += 1 }
        c.lastReview = r.at
        c.lastRating = r.rating
        if let deck = r.deck { c.deck = deck }
    }

    static func first(_ r: ReviewEvent, _ scheduler: Scheduler) -> CardRecord {
        let schedule = scheduler.review(
            Schedule.new(due: r.at), rating: r.rating, at: r.at,
            fuzz: Fuzz.unit(cardID: r.card, reviewCount: 0))
        return CardRecord(
            card: r.card, schedule: schedule, reps: 1, lapses: 0, firstReview: r.at,
            lastReview: r.at, lastRating: r.rating, deck: r.deck)
    }

    // MARK: - Whole replay

    /// One card's state while the history is folded; the Strings are filled in at the end so the
    /// loop over a million reviews retains nothing.
    struct Fold {
        var schedule = Schedule.new(due: Instant(milliseconds: 0))
        var reps = 0
        var lapses = 0
        var firstReview = Instant(milliseconds: 0)
        var lastReview = Instant(milliseconds: 0)
        var lastRating = Rating.again
        /// Position of the latest review that named its deck, or -1.
        var deckFrom = -1
        var fuzzSeed: UInt64 = 0
    }

    /// Below this, a second thread costs more to start than it saves.
    static let parallelThreshold = 20_000

    /// Folds every review, card by card, without hashing a String or an id per review: cards
    /// are the history's small numbers (`PackedReview.card`), undone reviews a bit by position,
    /// and each card's fuzz seed is hashed once. Cards are independent, so large histories are
    /// split between two threads by card, which gives the same result as one thread.
    static func replayAll(_ history: History, undone: Set<EventID>, _ scheduler: Scheduler) -> [String: CardRecord] {
        let reviews = history.packed
        let n = reviews.count
        let cardCount = history.cardCount
        guard n > 0, cardCount > 0 else { return [:] }
        let skip = history.undoneMask()
        // Empty: file order is already the fold order.
        var order: [Int32] = []
        var counts: [Int] = []
        if n >= parallelThreshold {
            // Checking the fold order and counting each card's reviews are each a pass over
            // every review that ran on one thread before the fold; now one runs on each thread.
            var foundOrders = [[Int32]](repeating: [], count: 1)
            counts = [Int](repeating: 0, count: cardCount)
            foundOrders.withUnsafeMutableBufferPointer { o in
                counts.withUnsafeMutableBufferPointer { c in
                    let (foundOrder, foundCounts) = (DisjointWrites(o), DisjointWrites(c))
                    let work: @Sendable (Int) -> Void = { part in
                        if part == 0 {
                            foundOrder.buffer[0] = history.foldOrder()
                        } else {
                            reviews.withUnsafeBufferPointer { r in for p in r { foundCounts.buffer[Int(p.card)] += 1 } }
                        }
                    }
                    TwoLanes.run(work)
                }
            }
            order = foundOrders[0]
        } else {
            order = history.foldOrder()
        }
        var folds = [Fold](repeating: Fold(), count: cardCount)
        for c in 0..<cardCount { folds[c].fuzzSeed = Fuzz.seed(cardID: history.cardID(at: c)) }

        // Which thread folds which card: greedy by review count, so both get about half.
        var threads = 1
        var owner = [UInt8](repeating: 0, count: cardCount)
        if n >= parallelThreshold {
            var load = (0, 0)
            for c in (0..<cardCount).sorted(by: { (counts[$0], $1) > (counts[$1], $0) }) {
                if load.0 <= load.1 {
                    load.0 += counts[c]
                } else {
                    owner[c] = 1
                    load.1 += counts[c]
                }
            }
            threads = load.0 > 0 && load.1 > 0 ? 2 : 1
            if threads == 1 { owner = [UInt8](repeating: 0, count: cardCount) }
        }
        folds.withUnsafeMutableBufferPointer { f in
            let out = DisjointWrites(f)
            let (owner, skip, order) = (owner, skip, order)
            let work: @Sendable (Int) -> Void = { thread in
                reviews.withUnsafeBufferPointer { r in
                    owner.withUnsafeBufferPointer { own in
                        skip.withUnsafeBufferPointer { skipped in
                            order.withUnsafeBufferPointer { o in
                                let mine = UInt8(thread)
                                for k in 0..<n {
                                    let i = o.isEmpty ? k : Int(o[k])
                                    let c = Int(r[i].card)
                                    if own[c] != mine || (!skipped.isEmpty && skipped[i >> 6] & (1 << UInt64(i & 63)) != 0) { continue }
                                    fold(
                                        &out.buffer[c], at: r[i].instant, rating: r[i].ratingValue,
                                        hasDeck: r[i].deck != 0, position: i, scheduler)
                                }
                            }
                        }
                    }
                }
            }
            if threads == 2 {
                TwoLanes.run { work($0) }
            } else {
                work(0)
            }
        }

        var cards: [String: CardRecord] = [:]
        cards.reserveCapacity(cardCount)
        for c in 0..<cardCount where folds[c].reps > 0 {
            let f = folds[c]
            let id = history.cardID(at: c)
            cards[id] = CardRecord(
                card: id, schedule: f.schedule, reps: f.reps, lapses: f.lapses,
                firstReview: f.firstReview, lastReview: f.lastReview, lastRating: f.lastRating,
                deck: f.deckFrom >= 0 ? history.deckID(of: reviews[f.deckFrom]) : nil)
        }
        return cards
    }

    /// `first` and `advance` without the Strings: the same arithmetic, the same order.
    @inline(__always)
    static func fold(_ f: inout Fold, at: Instant, rating: Rating, hasDeck: Bool, position: Int, _ scheduler: Scheduler) {
        if f.reps == 0 {
            f.schedule = Schedule.new(due: at)
            f.firstReview = at
        }
        let lapse = Scheduler.isLapse(f.schedule, rating: rating)
        f.schedule = scheduler.review(
            f.schedule, rating: rating, at: at,
            fuzz: Fuzz.unit(seed: f.fuzzSeed, reviewCount: f.reps))
        f.reps += 1
        if lapse { f.lapses += 1 }
        f.lastReview = at
        f.lastRating = rating
        if hasDeck { f.deckFrom = position }
    }
}
