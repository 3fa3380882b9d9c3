import FSRS
import StatusDeckCore
import StatusDeckHistory

/// The review history as export needs it: each card's state as `Replay` derives it, and each
/// answer with what the scheduler made of it (Anki's review log wants the interval every answer
/// set, not only the last).
///
/// Nothing per answer is built up front: the history's packed reviews stay where they are, and a
/// card's answers are folded through the scheduler when an encoder walks them (`ExportReviews`).
/// What is kept is 4 bytes an answer (`order`), so an export of a million answers streams.
///
/// When a card's answers are split between notes (its English and Chinese notes in `--all`, each
/// answer under one of them), each note's state and review log are the fold of its own answers:
/// what Anki holds for a card is what its review log gives, or its Check Database rewrites it.
public struct ExportHistory: Sendable {
    let history: History
    let scheduler: Scheduler
    /// Positions in `history.packed` of the answers that count (undone ones left out), card by
    /// card, each card's by instant (ties in file order), as Replay folds them.
    let order: [Int32]
    /// Each card's part of `order`.
    let ranges: [String: Range<Int>]
    private let suspended: Set<String>

    /// Folds `history` through `scheduler` with Replay's rules: undone answers left out, each
    /// card's answers by instant (ties in file order), fuzz from the card id and answer count.
    public init(history: History, scheduler: Scheduler) {
        self.history = history
        self.scheduler = scheduler
        let packed = history.packed
        let undone = history.undoneMask()
        func counts(_ position: Int) -> Bool {
            undone.isEmpty || undone[position >> 6] & (1 << UInt64(position & 63)) == 0
        }
        // A counting sort by card, then each card's run sorted by instant: no per-answer objects.
        var starts = [Int](repeating: 0, count: history.cardCount + 1)
        for position in packed.indices where counts(position) { starts[Int(packed[position].card) + 1] += 1 }
        for k in 1..<starts.count { starts[k] += starts[k - 1] }
        var fill = starts
        var order = [Int32](repeating: 0, count: starts[starts.count - 1])
        for position in packed.indices where counts(position) {
            let card = Int(packed[position].card)
            order[fill[card]] = Int32(position)
            fill[card] += 1
        }
        var ranges: [String: Range<Int>] = [:]
        order.withUnsafeMutableBufferPointer { order in
            for card in 0..<history.cardCount where starts[card] < starts[card + 1] {
                let run = starts[card]..<starts[card + 1]
                order[run].sort { (packed[Int($0)].at, $0) < (packed[Int($1)].at, $1) }
                ranges[history.cardID(at: card)] = run
            }
        }
        self.order = order
        self.ranges = ranges
        suspended = CardMarks(history: history).suspended
    }

    /// The card's state from all its answers; `.new` for a card never answered.
    public func scheduling(for card: String) -> ExportScheduling {
        scheduling(for: card, keeping: { _ in true })
    }

    /// The state the card's answers that `keeping` accepts (by history position) give it.
    func scheduling(for card: String, keeping: (Int) -> Bool) -> ExportScheduling {
        var chain = Chain(self, card: card)
        while chain.next(keeping: keeping) != nil {}
        var s =
            chain.record.map { Self.scheduling($0, scheduler.configuration) } ?? ExportScheduling(state: .new)
        s.suspended = suspended.contains(card)
        return s
    }

    /// The card's answers, oldest first.
    public func reviews(for card: String) -> [ExportReview] {
        var out: [ExportReview] = []
        var chain = Chain(self, card: card)
        while let review = chain.next(keeping: { _ in true }) { out.append(review) }
        return out
    }

    /// How many answers count for the card, wherever they were given.
    func answerCount(for card: String) -> Int { ranges[card]?.count ?? 0 }

    /// Some of a card's answers (those `keeping` accepts, by history position) folded one by one
    /// through the scheduler with Replay's arithmetic, as if they were all the card had.
    struct Chain {
        let owner: ExportHistory
        let card: String
        let range: Range<Int>
        var next = 0
        /// The state after the answers folded so far; nil before the first.
        var record: CardRecord?
        var previousSeconds: Int64 = 0

        init(_ owner: ExportHistory, card: String) {
            self.owner = owner
            self.card = card
            self.range = owner.ranges[card] ?? 0..<0
            self.next = range.lowerBound
        }

        mutating func next(keeping: (Int) -> Bool) -> ExportReview? {
            while next < range.upperBound {
                let position = Int(owner.order[next])
                next += 1
                guard keeping(position) else { continue }
                let p = owner.history.packed[position]
                let at = p.instant
                let rating = p.ratingValue
                let before = record?.schedule ?? Schedule.new(due: at)
                let kind: ExportReview.Kind =
                    switch record?.schedule.stage {
                    case .review: .review
                    case .relearning: .relearning
                    case .learning, nil: .learning
                    }
                let reps = record?.reps ?? 0
                let lapse = record.map { Scheduler.isLapse($0.schedule, rating: rating) } ?? false
                let after = owner.scheduler.review(
                    before, rating: rating, at: at, fuzz: Fuzz.unit(cardID: card, reviewCount: reps))
                record = CardRecord(
                    card: card, schedule: after, reps: reps + 1, lapses: (record?.lapses ?? 0) + (lapse ? 1 : 0),
                    firstReview: record?.firstReview ?? at, lastReview: at, lastRating: rating, deck: nil)
                let seconds = max(0, (after.due.milliseconds - at.milliseconds) / 1000)
                let previous = previousSeconds
                previousSeconds = seconds
                return ExportReview(
                    id: p.id.description, at: at, rating: Int(p.rating),
                    durationMilliseconds: p.milliseconds == ReviewEvent.noMilliseconds ? nil : Int64(p.milliseconds),
                    kind: kind, scheduledSeconds: seconds, previousScheduledSeconds: previous,
                    difficulty: after.difficulty)
            }
            return nil
        }
    }

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
