import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckExport

/// `statusdeck export --with-history` end to end: a history in a data dir, the binary's apkg,
/// and what real Anki then holds: the review log and each card's state.
@Suite struct AnkiHistoryTests {
    static let day: Int64 = 86_400_000

    /// A history relative to now: 404 learned ten days ago and reviewed since, 200 failed an hour
    /// ago (so in relearning or learning), one answer undone.
    static func history(now: Instant) -> [HistoryRecord] {
        func review(_ n: UInt64, _ card: String, _ msAgo: Int64, _ rating: Rating) -> HistoryRecord {
            .review(
                ReviewEvent(
                    id: EventID(high: 0x5d, low: n), card: card,
                    at: Instant(milliseconds: now.milliseconds - msAgo), rating: rating,
                    deck: "http-everyday-en", mode: "flip", answerMilliseconds: 3_000 + Int(n)))
        }
        let notFound = "http/404/code-to-meaning", ok = "http/200/code-to-meaning"
        return [
            review(1, notFound, 10 * day, .good),
            review(2, notFound, 10 * day - 600_000, .good),
            review(3, notFound, 5 * day, .good),
            review(4, ok, 2 * day, .easy),
            review(5, ok, 3_600_000, .again),
            review(6, ok, 3_000_000, .hard),
            .undo(
                UndoEvent(
                    id: EventID(high: 0x5d, low: 7), target: EventID(high: 0x5d, low: 6),
                    at: Instant(milliseconds: now.milliseconds - 2_999_000))),
            // Suspended in StatusDeck: suspended in Anki (queue -1), still a new card.
            .mark(
                CardMarkEvent(
                    id: EventID(high: 0x5d, low: 8), card: "http/500/code-to-meaning",
                    at: Instant(milliseconds: now.milliseconds - 1_000_000), mark: .suspend)),
        ]
    }

    @Test func reviewsAndCardStatesArriveInAnki() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = Instant(milliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        let records = Self.history(now: now)
        let data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data(records.flatMap(HistoryLineEncoder.encode)).write(to: data.appendingPathComponent("history.jsonl"))
        let apkg = dir.appendingPathComponent("history.apkg")
        try StatusDeckBinary.run([
            "export", "--data-dir", data.path, "--deck", "http-everyday-en", "--format", "apkg",
            "--with-history", "-o", apkg.path,
        ])

        let replay = Replay(history: try History(records), scheduler: try Scheduler(.default))
        let report = try AnkiOracle.importing([apkg, apkg])
        #expect(report.imports.map(\.new) == [96, 0])
        // Five answers count (one was undone), once each even after the second import.
        #expect(report.revlog.count == 5)
        let notFoundGUID = NoteGUID.make(cardID: "http/404/code-to-meaning", language: "en")
        let okGUID = NoteGUID.make(cardID: "http/200/code-to-meaning", language: "en")
        #expect(report.revlog.filter { $0.guid == notFoundGUID }.map(\.ease) == [3, 3, 3])
        #expect(report.revlog.filter { $0.guid == okGUID }.map(\.ease) == [4, 1])
        #expect(report.revlog.filter { $0.guid == notFoundGUID }.map(\.type) == [0, 0, 1])

        let notFound = try #require(report.note(notFoundGUID)?.cards.first)
        let expected = try #require(replay.cards["http/404/code-to-meaning"])
        #expect(notFound.type == 2 && notFound.queue == 2 && notFound.reps == 3 && notFound.lapses == 0)
        #expect(abs((notFound.stability ?? 0) - (expected.schedule.stability ?? -1)) < 0.01)
        #expect(abs((notFound.difficulty ?? 0) - (expected.schedule.difficulty ?? -1)) < 0.01)
        let dueDays = Double(expected.schedule.due.milliseconds - now.milliseconds) / Double(Self.day)
        #expect(abs((notFound.due_in_days ?? -99) - dueDays) <= 1.5)

        // Again on a review card: a lapse, relearning in Anki's intraday queue.
        let ok = try #require(report.note(okGUID)?.cards.first)
        let okExpected = try #require(replay.cards["http/200/code-to-meaning"])
        #expect(okExpected.schedule.stage == .relearning)
        #expect(ok.type == 3 && ok.queue == 1 && ok.reps == 2 && ok.lapses == 1)

        let suspendedGUID = NoteGUID.make(cardID: "http/500/code-to-meaning", language: "en")
        let suspended = try #require(report.note(suspendedGUID)?.cards.first)
        #expect(suspended.type == 0 && suspended.queue == -1)

        let untouched = report.notes.filter { $0.guid != notFoundGUID && $0.guid != okGUID && $0.guid != suspendedGUID }
        #expect(untouched.allSatisfy { $0.cards[0].type == 0 && $0.cards[0].queue == 0 })
    }
}
