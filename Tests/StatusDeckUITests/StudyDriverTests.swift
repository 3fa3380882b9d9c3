import FSRS
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckUI

/// A study log kept in memory: what a session saved, in order.
final class MemoryStudyLog: StudyLog {
    private(set) var records: [HistoryRecord] = []

    func append(_ record: HistoryRecord) throws { records.append(record) }

    /// The answers saved, with undone ones taken out.
    var answers: [ReviewEvent] {
        let undone = Set(records.compactMap { if case .undo(let u) = $0 { u.target } else { nil } })
        return records.compactMap { if case .review(let r) = $0, !undone.contains(r.id) { r } else { nil } }
    }
}

/// The driver between quiz and study session, over an in-memory log: queue order, undo, skip, limit.
@Suite struct StudyDriverTests {
    static let t0: Int64 = 1_780_000_000_000

    static func deck(_ n: Int) -> Deck {
        Deck(
            id: "test-en", name: "Test", language: .en,
            cards: (0..<n).map { i in
                Card(
                    id: "test/\(i)", kind: .codeToMeaning, code: 200 + i, prompt: "Q\(i)", answer: "A\(i)",
                    choices: ["X\(i)", "Y\(i)", "Z\(i)", "W\(i)"], explanation: "E\(i)", mode: .flip)
            })
    }

    static func session(_ log: MemoryStudyLog = MemoryStudyLog()) throws -> StudySession {
        try StudySession(history: History(), config: .default, utcOffsetSeconds: 0, log: log, ids: SplitMix64(seed: 7))
    }

    static func driver(_ n: Int, limit: Int? = nil, log: MemoryStudyLog = MemoryStudyLog()) throws -> StudyDriver {
        StudyDriver(session: try session(log), deck: deck(n), limit: limit)
    }

    static func shown(_ messages: [QuizMessage]) -> (id: String, counts: QueueCounts)? {
        guard case .show(let item, let counts)? = messages.first else { return nil }
        return (item.cardID, counts)
    }

    static func answer(_ id: String, _ grade: Rating = .good) -> QuizEffect {
        .record(Answer(cardID: id, grade: grade, mode: .flip, answerMillis: 1200, correct: nil))
    }

    @Test func anAnswerRecordsAtMostMaxAnswerSeconds() throws {
        var config = StudyConfig.default
        config.maxAnswerSeconds = 30
        let log = MemoryStudyLog()
        var d = StudyDriver(session: try Self.session(log), deck: Self.deck(3), limit: nil, config: config)
        _ = d.start(now: Self.t0)
        _ = d.perform(.record(Answer(cardID: "test/0", grade: .good, mode: .flip, answerMillis: 3_600_000, correct: nil)), now: Self.t0)
        _ = d.perform(.record(Answer(cardID: "test/1", grade: .good, mode: .flip, answerMillis: 4_200, correct: nil)), now: Self.t0)
        #expect(log.answers.map(\.answerMilliseconds) == [30_000, 4_200])
    }

    @Test func newCardsInDeckOrderWithIntervalsForEachGrade() throws {
        var d = try Self.driver(3)
        let first = d.start(now: Self.t0)
        guard case .show(let item, let counts)? = first.first else {
            Issue.record("no card")
            return
        }
        #expect(item.cardID == "test/0")
        #expect(counts == QueueCounts(new: 3, learning: 0, due: 0))
        #expect(item.intervals.count == 4)
        #expect(item.intervals[0] == "1m")
        #expect(item.stage == .new)
        #expect(Self.shown(d.perform(Self.answer("test/0"), now: Self.t0 + 5000))?.id == "test/1")
    }

    @Test func aLearningCardDueWithinMinutesIsAskedRatherThanEnding() throws {
        var d = try Self.driver(1)
        _ = d.start(now: Self.t0)
        let after = d.perform(Self.answer("test/0", .again), now: Self.t0)
        #expect(Self.shown(after)?.id == "test/0")
        #expect(Self.shown(after)?.counts == QueueCounts(new: 0, learning: 1, due: 0))
    }

    @Test func theSessionEndsWhenNothingIsDueWithinTheLearnAheadLimit() throws {
        var d = try Self.driver(1)
        _ = d.start(now: Self.t0)
        // Easy on a new card graduates it to review days away.
        let after = d.perform(Self.answer("test/0", .easy), now: Self.t0)
        guard case .finished(let counts, let next?)? = after.first else {
            Issue.record("expected the end")
            return
        }
        #expect(counts == .zero)
        #expect(next >= 86_400_000)
    }

    @Test func skippedCardsAreNotAskedAheadEither() throws {
        var d = try Self.driver(1)
        _ = d.start(now: Self.t0)
        _ = d.perform(Self.answer("test/0", .again), now: Self.t0)
        guard case .finished(_, let next)? = d.perform(.bury(cardID: "test/0"), now: Self.t0).first else {
            Issue.record("expected the end")
            return
        }
        #expect(next == 60_000)
    }

    @Test func undoTakesBackAnswersAndSkipsInOrder() throws {
        var d = try Self.driver(3)
        _ = d.start(now: Self.t0)
        _ = d.perform(Self.answer("test/0"), now: Self.t0)
        #expect(Self.shown(d.perform(.bury(cardID: "test/1"), now: Self.t0))?.id == "test/2")
        #expect(Self.shown(d.perform(.undo, now: Self.t0))?.id == "test/1")
        let back = Self.shown(d.perform(.undo, now: Self.t0))
        #expect(back?.id == "test/0")
        #expect(back?.counts == QueueCounts(new: 3, learning: 0, due: 0))
        #expect(d.session.schedule(of: "test/0") == nil)
    }

    @Test func limitEndsTheSession() throws {
        var d = try Self.driver(5, limit: 2)
        _ = d.start(now: Self.t0)
        _ = d.perform(Self.answer("test/0"), now: Self.t0)
        let end = d.perform(Self.answer("test/1"), now: Self.t0)
        guard case .finished(let counts, _)? = end.first else {
            Issue.record("expected the end")
            return
        }
        #expect(counts.new == 3)
    }

    @Test func finishReportsWhatIsLeft() throws {
        var d = try Self.driver(2)
        _ = d.start(now: Self.t0)
        #expect(d.perform(.finish, now: Self.t0) == [.finished(QueueCounts(new: 2, learning: 0, due: 0), nextDueIn: 0)])
    }

    @Test func optionsHoldTheAnswerOnceAndStayPut() {
        let card = Self.deck(1).cards[0]
        let options = StudyDriver.options(for: card)
        #expect(options.count == 4)
        #expect(options.filter { $0 == "A0" }.count == 1)
        #expect(StudyDriver.options(for: card) == options)
    }
}
