import FSRS
import StatusDeckCore
import Testing

@testable import StatusDeckUI

/// The card browser's state machine: search, moving, the info page, suspending, leaving.
@Suite struct CardBrowserTests {
    typealias F = BrowserFixtures

    func shown(_ b: CardBrowser) -> [String] { b.matches.map { b.rows[$0].cardID } }

    @Test func itOpensOnEveryCardWithTheSearchFieldActive() {
        let b = F.browser()
        #expect(b.searching)
        #expect(b.matches.count == 6)
        #expect(b.selectedRow?.cardID == "http/404/code-to-meaning")
    }

    @Test func typingFiltersByCodeIdAndTextIgnoringCase() {
        var b = F.browser()
        F.press(&b, F.type("404"))
        #expect(shown(b) == ["http/404/code-to-meaning", "http/404/phrase-to-code"])
        F.press(&b, [.ctrl("u")] + F.type("CONTRAST/"))
        #expect(shown(b) == ["contrast/401-403"])
        F.press(&b, [.ctrl("u")] + F.type("internal server"))
        #expect(shown(b) == ["http/500/code-to-meaning"], "every word must match, in any field")
        F.press(&b, [.ctrl("u")] + F.type("gone 410"))
        #expect(shown(b) == ["http/410/code-to-meaning"], "words in any order, across answer and code")
        F.press(&b, [.ctrl("u")] + F.type("ｎｏｔ ｆｏｕｎｄ"))
        #expect(shown(b) == ["http/404/code-to-meaning", "http/404/phrase-to-code"], "full-width letters fold to ASCII")
        F.press(&b, [.ctrl("u")] + F.type("zzz"))
        #expect(b.matches.isEmpty)
        #expect(b.selectedRow == nil)
        #expect(F.press(&b, [.enter]).isEmpty, "Enter on no match opens nothing")
    }

    @Test func chineseTextIsSearchable() {
        var b = F.browser(.zh)
        F.press(&b, F.type("未找到"))
        #expect(shown(b) == ["http/404/code-to-meaning", "http/404/phrase-to-code"])
    }

    @Test func backspaceWidensTheSearchAndKeepsTheSelectedCard() {
        var b = F.browser()
        F.press(&b, F.type("50"))
        #expect(shown(b) == ["http/500/code-to-meaning"])
        F.press(&b, [.backspace, .backspace])
        #expect(b.query.isEmpty)
        #expect(b.matches.count == 6)
        #expect(b.selectedRow?.cardID == "http/500/code-to-meaning")
        F.press(&b, [.backspace])
        #expect(b.searching, "Backspace on an empty query does nothing")
    }

    @Test func arrowsAndPagingMoveWithinTheMatches() {
        var b = F.browser(width: 40, height: 12)
        #expect(b.pageRows == 7)
        F.press(&b, [.up])
        #expect(b.selected == 0)
        F.press(&b, [.down, .down])
        #expect(b.selected == 2)
        F.press(&b, [.end])
        #expect(b.selected == 5)
        F.press(&b, [.down])
        #expect(b.selected == 5)
        F.press(&b, [.home, .pageDown])
        #expect(b.selected == 5)
        F.press(&b, [.pageUp])
        #expect(b.selected == 0)
        _ = b.update(.resize(width: 80, height: 7), now: F.now)
        F.press(&b, [.pageDown])
        #expect(b.selected == 2)
        // A new query starts again at the top.
        F.press(&b, F.type("0"))
        #expect(b.selected == 0)
    }

    @Test func escLeavesTheSearchFieldThenTheBrowser() {
        var b = F.browser()
        #expect(F.press(&b, [.escape]) == [.close], "Esc with nothing typed closes")
        var c = F.browser()
        #expect(F.press(&c, F.type("40") + [.escape]).isEmpty)
        #expect(!c.searching)
        #expect(c.query == "40")
        // Letters are commands now: j moves, / searches again, q closes.
        F.press(&c, [.char("j")])
        #expect(c.selectedRow?.cardID == "http/404/phrase-to-code")
        F.press(&c, [.char("/"), .char("1")])
        #expect(c.query == "401")
        #expect(shown(c) == ["contrast/401-403"])
        #expect(F.press(&c, [.escape, .char("q")]) == [.close])
        var d = F.browser()
        #expect(F.press(&d, [.char("x"), .ctrl("c")]) == [.quit])
    }

