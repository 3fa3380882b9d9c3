import FSRS
import StatusDeckCore
import StatusDeckUI
import Testing

/// What each key does, step by step, and the effects the driver receives.
@Suite struct QuizUpdateTests {
    @Test func beforeTheFirstCardOnlyQuitWorks() {
        var q = Quiz(deckName: "d", strings: .en)
        #expect(q.update(.key(.char(" ")), now: 0).isEmpty)
        #expect(q.step == .waiting)
        #expect(q.update(.key(.char("q")), now: 0) == [.quit])
    }

    @Test func spaceAndEnterRevealInFlip() {
        var q = Fixtures.quiz(Fixtures.notFound)
        #expect(q.step == .front)
        #expect(Fixtures.press(&q, [.char(" ")]).isEmpty)
        #expect(q.step == .back(nil))
        var r = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&r, [.enter])
        #expect(r.step == .back(nil))
    }

    @Test func gradeKeysRecordWithAnswerTime() {
        for grade in Rating.allCases {
            var q = Fixtures.quiz(Fixtures.notFound)
            _ = q.update(.key(.char(" ")), now: 2000)
            let effects = q.update(.key(.char(Character(String(grade.rawValue)))), now: 4500)
            #expect(
                effects == [
                    .record(
                        Answer(
                            cardID: Fixtures.notFound.cardID, grade: grade, mode: .flip,
                            answerMillis: 3500, correct: nil))
                ])
            #expect(q.awaiting)
        }
    }

    @Test func gradeKeysOnTheFrontDoNothing() {
        var q = Fixtures.quiz(Fixtures.notFound)
        #expect(Fixtures.press(&q, [.char("3")]).isEmpty)
        #expect(q.step == .front)
    }

    @Test func enterOnTheBackOfAFlipTakesGood() {
        var q = Fixtures.quiz(Fixtures.notFound)
        let effects = Fixtures.press(&q, [.char(" "), .enter])
        guard case .record(let a)? = effects.first else {
            Issue.record("no record")
            return
        }
        #expect(a.grade == .good)
    }

    @Test func keysWaitWhileTheDriverWorks() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char(" "), .char("3")])
        #expect(Fixtures.press(&q, [.char("3"), .char("u"), .char(" ")]).isEmpty)
        #expect(q.update(.key(.ctrl("c")), now: 9000) == [.quit])
    }

    @Test func typedAnswerForgivesCaseSpacesAndPunctuation() {
        for typed in ["not found", "NOT-FOUND", " Not  Found! ", "notfound", "ＮｏｔＦｏｕｎｄ"] {
            var q = Fixtures.quiz(Fixtures.notFound, mode: .type)
            Fixtures.press(&q, Fixtures.type(typed) + [.enter])
            guard case .back(let outcome?) = q.step else {
                Issue.record("not on the back for \(typed)")
                continue
            }
            #expect(outcome.correct, "\(typed)")
        }
    }

    @Test func typedAlternateIsAccepted() {
        var q = Fixtures.quiz(Fixtures.scenarioZh)
        Fixtures.press(&q, Fixtures.type("404 not found") + [.enter])
        guard case .back(let outcome?) = q.step else {
            Issue.record("not on the back")
            return
        }
        #expect(outcome.correct)
    }

    @Test func wrongTypedAnswerSuggestsAgainAndDigitsOverride() {
        var q = Fixtures.quiz(Fixtures.scenarioZh)
        Fixtures.press(&q, Fixtures.type("410") + [.enter])
        guard case .back(let outcome?) = q.step else {
            Issue.record("not on the back")
            return
        }
        #expect(!outcome.correct)
        #expect(outcome.given == "410")
        #expect(Quiz.suggested(outcome) == .again)
        var enter = q
        guard case .record(let a)? = Fixtures.press(&enter, [.enter], from: 9000).first else {
            Issue.record("no record")
            return
        }
        #expect(a.grade == .again && a.correct == false && a.mode == .type)
        guard case .record(let b)? = Fixtures.press(&q, [.char("2")], from: 9000).first else {
            Issue.record("no record")
            return
        }
        #expect(b.grade == .hard && b.correct == false)
    }

    @Test func typingTakesCommandLettersAsText() {
        var q = Fixtures.quiz(Fixtures.notFound, mode: .type)
        #expect(Fixtures.press(&q, Fixtures.type("quits?")).isEmpty)
        #expect(q.step == .typing("quits?", active: true))
        Fixtures.press(&q, [.backspace, .backspace])
        #expect(q.step == .typing("quit", active: true))
        Fixtures.press(&q, [.ctrl("u")])
        #expect(q.step == .typing("", active: true))
    }

    @Test func escapeLeavesTheTextSoCommandsWork() {
        var q = Fixtures.quiz(Fixtures.notFound, mode: .type)
        Fixtures.press(&q, Fixtures.type("no") + [.escape])
        #expect(q.step == .typing("no", active: false))
        Fixtures.press(&q, [.char("?")])
        #expect(q.overlay == .help(scroll: 0))
        Fixtures.press(&q, [.escape])
        #expect(q.overlay == nil)
        // A letter that is not a command goes back to typing.
        Fixtures.press(&q, [.char("t")])
        #expect(q.step == .typing("not", active: true))
        Fixtures.press(&q, [.escape])
        #expect(Fixtures.press(&q, [.char("s")]) == [.bury(cardID: Fixtures.notFound.cardID)])
    }

    @Test func emptyTypedAnswerIsWrong() {
        var q = Fixtures.quiz(Fixtures.notFound, mode: .type)
        Fixtures.press(&q, [.enter])
        guard case .back(let outcome?) = q.step else {
            Issue.record("expected the back with a verdict, got \(q.step)")
            return
        }
        #expect(outcome.given == "" && !outcome.correct && outcome.typed?.verdict == .wrong)
        #expect(Quiz.suggested(outcome) == .again)
    }

    @Test func choiceByDigitAndByArrows() {
        var q = Fixtures.quiz(Fixtures.notFound, mode: .choice)
        Fixtures.press(&q, [.char("2")])
        #expect(q.step == .back(Quiz.Outcome(given: "Not Found", correct: true, chosen: 1)))
        var r = Fixtures.quiz(Fixtures.notFound, mode: .choice)
        Fixtures.press(&r, [.down, .down, .up, .up, .up])
        #expect(r.step == .choosing(3))
        Fixtures.press(&r, [.enter])
        #expect(r.step == .back(Quiz.Outcome(given: "Method Not Allowed", correct: false, chosen: 3)))
        guard case .record(let a)? = Fixtures.press(&r, [.enter], from: 9000).first else {
            Issue.record("no record")
            return
        }
        #expect(a.grade == .again && a.mode == .choice)
    }

    @Test func aSessionModeTheCardCannotTakeFallsBackToTheCardsOwn() {
        var item = Fixtures.notFound
        item.choices = []
        #expect(Fixtures.quiz(item, mode: .choice).step == .front)
        item.mode = .type
        #expect(Fixtures.quiz(item, mode: .choice).step == .typing("", active: true))
        var sentence = Fixtures.notFound
        sentence.answer = "301 is permanent and may turn POST into GET; 308 keeps the method"
        #expect(Fixtures.quiz(sentence, mode: .type).step == .front)
        #expect(Fixtures.quiz(sentence, mode: .choice).step == .choosing(0))
    }

    @Test func intervalLabels() {
        let cases: [(Int64, String)] = [
            (0, "0s"), (45_000, "45s"), (600_000, "10m"), (330_000, "5.5m"),
            (3 * 3_600_000, "3h"), (86_400_000, "1d"), (8 * 86_400_000, "8d"),
            (36 * 86_400_000, "1.2mo"), (800 * 86_400_000, "2.2y"),
        ]
        for (ms, text) in cases { #expect(IntervalText.short(milliseconds: ms) == text) }
    }

    @Test func modeKeyCyclesModesOnTheFront() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char("m")])
        #expect(q.step == .typing("", active: true))
        Fixtures.press(&q, [.escape, .char("m")])
        #expect(q.step == .choosing(0))
        Fixtures.press(&q, [.char("m")])
        #expect(q.step == .front)
        #expect(q.modeOverride == .flip)
    }

    @Test func explanationOnlyAfterTheAnswerAndScrolls() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char("i")])
        #expect(q.overlay == nil)
        #expect(q.notice?.text == "Show the answer first (Space)")
        Fixtures.press(&q, [.char(" "), .char("i")])
        #expect(q.overlay == .explanation(scroll: 0))
        Fixtures.press(&q, [.down, .down, .up])
        #expect(q.overlay == .explanation(scroll: 1))
        Fixtures.press(&q, [.char("i")])
        #expect(q.overlay == nil)
        #expect(q.step == .back(nil))
    }

    @Test func undoSeveralStepsThenNothingLeft() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char(" "), .char("3")])
        _ = q.update(.show(Fixtures.scenarioZh, Fixtures.counts), now: 3000)
        #expect(Fixtures.press(&q, [.escape, .char("s")], from: 3500) == [.bury(cardID: Fixtures.scenarioZh.cardID)])
        _ = q.update(.show(Fixtures.notFound, Fixtures.counts), now: 4000)
        #expect(q.doneCount == 2)
        #expect(Fixtures.press(&q, [.char("u")], from: 5000) == [.undo])
        _ = q.update(.show(Fixtures.scenarioZh, Fixtures.counts), now: 5100)
        #expect(Fixtures.press(&q, [.escape, .char("u")], from: 6000) == [.undo])
        _ = q.update(.show(Fixtures.notFound, Fixtures.counts), now: 6100)
        #expect(q.doneCount == 0)
        #expect(Fixtures.press(&q, [.char("u")], from: 7000).isEmpty)
        #expect(q.notice?.text == "Nothing to undo")
    }

    @Test func failedSaveTakesTheAnswerBackAndShowsWhy() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char(" "), .char("3")])
        _ = q.update(.failed("No space left on device\u{1B}[2J"), now: 3000)
        #expect(!q.awaiting)
        #expect(q.doneCount == 0)
        #expect(q.step == .back(nil))
        #expect(q.notice == Quiz.Notice(text: "Not saved: No space left on device", isError: true))
        #expect(Fixtures.press(&q, [.char("3")], from: 4000).count == 1)
    }

    @Test func quitAsksForTheSummaryThenLeaves() {
        var q = Fixtures.quiz(Fixtures.notFound)
        #expect(Fixtures.press(&q, [.char("q")]) == [.finish])
        _ = q.update(.finished(.zero, nextDueIn: nil), now: 61_000)
        #expect(q.step == .finished(nextDueIn: nil))
        #expect(q.summaryLine == "Reviewed 0 cards · 1m 00s")
        #expect(Fixtures.press(&q, [.enter], from: 62_000) == [.quit])
    }

    @Test func ctrlCAndSignalsQuitAtOnce() {
        var q = Fixtures.quiz(Fixtures.notFound, mode: .type)
        #expect(Fixtures.press(&q, [.ctrl("c")]) == [.quit])
        var r = Fixtures.quiz(Fixtures.notFound)
        #expect(r.update(.interrupted, now: 5000) == [.quit])
    }

    @Test func helpClosesOnAnyOtherKey() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char("?")])
        #expect(q.overlay == .help(scroll: 0))
        Fixtures.press(&q, [.char("x")])
        #expect(q.overlay == nil)
        #expect(q.step == .front)
    }

    @Test func summaryLineCountsRightAnswers() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char(" "), .char("1")])
        _ = q.update(.show(Fixtures.notFound, Fixtures.counts), now: 3000)
        Fixtures.press(&q, [.char(" "), .char("4")], from: 3000)
        _ = q.update(.show(Fixtures.notFound, Fixtures.counts), now: 5000)
        Fixtures.press(&q, [.char(" "), .char("3")], from: 5000)
        _ = q.update(.finished(.zero, nextDueIn: 600_000), now: 1000 + 754_000)
        #expect(q.summaryLine == "Reviewed 3 cards · 67% right · 12m 34s · next due in 10m")
        var z = Quiz(deckName: "d", strings: .zh)
        _ = z.update(.finished(.zero, nextDueIn: nil), now: 0)
        #expect(z.summaryLine == "已复习 0 张 · 用时 0s")
        _ = z.update(.finished(.zero, nextDueIn: 0), now: 0)
        #expect(z.summaryLine == "已复习 0 张 · 用时 0s · 下次到期 现在")
        _ = z.update(.finished(.zero, nextDueIn: 86_400_000), now: 0)
        #expect(z.summaryLine == "已复习 0 张 · 用时 0s · 下次到期 1d 后")
    }

    @Test func hostileCardTextIsSanitizedBeforeItIsShown() {
        var item = Fixtures.notFound
        item.prompt = "What\u{1B}]0;pwned\u{07} is \u{202E}404\u{202C}?\u{200B}"
        let q = Fixtures.quiz(item)
        #expect(q.current?.prompt == "What is 404?")
        #expect(q.view(width: 80, height: 24).text.contains("What is 404?"))
    }
}

