import FSRS
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckExport

@Suite struct ExportHistoryTests {
    static let start = Instant(milliseconds: 1_795_000_000_000)

    static func review(_ n: UInt64, _ card: String, minutes: Int64, _ rating: Rating) -> HistoryRecord {
        .review(
            ReviewEvent(
                id: EventID(high: 1, low: n), card: card, at: start.adding(seconds: minutes * 60),
                rating: rating, answerMilliseconds: Int(n) * 1000))
    }

    @Test func answersFoldLikeReplayWithUndoneOnesLeftOut() throws {
        let records: [HistoryRecord] = [
            Self.review(1, "a", minutes: 0, .good),
            Self.review(2, "a", minutes: 10, .good),
            Self.review(3, "a", minutes: 3 * 24 * 60, .again),
            Self.review(4, "a", minutes: 3 * 24 * 60 + 1, .easy),
            .undo(
                UndoEvent(
                    id: EventID(high: 1, low: 5), target: EventID(high: 1, low: 4),
                    at: Self.start.adding(seconds: 3 * 86_400 + 120))),
            // Written later but answered earlier: sorted by instant, as Replay does.
            Self.review(6, "b", minutes: 5, .hard),
            Self.review(7, "b", minutes: 1, .good),
        ]
        let history = try History(records)
        let scheduler = try Scheduler(.default)
        let export = ExportHistory(history: history, scheduler: scheduler)
        let replay = Replay(history: history, scheduler: scheduler)

        let a = export.reviews(for: "a")
        #expect(a.map(\.id) == [EventID(high: 1, low: 1), EventID(high: 1, low: 2), EventID(high: 1, low: 3)].map(\.description))
        #expect(a.map(\.kind) == [.learning, .learning, .review])
        #expect(a.map(\.durationMilliseconds) == [1000, 2000, 3000])
        #expect(a[0].scheduledSeconds == 600 && a[1].previousScheduledSeconds == 600)
        #expect(a[2].scheduledSeconds == 600)  // Again in review: the relearning step
        let record = try #require(replay.cards["a"])
        let s = export.scheduling(for: "a")
        #expect(s.state == .relearning && s.reps == record.reps && s.lapses == 1)
        #expect(s.due == record.schedule.due && s.stability == record.schedule.stability)
        #expect(s.difficulty == a.last?.difficulty)
        #expect(s.remainingSteps == 1 && s.desiredRetention == 0.9)
        #expect(s.decay == SchedulerConfiguration.defaultParameters[20])

        #expect(export.reviews(for: "b").map(\.rating) == [3, 2])
        #expect(export.scheduling(for: "never") == ExportScheduling(state: .new))
        #expect(export.reviews(for: "never").isEmpty)
    }
}
