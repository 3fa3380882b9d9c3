import FSRS
import StatusDeckHistory
import Testing

@testable import StatusDeckCore

/// Siblings bury each other for the rest of the study day; suspended and buried cards leave the
/// queue; leeches are flagged (and suspended when asked); undo takes all of it back.
@Suite struct SiblingsAndMarksTests {
    // 2026-11-22T10:00:00Z, a study day that began at 04:00Z (offset 0).
    static let now = Instant(milliseconds: 1_795_341_600_000)
    let scheduler: Scheduler
    init() throws { scheduler = try Scheduler(.default) }

    func review(_ n: UInt64, _ card: String, hoursAgo: Int64, _ rating: Rating = .good) -> HistoryRecord {
        .review(ReviewEvent(id: EventID(high: 0, low: n), card: card, at: Self.now.adding(seconds: -hoursAgo * 3600), rating: rating))
    }

    func mark(_ n: UInt64, _ card: String, _ mark: CardMark, hoursAgo: Int64) -> HistoryRecord {
        .mark(CardMarkEvent(id: EventID(high: 1, low: n), card: card, at: Self.now.adding(seconds: -hoursAgo * 3600), mark: mark))
    }

    func queue(_ records: [HistoryRecord], _ deck: [String], config: StudyConfig = StudyConfig(), at: Instant = now) throws -> DailyQueue {
        let replay = Replay(history: try History(records), scheduler: scheduler)
        return DailyQueue(deckCards: deck, replay: replay, now: at, utcOffsetSeconds: 0, config: config)
    }

    @Test func siblingKeysComeFromTheCardID() {
        #expect(Siblings.keys(of: "http/404/code-to-meaning") == ["http/404"])
        #expect(Siblings.keys(of: "anki/abc/1") == ["anki/abc"])
        #expect(Siblings.keys(of: "contrast/401-403") == ["contrast/401-403"])
        #expect(Siblings.keys(of: "contrast/307-308-keep-method") == ["contrast/307-308"])
        #expect(Siblings.keys(of: "contrast/303-see-other").isEmpty)
        #expect(Siblings.keys(of: "plain").isEmpty)
        let burial = SiblingBurial(answeredToday: ["contrast/301-302-303-307-308", "http/404/class"])
        #expect(burial.buries("contrast/307-308-keep-method"))
        #expect(!burial.buries("contrast/401-403"))
        #expect(burial.buries("http/404/meaning-to-code"))
        #expect(!burial.buries("http/404/class"), "a card never buries itself")
        #expect(!burial.buries("http/410/class"))
    }

    @Test func answeringACardBuriesItsNewAndReviewSiblingsUntilTheNextDay() throws {
        // http/404/class answered an hour ago (now in learning); 404's review card, graduated long
        // ago, is due today; its two other cards are new.
        let records = [review(1, "http/404/meaning-to-code", hoursAgo: 24 * 40, .easy), review(2, "http/404/class", hoursAgo: 1)]
        let deck = ["http/404/class", "http/404/code-to-meaning", "http/404/phrase-to-code", "http/404/meaning-to-code", "http/410/class"]
        let q = try queue(records, deck)
        #expect(q.new == ["http/410/class"], "404's new siblings wait")
        #expect(q.reviews.isEmpty, "404's due review waits")

        var off = StudyConfig()
        off.buryNewSiblings = false
        off.buryReviewSiblings = false
        let unburied = try queue(records, deck, config: off)
        #expect(unburied.new == ["http/404/code-to-meaning", "http/404/phrase-to-code", "http/410/class"])
        #expect(unburied.reviews == ["http/404/meaning-to-code"])

        // The next study day they are back.
        let next = try queue(records, deck, at: Self.now.adding(seconds: 24 * 3600))
        #expect(next.new.contains("http/404/code-to-meaning"))
        #expect(next.reviews.contains("http/404/meaning-to-code"))
    }

    @Test func anUndoneAnswerBuriesNothing() throws {
        let undo = HistoryRecord.undo(UndoEvent(id: EventID(high: 2, low: 1), target: EventID(high: 0, low: 1), at: Self.now))
        let q = try queue([review(1, "http/404/class", hoursAgo: 1), undo], ["http/404/class", "http/404/code-to-meaning"])
        #expect(q.new == ["http/404/class", "http/404/code-to-meaning"])
    }

    @Test func suspendedAndBuriedCardsLeaveTheQueueAndMarksFoldInTimeOrder() throws {
        let deck = ["a/1/x", "b/1/x", "c/1/x", "d/1/x"]
        var records = [mark(1, "a/1/x", .suspend, hoursAgo: 48), mark(2, "b/1/x", .bury, hoursAgo: 1), mark(3, "c/1/x", .bury, hoursAgo: 30)]
        // An unsuspend older than the suspend changes nothing, wherever its line sits.
        records.append(mark(4, "a/1/x", .unsuspend, hoursAgo: 72))
        let q = try queue(records, deck)
        #expect(q.new == ["c/1/x", "d/1/x"], "a suspend lasts; a bury of yesterday is over")
        let marks = CardMarks(history: try History(records))
        #expect(marks.suspended == ["a/1/x"])
        #expect(marks.buried(dayStart: DailyQueue.dayStart(now: Self.now, dayStartsAt: 4, utcOffsetSeconds: 0)) == ["b/1/x"])
        // An undo takes a mark back.
        records.append(.undo(UndoEvent(id: EventID(high: 3, low: 1), target: EventID(high: 1, low: 1), at: Self.now)))
        #expect(try queue(records, deck).new == ["a/1/x", "c/1/x", "d/1/x"])
    }