/// Issue 14's keys and verdicts: control keys while typing, bury and suspend, the override key,
/// and "right" meaning right.
@Suite struct QuizStudyKeysTests {
    @Test func controlKeysActWhileLettersStayText() {
        var q = Fixtures.quiz(Fixtures.notFound, mode: .type)
        #expect(Fixtures.press(&q, Fixtures.type("bus@q")).isEmpty)
        #expect(q.step == .typing("bus@q", active: true))
        #expect(Fixtures.press(&q, [.ctrl("b")]) == [.bury(cardID: Fixtures.notFound.cardID)])
        var s = Fixtures.quiz(Fixtures.notFound, mode: .type)
        #expect(Fixtures.press(&s, [.ctrl("s")]) == [.suspend(cardID: Fixtures.notFound.cardID)])
        var d = Fixtures.quiz(Fixtures.notFound, mode: .type)
        #expect(Fixtures.press(&d, [.ctrl("d")]) == [.finish])
        var g = Fixtures.quiz(Fixtures.notFound, mode: .type)
        Fixtures.press(&g, [.ctrl("g")])
        #expect(g.overlay == .help(scroll: 0))
        var z = Fixtures.quiz(Fixtures.notFound, mode: .type)
        Fixtures.press(&z, [.ctrl("z")])
        #expect(z.notice?.text == "Nothing to undo")
    }

