import FSRS
import StatusDeckCore
import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#endif

/// A deterministic, realistic history of one learner, written in the real history file format.
///
/// Realistic in the ways that cost time when the file is read: the built-in decks' card ids, one
/// or two sessions on most days (some days skipped, so cards go overdue), the learning steps
/// repeated within a session, reviews taken in order of the due dates the scheduler itself gives
/// (early when the day's due cards run out, as a heavy user reviews ahead), Again drawn with the
/// card's own chance of being forgotten, answer times, typed-answer outcomes and the odd undo.
/// The same seed and size always give byte-identical files.
struct SyntheticHistory {
    /// What the scheduler benchmark needs of each review, in flat arrays: no strings, no parsing.
    struct Flat {
        var card: [Int32] = []
        var rating: [Rating] = []
        var at: [Instant] = []
        var fuzz: [Double] = []
        var cardCount = 0
    }

    struct Summary {
        var events: Int
        var reviews: Int
        var undos: Int
        var bytes: Int
        var first: Instant
        var last: Instant
        var cards: Int
    }

    /// The built-in cards, each id once (the zh and en decks share ids), in deck order.
    struct CardInfo {
        var id: String
        var mode: String
        /// Whether the answer is typed or chosen, so `correct` is recorded.
        var graded: Bool
    }

    static let answersPerDay = 280
    /// The last session ends shortly before this instant (2026-11-01T00:00:00Z) whatever the size,
    /// so every history is "recent" and a pinned `--now` shortly after it sees today's activity.
    static let end = Instant(milliseconds: 1_793_491_200_000)
    static let dayMs: Int64 = 86_400_000

    static func builtInCards() -> [CardInfo] {
        var seen = Set<String>()
        var cards: [CardInfo] = []
        for deck in BuiltInDecks.all() {
            for card in deck.cards where seen.insert(card.id).inserted {
                cards.append(CardInfo(id: card.id, mode: card.mode.rawValue, graded: card.mode != .flip))
            }
        }
        return cards
    }

    /// One line as the simulation produces it; reviews carry what the flat arrays need.
    enum Emitted {
        case review(ReviewEvent, card: Int32, fuzz: Double)
        /// Cancels the review emitted just before it.
        case undo(UndoEvent)
    }

    /// Writes `events` lines (reviews and undos) to `path`, the last session on the day before
    /// `end`. With `recordFlat`, every review that counts (not undone) is also returned in flat
    /// arrays, in file order.
    static func write(events: Int, seed: UInt64, to path: String, recordFlat: Bool = false) throws(BenchError) -> (Summary, Flat?) {
        let scheduler: Scheduler
        do { scheduler = try Scheduler(.default) } catch {
            throw BenchError("default scheduler configuration rejected: \(error)")
        }
        let cards = builtInCards()
        // The simulation only ever looks at differences of instants, so shifting its first day
        // shifts every line by whole days and changes nothing else: a dry run finds how many
        // days the history spans, the real run then ends it just before `end`.
        let span = simulate(events: events, seed: seed, firstDay: 1, cards: cards, scheduler) { _ in }
        let firstDay = end.milliseconds / dayMs - 1 - (span - 1)

        var flat: Flat? = recordFlat ? Flat() : nil
        flat?.cardCount = cards.count
        var out = try BufferedFile(path: path)
        defer { out.close() }
        var summary = Summary(events: 0, reviews: 0, undos: 0, bytes: 0, first: end, last: end, cards: 0)
        var seen = Set<Int32>()
        var failure: BenchError?
        _ = simulate(events: events, seed: seed, firstDay: firstDay, cards: cards, scheduler) { emitted in
            guard failure == nil else { return }
            let record: HistoryRecord
            switch emitted {
            case .review(let e, let card, let fuzz):
                record = .review(e)
                if summary.reviews == 0 { summary.first = e.at }
                summary.reviews += 1
                summary.last = e.at
                seen.insert(card)
                flat?.card.append(card)
                flat?.rating.append(e.rating)
                flat?.at.append(e.at)
                flat?.fuzz.append(fuzz)
            case .undo(let u):
                record = .undo(u)
                summary.undos += 1
                summary.last = u.at
                flat?.card.removeLast()
                flat?.rating.removeLast()
                flat?.at.removeLast()
                flat?.fuzz.removeLast()
            }
            summary.events += 1
            do throws(BenchError) { try out.write(HistoryLineEncoder.encode(record)) } catch { failure = error }
        }
        if let failure { throw failure }
        try out.flush()
        summary.bytes = out.bytesWritten
        summary.cards = seen.count
        return (summary, flat)
    }

