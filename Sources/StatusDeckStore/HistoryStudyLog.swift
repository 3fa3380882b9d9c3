import FSRS
import StatusDeckCore
import StatusDeckHistory

/// A study session's log in the data dir: answers and undos appended to the history (one write
/// and fsync under its lock), skips to the skip list.
public struct HistoryStudyLog: StudyLog {
    public let store: HistoryStore
    public let skips: SkipList

    public init(store: HistoryStore) {
        self.store = store
        skips = SkipList(directory: store.directory)
    }

    public func append(_ record: HistoryRecord) throws {
        try store.append(record)
    }

    public func skipped(dayStart: Instant) -> Set<String> {
        skips.load(dayStart: dayStart)
    }

    public func recordSkip(_ card: String, skipped: Bool, dayStart: Instant) throws {
        try skips.record(card, skipped: skipped, dayStart: dayStart)
    }
}
