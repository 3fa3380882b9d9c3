import FSRS
import StatusDeckCore

/// The card browser as a pure state machine: a list of the deck's cards narrowed by a search,
/// and one card's info page. `update` turns a message into new state and effects for the driver;
/// `view` (in CardBrowserView.swift) draws it.
///
/// Keys: typing in the search field filters as you type (Enter opens the selected card, Esc
/// leaves the field, or the browser when nothing was typed); in the list `/` searches again,
/// ↑↓ PgUp PgDn Home End move, Enter opens, `@` (or ^S) suspends or unsuspends, Esc or q closes.
/// On the info page ↑↓ scroll, `@` toggles the suspend, Esc, q or ← go back to the list.
public struct CardBrowser: Sendable {
    public let deckName: String
    public let strings: BrowserStrings
    public let utcOffsetSeconds: Int
    public private(set) var rows: [BrowserRow]
    public private(set) var query = ""
    /// Keys go to the search field.
    public private(set) var searching: Bool
    /// Positions in `rows` of the cards the query matches, in deck order.
    public private(set) var matches: [Int]
    /// Position in `matches` of the highlighted card.
    public private(set) var selected = 0
    public private(set) var page: Page = .list
    public private(set) var notice: Notice?
    /// The instant the rows were computed at and dues are shown against.
    public private(set) var now: Instant
    /// The last known terminal size: paging moves by a screenful, and the info page's scroll
    /// stops at its last line.
    public private(set) var width = 80
    public private(set) var height = 24
    /// Each row's text to search, normalized once.
    private var haystacks: [String]
    private var pendingInfo: String?

    public enum Page: Hashable, Sendable {
        case list
        case info(CardInfo, scroll: Int)
    }

    public struct Notice: Hashable, Sendable {
        public var text: String
        public var isError: Bool
    }

    public init(
        deckName: String, content: BrowserContent, strings: BrowserStrings, now: Int64, searching: Bool = true,
        width: Int = 80, height: Int = 24
    ) {
        self.deckName = TerminalText.sanitizeLine(deckName)
        self.strings = strings
        self.utcOffsetSeconds = content.utcOffsetSeconds
        self.rows = content.rows
        self.searching = searching
        self.now = Instant(milliseconds: now)
        self.haystacks = content.rows.map(CardBrowser.haystack)
        self.matches = Array(content.rows.indices)
        self.width = width
        self.height = height
    }

    /// The highlighted card's row, if any card matches.
    public var selectedRow: BrowserRow? {
        matches.indices.contains(selected) ? rows[matches[selected]] : nil
    }

    /// The row of the card whose info is open, as it is now.
    public var infoRow: BrowserRow? {
        guard case .info(let info, _) = page else { return nil }
        return rows.first { $0.cardID == info.cardID }
    }

    /// Card rows the list shows at once: all but the title, search, headings, notice and footer
    /// lines.
    public var pageRows: Int { max(1, height - 5) }

    // MARK: - Search

    /// What a query is matched against: the code, the id, the prompt and the answer.
    static func haystack(_ row: BrowserRow) -> String {
        normalize([row.code.map { "\($0)" } ?? "", row.cardID, row.prompt, row.answer].joined(separator: " \u{1F} "))
    }

