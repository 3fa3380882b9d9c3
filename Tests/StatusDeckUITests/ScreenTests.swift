import StatusDeckUI
import Testing

/// The cell grid: wide glyphs are never split, and frame diffs rewrite only what changed.
@Suite struct ScreenTests {
    @Test func aWideGlyphTakesTwoCells() {
        var s = Screen(width: 6, height: 1)
        #expect(s.put("状态", x: 0, y: 0) == 4)
        #expect(s[0, 0] == Cell(text: "状", width: 2, style: .plain))
        #expect(s[1, 0].isContinuation)
        #expect(s.line(0) == "状态")
    }

    @Test func aWideGlyphThatWouldCrossTheEdgeIsNotDrawnHalf() {
        var s = Screen(width: 5, height: 1)
        #expect(s.put("状态码", x: 0, y: 0) == 5)
        #expect(s.line(0) == "状态")
        #expect(s[4, 0].text == " ")
        var t = Screen(width: 5, height: 1)
        t.put("ab状态", x: 0, y: 0, limit: 3)
        #expect(t.line(0) == "ab")
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var s = Screen(width: 6, height: 1)
        s.put("状态", x: 0, y: 0)
        s.put("x", x: 1, y: 0)
        #expect(s.line(0) == " x态")
        s.put("y", x: 2, y: 0)
        #expect(s.line(0) == " xy")
        #expect(!s[3, 0].isContinuation)
    }

    @Test func theSameFrameNeedsNoWrites() {
        var s = Screen(width: 10, height: 2)
        s.put("hello 状态", x: 0, y: 1)
        #expect(ScreenDiff.runs(from: s, to: s).isEmpty)
    }

    @Test func aChangeIsOneRunAtItsColumn() {
        var a = Screen(width: 10, height: 2)
        a.put("hello", x: 0, y: 1)
        var b = a
        b.put("J", x: 0, y: 1)
        #expect(ScreenDiff.runs(from: a, to: b) == [ScreenDiff.Run(x: 0, y: 1, text: "J", style: .plain, width: 1)])
    }

    @Test func nearbyChangesMergeAndStylesSplitRuns() {
        var a = Screen(width: 12, height: 1)
        a.put("abcdefghij", x: 0, y: 0)
        var b = a
        b.put("X", x: 1, y: 0)
        b.put("Y", x: 4, y: 0, style: .good)
        let runs = ScreenDiff.runs(from: a, to: b)
        #expect(runs.map(\.text) == ["Xcd", "Y"])
        #expect(runs.map(\.x) == [1, 4])
        #expect(runs.map(\.style) == [.plain, .good])
    }

    @Test func aChangedWideGlyphIsRewrittenWhole() {
        var a = Screen(width: 8, height: 1)
        a.put("ab状态", x: 0, y: 0)
        var b = a
        b.put("码", x: 4, y: 0)
        let runs = ScreenDiff.runs(from: a, to: b)
        #expect(runs == [ScreenDiff.Run(x: 4, y: 0, text: "码", style: .plain, width: 2)])
        // Replacing a wide glyph with a narrow one rewrites the column its right half held.
        var c = a
        c.put("z", x: 2, y: 0)
        #expect(ScreenDiff.runs(from: a, to: c).map(\.text) == ["z "])
    }

    @Test func aNewSizeRedrawsEverything() {
        var a = Screen(width: 4, height: 2)
        a.put("ab", x: 0, y: 0)
        let b = Screen(width: 5, height: 2)
        let runs = ScreenDiff.runs(from: a, to: b)
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { $0.width == 5 && $0.x == 0 })
        #expect(ScreenDiff.runs(from: nil, to: b).count == 2)
    }

    @Test func everySnapshotSizedFrameHasRowsOfExactlyItsWidth() {
        var q = Fixtures.quiz(Fixtures.scenarioZh, language: .zh)
        Fixtures.press(&q, [.enter, .char("i")])
        for (w, h) in [(80, 24), (40, 12), (41, 13), (57, 17)] {
            let s = q.view(width: w, height: h)
            for y in 0..<h {
                var columns = 0
                for x in 0..<w { columns += Int(s[x, y].width) }
                #expect(columns == w, "row \(y) at \(w)x\(h)")
            }
        }
    }
}
