/// Everything the scheduler knows about one card: py-fsrs's `Card` without its id.
///
/// A value type, so `Scheduler.review` returns a new schedule and a history can be replayed from
/// `Schedule.new(due:)` to the same result every time.
public struct Schedule: Hashable, Sendable {
    public var stage: Stage
    /// Index into the learning or relearning steps while in those stages; `nil` in review.
    public var step: Int?
    /// Days until retrievability falls to 90 %; `nil` until the first review.
    public var stability: Double?
    /// 1 (easiest) to 10 (hardest); `nil` until the first review.
    public var difficulty: Double?
    public var due: Instant
    public var lastReview: Instant?

    @inlinable
    public init(
        stage: Stage, step: Int?, stability: Double?, difficulty: Double?,
        due: Instant, lastReview: Instant?
    ) {
        self.stage = stage
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// A card never reviewed: learning, step 0, no memory state, due at `due`.
    @inlinable
    public static func new(due: Instant) -> Schedule {
        Schedule(stage: .learning, step: 0, stability: nil, difficulty: nil, due: due, lastReview: nil)
    }
}
