import FSRS
import StatusDeckCore
import StatusDeckHistory

/// The review history as export needs it: each card's state as `Replay` derives it, and each
/// answer with what the scheduler made of it (Anki's review log wants the interval every answer
/// set, not only the last).
public struct ExportHistory: Sendable {
    private var schedulings: [String: ExportScheduling] = [:]
    private var answers: [String: [ExportReview]] = [:]
    private var suspended: Set<String> = []

    /// Folds `history` through `scheduler` with Replay's rules: undone answers left out, each
    /// card's answers by instant (ties in file order), fuzz from the card id and answer count.
    public init(history: History, scheduler: Scheduler) {
        let configuration = scheduler.configuration
        let undone = history.undoneIDs
        var byCard: [String: [(offset: Int, event: ReviewEvent)]] = [:]
        for (offset, event) in history.reviews.enumerated() where !undone.contains(event.id) {
            byCard[event.card, default: []].append((offset, event))
        }
        let replay = Replay(history: history, scheduler: scheduler)
        let records = replay.cards
        suspended = replay.marks.suspended
        for (card, events) in byCard {
            let ordered = events.sorted { ($0.event.at, $0.offset) < ($1.event.at, $1.offset) }
            var schedule: Schedule?
            var previousSeconds: Int64 = 0
            var reviews: [ExportReview] = []
            for (count, entry) in ordered.enumerated() {
                let event = entry.event
                let before = schedule ?? Schedule.new(due: event.at)
                let kind: ExportReview.Kind =
                    switch schedule?.stage {
                    case .review: .review
                    case .relearning: .relearning
                    case .learning, nil: .learning
                    }
                let after = scheduler.review(
                    before, rating: event.rating, at: event.at,
                    fuzz: Fuzz.unit(cardID: card, reviewCount: count))
                let seconds = max(0, (after.due.milliseconds - event.at.milliseconds) / 1000)
                reviews.append(
                    ExportReview(
                        id: event.id.description, at: event.at, rating: event.rating.rawValue,
                        durationMilliseconds: event.answerMilliseconds.map(Int64.init), kind: kind,
                        scheduledSeconds: seconds, previousScheduledSeconds: previousSeconds,
                        difficulty: after.difficulty))
                previousSeconds = seconds
                schedule = after
            }
            answers[card] = reviews
            if let record = records[card] {
                schedulings[card] = Self.scheduling(record, configuration)
            }
        }
    }

    /// The card's state; `.new` for a card never answered.
    public func scheduling(for card: String) -> ExportScheduling {
        var s = schedulings[card] ?? ExportScheduling(state: .new)
        s.suspended = suspended.contains(card)
        return s
    }

    /// The card's answers, oldest first.
    public func reviews(for card: String) -> [ExportReview] { answers[card] ?? [] }

    static func scheduling(_ record: CardRecord, _ configuration: SchedulerConfiguration) -> ExportScheduling {
        let s = record.schedule
        let state: ExportScheduling.State
        let steps: Int
        switch s.stage {
        case .learning: (state, steps) = (.learning, configuration.learningSteps.count)
        case .review: (state, steps) = (.review, 0)
        case .relearning: (state, steps) = (.relearning, configuration.relearningSteps.count)
        }
        return ExportScheduling(
            state: state, due: s.due, lastReview: record.lastReview, stability: s.stability,
            difficulty: s.difficulty, reps: record.reps, lapses: record.lapses,
            remainingSteps: max(0, steps - (s.step ?? 0)), desiredRetention: configuration.desiredRetention,
            decay: configuration.parameters.count > 20 ? configuration.parameters[20] : nil)
    }
}