    @Test func aSlipSuggestsHardAndTheOverrideKeyFlipsTheVerdict() {
        var q = Fixtures.quiz(Fixtures.movedPermanently)
        Fixtures.press(&q, Fixtures.type("Moved Permanetly") + [.enter])
        guard case .back(let slip?) = q.step else {
            Issue.record("expected the back, got \(q.step)")
            return
        }
        #expect(slip.correct && Quiz.suggested(slip) == .hard)
        Fixtures.press(&q, [.char("o")])
        guard case .back(let flipped?) = q.step else { return }
        #expect(!flipped.correct && Quiz.suggested(flipped) == .again)
        Fixtures.press(&q, [.char("o")])
        guard case .back(let back?) = q.step else { return }
        #expect(back.correct && Quiz.suggested(back) == .hard, "pressed twice, the override is taken back")
        let effects = Fixtures.press(&q, [.enter])
        #expect(effects == [.record(Answer(cardID: Fixtures.movedPermanently.cardID, grade: .hard, mode: .type, answerMillis: 500, correct: true))])
        // A wrong answer overridden is right, and Enter then takes Good.
        var w = Fixtures.quiz(Fixtures.movedPermanently)
        Fixtures.press(&w, Fixtures.type("Found") + [.enter, .char("o")])
        guard case .back(let right?) = w.step else { return }
        #expect(right.correct && right.overridden && Quiz.suggested(right) == .good)
    }

    /// A wrong typed answer graded Hard is still wrong in "Right %"; a flip card graded Hard is right.
    @Test func rightCountsRightAnswersOnly() {
        var q = Fixtures.quiz(Fixtures.notFound, mode: .type)
        Fixtures.press(&q, Fixtures.type("nope") + [.enter, .char("2")])
        _ = q.update(.show(Fixtures.notFound, Fixtures.counts), now: 9000)
        Fixtures.press(&q, [.escape, .char("m"), .char("m"), .char(" "), .char("2")], from: 9500)
        #expect(q.reviewedCount == 2)
        #expect(q.rightCount == 1)
    }

    @Test func aLeechNoticeIsShownOnTheNextCard() {
        var q = Fixtures.quiz(Fixtures.notFound)
        _ = q.update(.leech(card: "http/301/phrase-to-code", lapses: 8, suspended: true), now: 2000)
        _ = q.update(.show(Fixtures.notFound, Fixtures.counts), now: 2000)
        #expect(q.notice?.text == "Leech: http/301/phrase-to-code forgotten 8 times; suspended")
    }
}