    // MARK: - The round

    final class Log: StudyLog {
        var records: [HistoryRecord] = []
        func append(_ record: HistoryRecord) throws { records.append(record) }
    }

    func round(_ records: [HistoryRecord], _ deck: [String], config: StudyConfig = StudyConfig(), log: Log) throws -> StudyRound {
        let session = try StudySession(history: try History(records), config: config, utcOffsetSeconds: 0, log: log, ids: SplitMix64(seed: 3))
        return StudyRound(session: session, deckCards: deck, limit: nil)
    }

    func asked(_ next: StudyRound.Next) -> String? {
        if case .ask(let card, _, _) = next { card } else { nil }
    }

    @Test func buryAndSuspendAreSavedAndUndoneInOrder() throws {
        let log = Log()
        var r = try round([], ["a/1/x", "b/1/x", "c/1/x"], log: log)
        #expect(asked(r.start(now: Self.now)) == "a/1/x")
        #expect(asked(try r.bury("a/1/x", now: Self.now)) == "b/1/x")
        #expect(asked(try r.suspend("b/1/x", now: Self.now)) == "c/1/x")
        let saved: [CardMark] = log.records.compactMap { if case .mark(let m) = $0 { m.mark } else { nil } }
        #expect(saved == [.bury, .suspend])
        #expect(asked(try r.undo(now: Self.now)) == "b/1/x")
        #expect(!r.session.marks.suspended.contains("b/1/x"))
        #expect(asked(try r.undo(now: Self.now)) == "a/1/x")
        #expect(r.queue(now: Self.now).new == ["a/1/x", "b/1/x", "c/1/x"])
    }

    /// A review card lapsing for the 8th time is a leech; with leech_action = suspend it is
    /// suspended in the same step, and undoing the answer takes the suspend back too.
    @Test func theLapseThatReachesTheThresholdFlagsALeech() throws {
        var records: [HistoryRecord] = []
        var n: UInt64 = 0
        var at = Self.now.adding(seconds: -3600 * 24 * 400)
        // Seven lapses: Easy (to review), then Again + Easy seven times, weeks apart.
        func add(_ rating: Rating) {
            n += 1
            records.append(.review(ReviewEvent(id: EventID(high: 0, low: n), card: "x/1/y", at: at, rating: rating)))
            at = at.adding(seconds: 3600 * 24 * 40)
        }
        add(.easy)
        for _ in 0..<7 {
            add(.again)
            add(.easy)
        }
        let replay = Replay(history: try History(records), scheduler: scheduler)
        #expect(replay.cards["x/1/y"]?.lapses == 7)
        var config = StudyConfig()
        config.leechAction = .suspend
        let log = Log()
        var r = try round(records, ["x/1/y"], config: config, log: log)
        let when = replay.cards["x/1/y"].map { max($0.schedule.due, Self.now) } ?? Self.now
        _ = r.start(now: when)
        let next = try r.answer(StudyAnswer(card: "x/1/y", rating: .again, deck: "d", mode: "flip", answerMilliseconds: 900, correct: nil), now: when)
        #expect(r.leech == StudyRound.LeechFlag(card: "x/1/y", lapses: 8, suspended: true))
        #expect(r.session.marks.suspended == ["x/1/y"])
        #expect(asked(next) == nil, "a suspended leech is not asked again")
        _ = try r.undo(now: when)
        #expect(r.session.marks.suspended.isEmpty)
        #expect(r.session.lapses(of: "x/1/y") == 7)
        #expect(log.records.suffix(2).allSatisfy { if case .undo = $0 { true } else { false } })

        // Tagging (the default) flags without suspending.
        var tagging = try round(records, ["x/1/y"], log: Log())
        _ = tagging.start(now: when)
        _ = try tagging.answer(StudyAnswer(card: "x/1/y", rating: .again, deck: "d", mode: "flip", answerMilliseconds: 900, correct: nil), now: when)
        #expect(tagging.leech == StudyRound.LeechFlag(card: "x/1/y", lapses: 8, suspended: false))
        #expect(tagging.session.marks.suspended.isEmpty)
    }

    @Test func leechesAreFlaggedAtTheThresholdAndEveryHalfThresholdAfter() {
        #expect(!Leech.flags(before: 6, after: 7, threshold: 8))
        #expect(Leech.flags(before: 7, after: 8, threshold: 8))
        #expect(!Leech.flags(before: 8, after: 9, threshold: 8))
        #expect(Leech.flags(before: 11, after: 12, threshold: 8))
        #expect(Leech.flags(before: 15, after: 16, threshold: 8))
        #expect(!Leech.flags(before: 8, after: 8, threshold: 8), "no new lapse, no flag")
        #expect(Leech.isLeech(lapses: 8, threshold: 8) && !Leech.isLeech(lapses: 7, threshold: 8))
    }
}
