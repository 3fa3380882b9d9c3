import FSRS
import StatusDeckHistory

/// One learner's study state: the replayed history, today's queue, and answering, undoing,
/// burying and suspending, each saved through the injected log before it changes anything in memory, so a card
/// is only ever shown once what came before it is on disk. Time comes in as arguments and event
/// ids from the injected generator, so a session replays exactly in a test.
public struct StudySession {
    public let config: StudyConfig
    /// The local time zone's offset, for the hour the study day starts at.
    public let utcOffsetSeconds: Int
    public private(set) var replay: Replay
    private let log: any StudyLog
    private var ids: any RandomNumberGenerator

    public init(
        history: History, config: StudyConfig, utcOffsetSeconds: Int, log: any StudyLog,
        ids: any RandomNumberGenerator
    ) throws(SchedulerConfigurationError) {
        self.config = config
        self.utcOffsetSeconds = utcOffsetSeconds
        self.log = log
        self.ids = ids
        replay = Replay(history: history, scheduler: try Scheduler(config.schedulerConfiguration))
    }

    /// Today's queue for these cards (in deck order), in the order to ask them.
    public func queue(deckCards: [String], now: Instant) -> StudyQueue {
        let q = DailyQueue(
            deckCards: deckCards, replay: replay, now: now, utcOffsetSeconds: utcOffsetSeconds,
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

    /// The schedule each rating would give, index `rating - 1`.
    public func preview(card: String, now: Instant) -> [Schedule] {
        replay.preview(card: card, at: now)
    }

    /// Where the card is: nil when it was never answered.
    public func schedule(of card: String) -> Schedule? {
        replay.cards[card]?.schedule
    }

    /// Saves an answer, then applies it; the token undoes it.
    public mutating func answer(_ answer: StudyAnswer, now: Instant) throws -> UndoToken {
        let event = ReviewEvent(
            id: EventID.random(using: &ids), card: answer.card, at: now, rating: answer.rating,
            deck: answer.deck, mode: answer.mode, answerMilliseconds: answer.answerMilliseconds,
            correct: answer.correct)
        try log.append(.review(event))
        _ = try replay.record(.review(event))
        return UndoToken(event: event.id)
    }

    /// Takes back an answer or a mark by appending an undo, never by rewriting.
    public mutating func undo(_ token: UndoToken, now: Instant) throws {
        let undo = UndoEvent(id: EventID.random(using: &ids), target: token.event, at: now)
        try log.append(.undo(undo))
        _ = try replay.record(.undo(undo))
    }

    /// Saves a mark (bury, suspend, and their opposites), then applies it; the token undoes it.
    public mutating func mark(_ card: String, _ mark: CardMark, now: Instant) throws -> UndoToken {
        let event = CardMarkEvent(id: EventID.random(using: &ids), card: card, at: now, mark: mark)
        try log.append(.mark(event))
        _ = try replay.record(.mark(event))
        return UndoToken(event: event.id)
    }

    /// Suspended and buried cards.
    public var marks: CardMarks { replay.marks }

    /// Times the card was forgotten (Again in review), 0 for a card never answered.
    public func lapses(of card: String) -> Int { replay.cards[card]?.lapses ?? 0 }

    /// The instant the study day containing `now` began.
    public func dayStart(_ now: Instant) -> Instant {
        DailyQueue.dayStart(now: now, dayStartsAt: config.dayStartsAt, utcOffsetSeconds: utcOffsetSeconds)
    }
}

/// One answer as the history records it.
public struct StudyAnswer: Sendable {
    public var card: String
    public var rating: Rating
    public var deck: String
    public var mode: String
    public var answerMilliseconds: Int
    public var correct: Bool?

    public init(card: String, rating: Rating, deck: String, mode: String, answerMilliseconds: Int, correct: Bool?) {
        self.card = card
        self.rating = rating
        self.deck = deck
        self.mode = mode
        self.answerMilliseconds = answerMilliseconds
        self.correct = correct
    }
}

/// Names an answer so it can be undone: the id of its event.
public struct UndoToken: Hashable, Sendable {
    public var event: EventID
}

/// Today's cards, split as the header counts them, and when the next card after them is due.
public struct StudyQueue: Equatable, Sendable {
    public var learning: [String]
    public var reviews: [String]
    public var new: [String]
    public var nextDue: Instant?

    public var cards: [String] { learning + reviews + new }
}
