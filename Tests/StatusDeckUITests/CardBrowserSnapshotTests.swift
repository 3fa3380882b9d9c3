import StatusDeckCore
import Testing

@testable import StatusDeckUI

/// The browser's screens as text, in both languages, at 80×24 and 40×12.
@Suite struct CardBrowserSnapshotTests {
    typealias F = BrowserFixtures

    func both(_ language: Language, _ name: String, _ setUp: (inout CardBrowser) -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
        for (w, h) in QuizSnapshotTests.sizes {
            var b = F.browser(language, width: w, height: h)
            setUp(&b)
            assertSnapshot(b.view(width: w, height: h), named: "\(name)-\(w)x\(h)", sourceLocation: sourceLocation)
        }
    }

    @Test func listAsItOpens() {
        both(.en, "browser-list-en") { _ in }
        both(.zh, "browser-list-zh") { _ in }
    }

    /// Searching, the field left, the selection on a suspended card.
    @Test func listSearchedWithASuspendedCardSelected() {
        both(.en, "browser-search-en") { F.press(&$0, F.type("30") + [.escape]) }
        both(.zh, "browser-search-zh") { F.press(&$0, F.type("30") + [.escape]) }
    }

    @Test func noCardMatches() {
        both(.en, "browser-no-match-en") { F.press(&$0, F.type("zzz")) }
    }

    @Test func infoPage() {
        both(.en, "browser-info-en") { b in
            F.press(&b, [.enter])
            _ = b.update(.info(F.info(.en)), now: F.now)
        }
        both(.zh, "browser-info-zh") { b in
            F.press(&b, [.enter])
            _ = b.update(.info(F.info(.zh)), now: F.now)
        }
    }

    @Test func infoPageScrolledToItsEndAfterASuspend() {
        both(.en, "browser-info-end-en") { b in
            F.press(&b, [.enter])
            _ = b.update(.info(F.info(.en)), now: F.now)
            F.press(&b, [.end, .char("@")])
            var rows = F.en
            rows[0].suspended = true
            _ = b.update(.rows(rows), now: F.now)
        }
    }

    @Test func tooSmall() {
        assertSnapshot(F.browser(.zh).view(width: 39, height: 12), named: "browser-too-small-zh-39x12")
    }
}
