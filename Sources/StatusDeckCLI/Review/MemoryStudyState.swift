import FSRS
import StatusDeckCore

/// Schedules kept in memory and lost at exit: for tests, and for the quiz until the history
/// store is wired. Same scheduler and queue order as the real thing, minus daily limits.
struct MemoryStudyState: StudyState {
    let scheduler: Scheduler
    let newPerDay: Int
    private var schedules: [String: Schedule] = [:]
    private var reviewCounts: [String: Int] = [:]
    private var undoStack: [(token: UndoToken, card: String, before: Schedule?)] = []
    private var tokens = 0
    private var skipped: Set<String> = []
    /// Every answer given, in order, as the driver handed it over.
    private(set) var recorded: [StudyAnswer] = []

    init(scheduler: Scheduler, newPerDay: Int = 20) {
        self.scheduler = scheduler
        self.newPerDay = newPerDay
    }

    func queue(deckCards: [String], now: Instant) -> StudyQueue {
        var learning: [(Instant, String)] = [], reviews: [(Instant, String)] = [], fresh: [String] = []
        var later: Instant?
        let endOfDay = now.adding(seconds: 86_400)
        for card in deckCards {
            guard let s = schedules[card] else { fresh.append(card); continue }
            if s.due <= now {
                if s.stage == .review { reviews.append((s.due, card)) } else { learning.append((s.due, card)) }
            } else if s.due < endOfDay {
                later = later.map { min($0, s.due) } ?? s.due
            }
        }
        let order: ((Instant, String), (Instant, String)) -> Bool = { ($0.0, $0.1) < ($1.0, $1.1) }
        return StudyQueue(learning: learning.sorted(by: order).map(\.1), reviews: reviews.sorted(by: order).map(\.1),
                          new: Array(fresh.prefix(max(0, newPerDay - schedules.count))), nextDue: later)
    }

    func preview(card: String, now: Instant) -> [Schedule] {
        scheduler.preview(schedules[card] ?? .new(due: now), at: now,
                          fuzz: Fuzz.unit(cardID: card, reviewCount: reviewCounts[card] ?? 0))
    }

    func schedule(of card: String) -> Schedule? { schedules[card] }

    mutating func answer(_ answer: StudyAnswer, now: Instant) throws -> UndoToken {
        let before = schedules[answer.card]
        let n = reviewCounts[answer.card] ?? 0
        schedules[answer.card] = scheduler.review(before ?? .new(due: now), rating: answer.rating, at: now,
                                                  fuzz: Fuzz.unit(cardID: answer.card, reviewCount: n))
        reviewCounts[answer.card] = n + 1
        recorded.append(answer)
        tokens += 1
        let token = UndoToken(value: "m\(tokens)")
        undoStack.append((token, answer.card, before))
        return token
    }

    func skippedToday(now: Instant) -> Set<String> { skipped }

    mutating func setSkipped(_ card: String, _ skipped: Bool, now: Instant) throws {
        if skipped { self.skipped.insert(card) } else { self.skipped.remove(card) }
    }

    mutating func undo(_ token: UndoToken, now: Instant) throws {
        guard let i = undoStack.lastIndex(where: { $0.token == token }) else { return }
        let entry = undoStack.remove(at: i)
        schedules[entry.card] = entry.before
        reviewCounts[entry.card] = max(0, (reviewCounts[entry.card] ?? 1) - 1)
    }
}