    /// The learner's days, from `firstDay` (days since the epoch) until `events` lines are out.
    /// Returns how many days it took.
    static func simulate(
        events: Int, seed: UInt64, firstDay: Int64, cards: [CardInfo], _ scheduler: Scheduler,
        emit: (Emitted) -> Void
    ) -> Int64 {
        var rng = SplitMix64(seed: seed ^ UInt64(events))
        struct State {
            var schedule: Schedule
            var reps: Int
        }
        var states: [State?] = Array(repeating: nil, count: cards.count)
        var started: [Int] = []  // indices of cards seen at least once
        var nextNew = 0
        // The last review, so an undo can put its card back as it was.
        var lastReview: (id: EventID, card: Int, before: State?)?
        let decks = ["http-all-zh", "http-all-zh", "http-all-zh", "http-all-en"]

        var day = firstDay - 1
        var written = 0
        var t = Instant(milliseconds: 0)

        while written < events {
            day += 1
            if rng.unit() < 0.08 { continue }  // a day off: cards go overdue
            let sessions = rng.unit() < 0.3 ? 2 : 1
            let perDay = Int(Double(answersPerDay) * (0.6 + 0.8 * rng.unit()))
            var newToday = 0
            for session in 0..<sessions {
                // Morning or evening, never before the previous session ended.
                let hour = Int64(session == 0 ? rng.int(in: 7...12) : rng.int(in: 17...22))
                let startMs = day * dayMs + hour * 3_600_000 + Int64(rng.int(in: 0...3_599_999))
                t = Instant(milliseconds: max(startMs, t.milliseconds + 1000))
                let deck = decks[rng.int(in: 0...3)]
                var answered = 0
                while answered < perDay / sessions && written < events {
                    // The card to ask: the most overdue one, else a new one while today's quota
                    // lasts, else (waiting out a learning step, or reviewing ahead) the next due.
                    var pick = -1
                    var pickDue = Int64.max
                    for i in started {
                        if let s = states[i], s.schedule.due.milliseconds < pickDue {
                            pickDue = s.schedule.due.milliseconds
                            pick = i
                        }
                    }
                    if (pick < 0 || pickDue > t.milliseconds) && newToday < 20 && nextNew < cards.count {
                        pick = nextNew
                        nextNew += 1
                        newToday += 1
                        started.append(pick)
                    } else if pick >= 0 && pickDue > t.milliseconds && pickDue - t.milliseconds <= 15 * 60_000 {
                        t = Instant(milliseconds: pickDue + Int64(rng.int(in: 0...20_000)))
                    }
                    guard pick >= 0 else { break }

                    let before = states[pick]
                    let schedule = before?.schedule ?? Schedule.new(due: t)
                    let reps = before?.reps ?? 0
                    let rating = drawRating(schedule, isNew: before == nil, at: t, scheduler, &rng)
                    let fuzz = Fuzz.unit(cardID: cards[pick].id, reviewCount: reps)
                    let next = scheduler.review(schedule, rating: rating, at: t, fuzz: fuzz)
                    states[pick] = State(schedule: next, reps: reps + 1)

                    let answerMs = 1500 + Int(rng.unit() * rng.unit() * 20_000)
                    let id = EventID(high: rng.next(), low: rng.next())
                    emit(
                        .review(
                            ReviewEvent(
                                id: id, card: cards[pick].id, at: t, rating: rating, deck: deck,
                                mode: cards[pick].mode, answerMilliseconds: answerMs,
                                correct: cards[pick].graded ? rating != .again : nil),
                            card: Int32(pick), fuzz: fuzz))
                    lastReview = (id, pick, before)
                    written += 1
                    answered += 1
                    t = t.adding(seconds: Int64(answerMs / 1000 + rng.int(in: 1...4)))

                    // Now and then the learner takes an answer back and gives it again.
                    if rng.unit() < 0.003, written < events, let undo = lastReview {
                        emit(.undo(UndoEvent(id: EventID(high: rng.next(), low: rng.next()), target: undo.id, at: t)))
                        states[undo.card] = undo.before
                        if undo.before == nil, let k = started.lastIndex(of: undo.card) {
                            started.remove(at: k)
                            if undo.card == nextNew - 1 {
                                nextNew -= 1
                                newToday -= 1
                            }
                        }
                        lastReview = nil
                        written += 1
                        t = t.adding(seconds: 2)
                    }
                }
            }
        }
        return day - firstDay + 1
    }

    /// Again with the card's own chance of being forgotten now (so early reviews mostly pass and
    /// overdue ones fail more), then Hard, Good and Easy in the proportions learners report.
    static func drawRating(
        _ s: Schedule, isNew: Bool, at t: Instant, _ scheduler: Scheduler,
        _ rng: inout SplitMix64
    ) -> Rating {
        let pAgain: Double
        if isNew {
            pAgain = 0.25
        } else if s.stage == .review {
            pAgain = min(max(1 - scheduler.retrievability(of: s, at: t), 0.02), 0.6)
        } else {
            pAgain = 0.15
        }
        let u = rng.unit()
        if u < pAgain { return .again }
        let pass = (u - pAgain) / (1 - pAgain)
        return pass < 0.12 ? .hard : (pass < 0.90 ? .good : .easy)
    }
}

/// Appends bytes to a new file through a 4 MiB buffer: a million lines without a million writes.
struct BufferedFile {
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private(set) var bytesWritten = 0

    init(path: String) throws(BenchError) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        self.path = path
        guard fd >= 0 else { throw BenchError("\(path): cannot create it (\(String(cString: strerror(errno))))") }
        buffer.reserveCapacity(4 << 20)
    }

    mutating func write(_ bytes: [UInt8]) throws(BenchError) {
        buffer += bytes
        if buffer.count >= 4 << 20 { try flush() }
    }

    mutating func flush() throws(BenchError) {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(fd, base + done, raw.count - done)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw BenchError("\(path): cannot write it (\(String(cString: strerror(errno))))")
            }
            done += n
        }
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    func close() { _ = Glibc.close(fd) }
}
