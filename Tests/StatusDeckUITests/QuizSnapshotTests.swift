import StatusDeckCore
import StatusDeckUI
import Testing

/// The quiz's screens as text at 80×24 and 40×12.
@Suite struct QuizSnapshotTests {
    static let sizes = [(80, 24), (40, 12)]

    func both(_ quiz: Quiz, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (w, h) in Self.sizes {
            assertSnapshot(quiz.view(width: w, height: h), named: "\(name)-\(w)x\(h)", sourceLocation: sourceLocation)
        }
    }

    @Test func flipFront() {
        both(Fixtures.quiz(Fixtures.notFound), "flip-front")
    }

    @Test func flipBack() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char(" ")])
        both(q, "flip-back")
    }

    @Test func typedRight() {
        var q = Fixtures.quiz(Fixtures.scenarioZh, language: .zh, deck: "常用状态码")
        Fixtures.press(&q, Fixtures.type(" 404 not-found ") + [.enter])
        both(q, "typed-right-zh")
    }

    @Test func typedWrong() {
        var q = Fixtures.quiz(Fixtures.scenarioZh, language: .zh, deck: "常用状态码")
        Fixtures.press(&q, Fixtures.type("410") + [.enter])
        both(q, "typed-wrong-zh")
    }

    /// One letter swapped in a long phrase: right, graded Hard, the swap marked.
    @Test func typedSlipOnALeech() {
        var q = Fixtures.quiz(Fixtures.movedPermanently)
        Fixtures.press(&q, Fixtures.type("Moved Permanetly") + [.enter])
        both(q, "typed-slip-leech-en")
    }

    /// Another code's phrase: named, with the line that tells the two apart.
    @Test func typedAnotherCodesPhrase() {
        var q = Fixtures.quiz(Fixtures.movedPermanently, hints: WrongAnswerHints(catalog: Catalog.all, language: .en))
        Fixtures.press(&q, Fixtures.type("permanent redirect") + [.enter])
        both(q, "typed-other-code-en")
    }

    /// The same in Chinese: another code named in Chinese, on a leech.
    @Test func typedAnotherCodeOnALeechZh() {
        var item = Fixtures.scenarioZh
        item.code = 404
        item.lapses = 8
        item.isLeech = true
        item.contrasts = ["≠ 410 Gone：410 表示资源已被永久移除。"]
        var q = Fixtures.quiz(item, language: .zh, deck: "常用状态码", hints: WrongAnswerHints(catalog: Catalog.all, language: .zh))
        Fixtures.press(&q, Fixtures.type("410") + [.enter])
        both(q, "typed-other-code-leech-zh")
        var slip = Fixtures.quiz(item, language: .zh, deck: "常用状态码")
        Fixtures.press(&slip, Fixtures.type("404 Not Fuond") + [.enter])
        both(slip, "typed-slip-leech-zh")
    }

    @Test func typingInProgress() {
        var q = Fixtures.quiz(Fixtures.notFound, mode: .type)
        Fixtures.press(&q, Fixtures.type("not fo"))
        both(q, "typing-en")
    }

    @Test func choiceFront() {
        var q = Fixtures.quiz(Fixtures.notFound, mode: .choice)
        Fixtures.press(&q, [.down])
        both(q, "choice-front")
    }

    @Test func choiceWrong() {
        var q = Fixtures.quiz(Fixtures.notFound, mode: .choice)
        Fixtures.press(&q, [.char("1")])
        both(q, "choice-wrong")
    }

    @Test func help() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char("?")])
        both(q, "help-en")
        var z = Fixtures.quiz(Fixtures.scenarioZh, language: .zh)
        Fixtures.press(&z, [.escape, .char("?")])
        both(z, "help-zh")
    }

    @Test func explanationLongChineseWrapped() {
        var q = Fixtures.quiz(Fixtures.scenarioZh, language: .zh, deck: "常用状态码")
        Fixtures.press(&q, [.enter, .char("i")])
        both(q, "explanation-zh")
        Fixtures.press(&q, [.down, .down], from: 5000)
        assertSnapshot(q.view(width: 40, height: 12), named: "explanation-zh-scrolled-40x12")
    }

    @Test func summary() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char(" "), .char("3")])
        _ = q.update(.show(Fixtures.scenarioZh, Fixtures.counts), now: 3000)
        Fixtures.press(&q, [.enter, .enter], from: 4000)
        _ = q.update(.finished(QueueCounts(new: 10, learning: 1, due: 40), nextDueIn: 600_000), now: 245_000)
        both(q, "summary-en")
    }

    @Test func aSaveErrorIsShownInFullAboveTheGrades() {
        var q = Fixtures.quiz(Fixtures.notFound)
        Fixtures.press(&q, [.char(" "), .char("3")])
        _ = q.update(
            .failed(
                "/home/me/.local/share/statusdeck/history.jsonl: cannot append: No space left on device; the answer was not saved and nothing was half-written (free some space, then answer again)"
            ), now: 3000)
        both(q, "save-failed")
    }

    @Test func summaryZh() {
        var q = Fixtures.quiz(Fixtures.scenarioZh, language: .zh, deck: "常用状态码")
        Fixtures.press(&q, Fixtures.type("404") + [.enter, .enter])
        _ = q.update(.finished(.zero, nextDueIn: 0), now: 75_000)
        both(q, "summary-zh")
    }

    @Test func tooSmall() {
        let q = Fixtures.quiz(Fixtures.notFound)
        assertSnapshot(q.view(width: 39, height: 12), named: "too-small-39x12")
        assertSnapshot(q.view(width: 30, height: 8), named: "too-small-30x8")
        let z = Fixtures.quiz(Fixtures.notFound, language: .zh)
        assertSnapshot(z.view(width: 20, height: 5), named: "too-small-zh-20x5")
    }

    @Test func aLongPromptGivesWayToTheVerdictAt40x12() {
        var item = Fixtures.scenarioZh
        item.prompt = String(repeating: "客户端请求了一个服务器上不存在的页面，", count: 4) + "应返回哪个状态码？"
        var q = Fixtures.quiz(item, language: .zh, deck: "常用状态码")
        Fixtures.press(&q, Fixtures.type("404") + [.enter])
        let screen = q.view(width: 40, height: 12)
        assertSnapshot(screen, named: "long-prompt-back-zh-40x12")
        #expect(screen.text.contains("✓ 正确"))
        #expect(screen.text.contains("答案：404"))
    }

    @Test func resizeMidCardKeepsTheCard() {
        var q = Fixtures.quiz(Fixtures.scenarioZh, language: .zh, deck: "常用状态码")
        Fixtures.press(&q, Fixtures.type("40"))
        let before = q.view(width: 80, height: 24)
        #expect(q.update(.resize(width: 40, height: 12), now: 3000).isEmpty)
        assertSnapshot(q.view(width: 40, height: 12), named: "resize-mid-card-40x12")
        _ = q.update(.resize(width: 30, height: 10), now: 3100)
        #expect(q.view(width: 30, height: 10).text.contains("40×12"))
        _ = q.update(.resize(width: 80, height: 24), now: 3200)
        #expect(q.view(width: 80, height: 24) == before)
        assertSnapshot(before, named: "resize-mid-card-80x24")
    }
}
