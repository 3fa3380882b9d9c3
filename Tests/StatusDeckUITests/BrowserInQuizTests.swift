import FSRS
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckUI

/// The browser inside the quiz: `/` (or ^F while typing) opens it, Esc brings back the same
/// card, and a suspend there reaches the running session.
@Suite struct BrowserInQuizTests {
    typealias F = BrowserFixtures
    static let content = BrowserContent(rows: F.en, utcOffsetSeconds: 0)

    @Test func slashOpensTheBrowserAndEscBringsBackTheSameCard() {
        var q = Fixtures.quiz(Fixtures.notFound)
        #expect(Fixtures.press(&q, [.char(" ")]).isEmpty)
        #expect(Fixtures.press(&q, [.char("/")]) == [.openBrowser])
        #expect(q.awaiting)
        _ = q.update(.browse(Self.content), now: 3000)
        #expect(q.browser != nil)
        #expect(q.view(width: 80, height: 24).line(0).contains("Cards · Everyday codes"))
        // Every key goes to the browser: letters search, not grade.
        #expect(Fixtures.press(&q, [.char("3"), .char("1")]).isEmpty)
        #expect(q.browser?.query == "31")
        #expect(Fixtures.press(&q, [.escape, .escape]).isEmpty)
        #expect(q.browser == nil)
        #expect(q.step == .back(nil))
        #expect(q.current?.cardID == Fixtures.notFound.cardID)
    }

    @Test func whileTypingSlashIsTextAndCtrlFOpens() {
        var q = Fixtures.quiz(Fixtures.notFound, mode: .type)
        Fixtures.press(&q, Fixtures.type("a/b"))
        #expect(q.step == .typing("a/b", active: true))
        #expect(Fixtures.press(&q, [.ctrl("f")]) == [.openBrowser])
        _ = q.update(.browse(Self.content), now: 3000)
        Fixtures.press(&q, [.escape])
        #expect(q.browser == nil)
        #expect(q.step == .typing("a/b", active: true), "what was typed is kept")
        // After Esc in the answer field, / is a command again.
        #expect(Fixtures.press(&q, [.escape, .char("/")]) == [.openBrowser])
    }

    @Test func theBrowserOpensFromTheSummaryButNotBeforeTheFirstCard() {
        var waiting = Quiz(deckName: "D", strings: .en)
        #expect(waiting.update(.key(.char("/")), now: 0).isEmpty)
        var q = Fixtures.quiz(Fixtures.notFound)
        _ = q.update(.finished(.zero, nextDueIn: nil), now: 2000)
        #expect(Fixtures.press(&q, [.char("/")]) == [.openBrowser])
    }

    @Test func browserEffectsGoToTheDriverAndItsRepliesComeBack() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char("/")])
        _ = q.update(.browse(Self.content), now: 3000)
        #expect(Fixtures.press(&q, [.enter]) == [.browser(.loadInfo(cardID: "http/404/code-to-meaning"))])
        _ = q.update(.browser(.info(F.info())), now: 3000)
        #expect(q.view(width: 80, height: 24).text.contains("Answers (5)"))
        #expect(Fixtures.press(&q, [.char("@")]) == [.browser(.setSuspended(cardID: "http/404/code-to-meaning", true))])
        #expect(Fixtures.press(&q, [.ctrl("c")]) == [.quit])
    }

    @Test func suspendingTheCardShownMovesTheQuizOnWhenTheBrowserCloses() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char("/")])
        _ = q.update(.browse(Self.content), now: 3000)
        Fixtures.press(&q, [.ctrl("s")])
        var rows = F.en
        rows[0].suspended = true
        _ = q.update(.browser(.rows(rows)), now: 3000)
        #expect(Fixtures.press(&q, [.escape, .escape]) == [.nextCard])
        #expect(q.awaiting)
    }

    // MARK: - Over a real session

    static func driver(_ log: MemoryStudyLog) throws -> StudyDriver {
        try StudyDriverTests.driver(3, log: log)
    }

    @Test func aSuspendInTheBrowserIsSavedAndTakesTheCardOutOfTheQueue() throws {
        let log = MemoryStudyLog()
        var program = QuizProgram(quiz: Quiz(deckName: "Test", strings: .en), driver: try Self.driver(log))
        let t = StudyDriverTests.t0
        program.start(now: t)
        #expect(program.quiz.current?.cardID == "test/0")
        // Open the browser, find test/1, suspend it from its info page, go back.
        for key in [Key.char("/")] + F.type("test/1") + [.enter, .char("@"), .escape, .escape] {
            program.send(.key(key), now: t + 1000)
        }
        #expect(program.quiz.browser == nil)
        #expect(program.quiz.current?.cardID == "test/0", "the same card")
        let marks = log.records.compactMap { if case .mark(let m) = $0 { m } else { nil } }
        #expect(marks.map(\.card) == ["test/1"])
        #expect(marks.map(\.mark) == [.suspend])
        // test/1 is no longer asked: after test/0 comes test/2.
        program.send(.key(.char(" ")), now: t + 2000)
        program.send(.key(.char("3")), now: t + 3000)
        #expect(program.quiz.current?.cardID == "test/2")
        #expect(program.driver.session.marks.suspended == ["test/1"])
        // `u` takes back the answer, not the browser's suspend.
        program.send(.key(.char("u")), now: t + 4000)
        #expect(program.quiz.current?.cardID == "test/0")
        #expect(program.driver.session.marks.suspended == ["test/1"])
    }

    @Test func suspendingTheCardShownAsksTheNextOne() throws {
        let log = MemoryStudyLog()
        var program = QuizProgram(quiz: Quiz(deckName: "Test", strings: .en), driver: try Self.driver(log))
        let t = StudyDriverTests.t0
        program.start(now: t)
        for key in [Key.char("/"), .ctrl("s"), .escape] { program.send(.key(key), now: t + 1000) }
        #expect(program.quiz.current?.cardID == "test/1")
        #expect(program.quiz.doneCount == 0, "a suspend in the browser is not an action of the quiz")
        // Unsuspended again, it comes back into the queue.
        for key in [Key.char("/"), .ctrl("s"), .escape] { program.send(.key(key), now: t + 2000) }
        #expect(program.driver.session.marks.suspended.isEmpty)
        #expect(program.driver.round.queue(now: Instant(milliseconds: t + 2000)).cards.contains("test/0"))
    }

    @Test func theBrowserProgramRunsOnItsOwn() throws {
        let log = MemoryStudyLog()
        var program = BrowserProgram(deckName: "Test", strings: .zh, driver: try Self.driver(log))
        program.start(now: StudyDriverTests.t0, width: 40, height: 12)
        #expect(program.browser?.rows.count == 3)
        for key in F.type("test/2") { program.key(key, now: StudyDriverTests.t0) }
        program.key(.ctrl("s"), now: StudyDriverTests.t0)
        #expect(program.browser?.rows.first { $0.cardID == "test/2" }?.suspended == true)
        #expect(program.view(width: 40, height: 12).text.contains("已暂停"))
        program.key(.escape, now: StudyDriverTests.t0)
        #expect(!program.quitRequested, "the first Esc leaves the search field")
        program.key(.char("q"), now: StudyDriverTests.t0)
        #expect(program.quitRequested)
        #expect(log.records.count == 1)
    }
}