    /// Lower-cased, full-width letters and digits folded to ASCII: "Ｎｏｔ" finds "not".
    static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                out.append(contentsOf: String(ascii).lowercased().unicodeScalars)
            } else {
                out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(out)
    }

    /// Every word of the query must appear somewhere in the card's code, id, prompt or answer.
    public static func matches(_ row: BrowserRow, query: String) -> Bool {
        matches(haystack(row), words: words(query))
    }

    static func words(_ query: String) -> [String] {
        normalize(query).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
    }

    static func matches(_ haystack: String, words: [String]) -> Bool {
        words.allSatisfy { haystack.contains($0) }
    }

    private mutating func refilter(keeping card: String?) {
        let w = CardBrowser.words(query)
        matches = w.isEmpty ? Array(rows.indices) : rows.indices.filter { CardBrowser.matches(haystacks[$0], words: w) }
        if let card, let i = matches.firstIndex(where: { rows[$0].cardID == card }) {
            selected = i
        } else {
            selected = min(selected, max(0, matches.count - 1))
        }
    }

    // MARK: - Update

    /// Applies one message at time `now` (milliseconds) and returns what the driver must do.
    public mutating func update(_ message: BrowserMessage, now: Int64) -> [BrowserEffect] {
        switch message {
        case .resize(let width, let height):
            self.width = width
            self.height = height
            return []
        case .rows(let fresh):
            let keep = selectedRow?.cardID
            rows = fresh
            haystacks = fresh.map(CardBrowser.haystack)
            self.now = Instant(milliseconds: now)
            refilter(keeping: keep)
            return []
        case .info(let info):
            guard pendingInfo == info.cardID else { return [] }
            pendingInfo = nil
            page = .info(info, scroll: 0)
            return []
        case .failed(let text):
            pendingInfo = nil
            notice = Notice(text: strings.failed + ": " + TerminalText.sanitizeLine(text), isError: true)
            return []
        case .key(let key):
            if key == .ctrl("c") { return [.quit] }
            notice = nil
            switch page {
            case .list: return searching ? onSearch(key) : onList(key)
            case .info(let info, let scroll): return onInfo(key, info: info, scroll: scroll)
            }
        }
    }

    /// Keys in the search field: text edits the query; moving and opening still work.
    private mutating func onSearch(_ key: Key) -> [BrowserEffect] {
        switch key {
        case .char(let c):
            query.append(c)
            selected = 0
            refilter(keeping: nil)
        case .backspace, .delete:
            guard !query.isEmpty else { return [] }
            query.removeLast()
            refilter(keeping: selectedRow?.cardID)
        case .ctrl("u"):
            query = ""
            refilter(keeping: selectedRow?.cardID)
        case .escape:
            if query.isEmpty { return [.close] }
            searching = false
        case .enter:
            searching = false
            return open()
        case .tab:
            searching = false
        default:
            return move(key) ?? command(key)
        }
        return []
    }

    /// Keys in the list: letters are commands.
    private mutating func onList(_ key: Key) -> [BrowserEffect] {
        switch key {
        case .char("/"), .ctrl("f"), .tab:
            searching = true
            return []
        case .escape, .char("q"):
            return [.close]
        case .enter, .right, .char("l"):
            return open()
        case .char("j"): return move(.down) ?? []
        case .char("k"): return move(.up) ?? []
        case .char("g"): return move(.home) ?? []
        case .char("G"): return move(.end) ?? []
        case .char("@"): return toggleSuspend(selectedRow)
        default: return move(key) ?? command(key)
        }
    }

    /// Control keys that work wherever the cursor is.
    private mutating func command(_ key: Key) -> [BrowserEffect] {
        switch key {
        case .ctrl("s"): return toggleSuspend(page == .list ? selectedRow : infoRow)
        case .ctrl("d"): return [.close]
        default: return []
        }
    }

    /// Arrows and paging move the selection; nil for any other key.
    private mutating func move(_ key: Key) -> [BrowserEffect]? {
        let last = max(0, matches.count - 1)
        switch key {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(last, selected + 1)
        case .pageUp: selected = max(0, selected - pageRows)
        case .pageDown: selected = min(last, selected + pageRows)
        case .home: selected = 0
        case .end: selected = last
        default: return nil
        }
        return []
    }

    private mutating func open() -> [BrowserEffect] {
        guard let row = selectedRow else { return [] }
        pendingInfo = row.cardID
        return [.loadInfo(cardID: row.cardID)]
    }

    private mutating func toggleSuspend(_ row: BrowserRow?) -> [BrowserEffect] {
        guard let row else { return [] }
        notice = Notice(text: row.suspended ? strings.unsuspendedNotice : strings.suspendedNotice, isError: false)
        return [.setSuspended(cardID: row.cardID, !row.suspended)]
    }

    /// The info page: scroll, suspend, back.
    private mutating func onInfo(_ key: Key, info: CardInfo, scroll: Int) -> [BrowserEffect] {
        var next = scroll
        switch key {
        case .escape, .char("q"), .left, .backspace, .char("h"):
            page = .list
            return []
        case .char("@"):
            return toggleSuspend(infoRow)
        case .down, .char("j"): next = scroll + 1
        case .up, .char("k"): next = scroll - 1
        case .pageDown, .char(" "): next = scroll + pageRows
        case .pageUp: next = scroll - pageRows
        case .home: next = 0
        case .end: next = 10_000
        default: return command(key)
        }
        page = .info(info, scroll: min(max(0, next), maxInfoScroll(info)))
        return []
    }
}
