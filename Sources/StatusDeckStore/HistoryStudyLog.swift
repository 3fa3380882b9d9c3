import FSRS
import StatusDeckCore
import StatusDeckHistory

/// A study session's log in the data dir: answers, undos and marks appended to the history (one
/// write and fsync under its lock).
public struct HistoryStudyLog: StudyLog {
    public let store: HistoryStore

    public init(store: HistoryStore) {
        self.store = store
    }

    public func append(_ record: HistoryRecord) throws {
        try store.append(record)
    }
}