    @Test func enterAsksForTheInfoAndTheReplyOpensIt() {
        var b = F.browser()
        #expect(F.press(&b, [.down, .enter]) == [.loadInfo(cardID: "http/404/phrase-to-code")])
        #expect(!b.searching)
        // A reply for another card (stale) is ignored.
        _ = b.update(.info(F.info()), now: F.now)
        #expect(b.page == .list)
        #expect(F.press(&b, [.up, .enter]) == [.loadInfo(cardID: "http/404/code-to-meaning")])
        _ = b.update(.info(F.info()), now: F.now)
        #expect(b.page == .info(F.info(), scroll: 0))
        #expect(b.infoRow?.lapses == 1)
        F.press(&b, [.escape])
        #expect(b.page == .list)
        #expect(b.selectedRow?.cardID == "http/404/code-to-meaning")
    }

    @Test func theInfoPageScrollsNoFurtherThanItsLastLine() {
        var b = F.browser(width: 40, height: 12)
        F.press(&b, [.enter])
        let info = F.info()
        _ = b.update(.info(info), now: F.now)
        F.press(&b, [.end])
        let most = b.maxInfoScroll(info)
        #expect(most > 0)
        #expect(b.page == .info(info, scroll: most))
        F.press(&b, [.up])
        #expect(b.page == .info(info, scroll: most - 1), "Up works at once after End")
        F.press(&b, [.home])
        #expect(b.page == .info(info, scroll: 0))
    }

    @Test func atSuspendsAndUnsuspendsAndFreshRowsKeepTheSelection() {
        var b = F.browser()
        F.press(&b, F.type("404") + [.escape, .down])
        #expect(F.press(&b, [.char("@")]) == [.setSuspended(cardID: "http/404/phrase-to-code", true)])
        #expect(b.notice?.text == BrowserStrings.en.suspendedNotice)
        var rows = F.en
        rows[1].suspended = true
        rows.swapAt(0, 2)
        _ = b.update(.rows(rows), now: F.now + 500)
        #expect(b.selectedRow?.cardID == "http/404/phrase-to-code")
        #expect(b.selectedRow?.suspended == true)
        #expect(b.view(width: 80, height: 24).text.contains("suspended"))
        #expect(F.press(&b, [.char("@")]) == [.setSuspended(cardID: "http/404/phrase-to-code", false)])
        // A suspended card is unsuspended from its info page too, and ^S works in the search field.
        var c = F.browser()
        F.press(&c, F.type("301"))
        #expect(F.press(&c, [.ctrl("s")]) == [.setSuspended(cardID: "http/301/meaning-to-code", false)])
        F.press(&c, [.enter])
        var info = F.info()
        info.cardID = "http/301/meaning-to-code"
        _ = c.update(.info(info), now: F.now)
        #expect(F.press(&c, [.char("@")]) == [.setSuspended(cardID: "http/301/meaning-to-code", false)])
    }

    @Test func aFailedSaveIsShownAsAnError() {
        var b = F.browser()
        F.press(&b, [.ctrl("s")])
        _ = b.update(.failed("disk full"), now: F.now)
        #expect(b.notice == CardBrowser.Notice(text: "Not saved: disk full", isError: true))
        #expect(b.view(width: 80, height: 24).line(22).contains("Not saved: disk full"))
        F.press(&b, [.down])
        #expect(b.notice == nil)
    }

    @Test func rowsNeverCarryControlCharacters() {
        let row = BrowserRow(cardID: "x/\u{1B}[31m1", code: 1, prompt: "a\u{1B}]0;pwned\u{07}b\nc", answer: "\u{202E}d", state: .new)
        #expect(row.prompt == "ab c")
        #expect(row.cardID == "x/1")
        #expect(row.answer == "d")
    }

    @Test func narrowTerminalsDropFiguresBeforeTheCardText() {
        let wide = F.browser().view(width: 80, height: 24)
        #expect(wide.line(2).contains("Lapses") && wide.line(2).contains("Stab."))
        let narrow = F.browser().view(width: 40, height: 12)
        #expect(!narrow.line(2).contains("Lapses"))
        #expect(narrow.line(2).contains("State"))
        for y in 0..<12 { #expect(TerminalText.width(narrow.line(y)) <= 40) }
    }
}
