import FSRS

/// Card state as a fold of the history through the scheduler.
///
/// Rules, so that any two machines derive the same state from the same events:
/// - an undo cancels its target review wherever either line sits; duplicates were collapsed by id;
/// - each card's reviews are applied in order of instant, ties in file order. A clock that went
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
    private var undone: Set<EventID>

    /// Replays a whole history.
    public init(history: History, scheduler: Scheduler) {
        self.scheduler = scheduler
        self.history = history
        self.undone = history.undoneIDs
        let reviews = history.reviews
        var sorted = true
        var previous = Int64.min
        for r in reviews {
            if r.at.milliseconds < previous { sorted = false; break }
            previous = r.at.milliseconds
        }
        // Records live in an array updated in place; the dictionary only maps card id to position.
        var slots: [String: Int] = [:]
        var records: [CardRecord] = []
        let undone = self.undone
        func apply(_ r: ReviewEvent) {
            if undone.contains(r.id) { return }
            if let slot = slots[r.card] {
                Self.advance(&records[slot], with: r, scheduler)
            } else {
                slots[r.card] = records.count
                records.append(Self.first(r, scheduler))
            }
        }
        if undone.isEmpty && sorted {
            for r in reviews {
                if let slot = slots[r.card] {
                    Self.advance(&records[slot], with: r, scheduler)
                } else {
                    slots[r.card] = records.count
                    records.append(Self.first(r, scheduler))
                }
            }
        } else if sorted {
            for r in reviews { apply(r) }
        } else {
            // Stable: sort positions by (instant, position) so ties keep file order.
            let order = reviews.indices.sorted { (reviews[$0].at, $0) < (reviews[$1].at, $1) }
            for i in order { apply(reviews[i]) }
        }
        var cards: [String: CardRecord] = [:]
        cards.reserveCapacity(records.count)
        for r in records { cards[r.card] = r }
        self.cards = cards
    }

    public init(history: History, configuration: SchedulerConfiguration) throws {
        self.init(history: history, scheduler: try Scheduler(configuration))
    }

    /// Adds one record (an answer just given, or an undo) and updates only what it touches.
    /// Returns `.duplicate` when the id was already there, leaving state unchanged.
    @discardableResult
    public mutating func record(_ record: HistoryRecord) throws(InputError) -> History.Addition {
        guard try history.add(record) == .added else { return .duplicate }
        switch record {
        case .review(let r):
            if undone.contains(r.id) { return .added }
            if let current = cards[r.card], r.at < current.lastReview {
                refold(r.card)
            } else {
                Self.fold(r, into: &cards, scheduler)
            }
        case .undo(let u):
            undone.insert(u.target)
            if case .review(let target)? = history.find(u.target) { refold(target.card) }
        }
        return .added
    }

    /// The schedule a card would have after each rating now, for the grade keys' hints.
    public func preview(card: String, at: Instant) -> [Schedule] {
        let current = cards[card]
        let schedule = current?.schedule ?? Schedule.new(due: at)
        return scheduler.preview(schedule, at: at, fuzz: Fuzz.unit(cardID: card, reviewCount: current?.reps ?? 0))
    }

    private mutating func refold(_ card: String) {
        let events = history.reviews.enumerated()
            .filter { $0.element.card == card && !undone.contains($0.element.id) }
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
        cards[card] = nil
        for (_, e) in events { Self.fold(e, into: &cards, scheduler) }
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
        c.schedule = scheduler.review(c.schedule, rating: r.rating, at: r.at,
                                      fuzz: Fuzz.unit(cardID: r.card, reviewCount: c.reps))
        c.reps += 1
        if lapse { c.lapses += 1 }
        c.lastReview = r.at
        c.lastRating = r.rating
        if let deck = r.deck { c.deck = deck }
    }

    static func first(_ r: ReviewEvent, _ scheduler: Scheduler) -> CardRecord {
        let schedule = scheduler.review(Schedule.new(due: r.at), rating: r.rating, at: r.at,
                                        fuzz: Fuzz.unit(cardID: r.card, reviewCount: 0))
        return CardRecord(card: r.card, schedule: schedule, reps: 1, lapses: 0, firstReview: r.at,
                          lastReview: r.at, lastRating: r.rating, deck: r.deck)
    }
}
