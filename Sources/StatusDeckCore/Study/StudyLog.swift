import FSRS
import StatusDeckHistory

/// Where a study session keeps what the learner did, durably, before the next card is shown.
/// The store implements it over the data dir; tests keep it in memory.
public protocol StudyLog {
    /// Appends one answer or undo; returns only once it is saved, throws when it could not be.
    func append(_ record: HistoryRecord) throws
    /// The cards put away in the study day that began at `dayStart`.
    func skipped(dayStart: Instant) -> Set<String>
    /// Puts a card away until the next study day, or takes that back; durable like an answer.
    func recordSkip(_ card: String, skipped: Bool, dayStart: Instant) throws
}
