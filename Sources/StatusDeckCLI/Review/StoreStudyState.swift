import FSRS
import StatusDeckCore
import StatusDeckHistory
import StatusDeckStore

/// The study state of a real session: the replayed history plus the history file. An answer is
/// appended (one write, fsync, under the store's lock) before it changes anything in memory, so
/// the next card is only shown once the answer is on disk.
struct StoreStudyState: StudyState {
    let store: HistoryStore
    let config: StudyConfig
    /// The local time zone's offset, for the hour the study day starts at.
    let utcOffsetSeconds: Int
    private(set) var replay: Replay
    private let skips: SkipList
    private var random = SystemRandomNumberGenerator()

    init(store: HistoryStore, history: History, config: StudyConfig, utcOffsetSeconds: Int) throws {
        self.store = store
        self.config = config
        self.utcOffsetSeconds = utcOffsetSeconds
        skips = SkipList(directory: store.directory)
        replay = Replay(history: history, scheduler: try Scheduler(config.schedulerConfiguration))
    }

    func queue(deckCards: [String], now: Instant) -> StudyQueue {
        let q = DailyQueue(deckCards: deckCards, replay: replay, now: now, utcOffsetSeconds: utcOffsetSeconds,
                           config: config)
        var next = q.nextLearningDue
        if next == nil {
            // Nothing more today: the soonest of the deck's schedules, or the next study day
            // when only new cards (held back by new_per_day) remain.
            for card in deckCards {
                guard let due = replay.cards[card]?.schedule.due, due > now else { continue }
                next = next.map { min($0, due) } ?? due
            }
            if next == nil, deckCards.contains(where: { replay.cards[$0] == nil }) { next = q.nextDayStart }
        }
        return StudyQueue(learning: q.learning, reviews: q.reviews, new: q.new, nextDue: next)
    }

    func preview(card: String, now: Instant) -> [Schedule] {
        replay.preview(card: card, at: now)
    }

    func schedule(of card: String) -> Schedule? {
        replay.cards[card]?.schedule
    }

    mutating func answer(_ answer: StudyAnswer, now: Instant) throws -> UndoToken {
        let event = ReviewEvent(id: EventID.random(using: &random), card: answer.card, at: now, rating: answer.rating,
                                deck: answer.deck, mode: answer.mode, answerMilliseconds: answer.answerMilliseconds,
                                correct: answer.correct)
        try store.append(.review(event))
        try replay.record(.review(event))
        return UndoToken(value: event.id.description)
    }

    func skippedToday(now: Instant) -> Set<String> {
        skips.load(dayStart: dayStart(now))
    }

    mutating func setSkipped(_ card: String, _ skipped: Bool, now: Instant) throws {
        try skips.record(card, skipped: skipped, dayStart: dayStart(now))
    }

    private func dayStart(_ now: Instant) -> Instant {
        DailyQueue.dayStart(now: now, dayStartsAt: config.dayStartsAt, utcOffsetSeconds: utcOffsetSeconds)
    }

    mutating func undo(_ token: UndoToken, now: Instant) throws {
        guard let target = EventID(token.value) else { return }
        let undo = UndoEvent(id: EventID.random(using: &random), target: target, at: now)
        try store.append(.undo(undo))
        try replay.record(.undo(undo))
    }
}
