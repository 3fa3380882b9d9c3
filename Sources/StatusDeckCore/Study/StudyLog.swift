import FSRS
import StatusDeckHistory

/// Where a study session keeps what the learner did, durably, before the next card is shown.
/// The store implements it over the data dir; tests keep it in memory.
public protocol StudyLog {
    /// Appends one answer, undo or mark; returns only once it is saved, throws when it could not be.
    func append(_ record: HistoryRecord) throws
}
