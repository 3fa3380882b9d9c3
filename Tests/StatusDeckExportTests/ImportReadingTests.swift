import Testing

@testable import StatusDeckExport

/// The pure parts of import: HTML to text, and which review-log rows count (Anki's FSRS rule).
@Suite struct ImportReadingTests {
    @Test(arguments: [
        ("<b>404</b>", "404"),
        ("<div>302</div><div><br></div><div>and 303?</div>", "302\nand 303?"),
        ("line<br/>two<BR>three", "line\ntwo\nthree"),
        ("a&nbsp;b &amp; c &lt;d&gt; &quot;e&quot; &#39;f&#x27; &#x41;&#66; &bogus;", "a b & c <d> \"e\" 'f' AB &bogus;"),
        ("<style>.card { color: red }</style>Front", "Front"),
        ("Gone <img src=\"gone.png\"> [sound:gone.mp3]", "Gone"),
        ("  spaced\t\tout  \n\n\n next ", "spaced out\nnext"),
        ("x < y and 1<2", "x < y and 1<2"),
        ("\u{7}bell", "bell"),
    ])
    func htmlBecomesText(_ html: String, _ text: String) {
        #expect(HTMLText.plain(html) == text)
    }

    typealias Row = AnkiRevlog.Row
    static func row(_ id: Int64, ease: Int64, type: Int64, ivl: Int64 = 1, factor: Int64 = 2500) -> Row {
        Row(id: id, ease: ease, ivl: ivl, time: 1000, type: type, factor: factor)
    }

    static func kept(_ rows: [Row]) -> (ids: [Int64], ignored: [AnkiRevlog.Ignored: Int]) {
        var ignored: [AnkiRevlog.Ignored: Int] = [:]
        let ids = AnkiRevlog.select(rows) { reason, n in ignored[reason, default: 0] += n }.map(\.id)
        return (ids, ignored.filter { $0.value > 0 })
    }

    @Test func cramAndUnratedRowsAreIgnored() {
        let result = Self.kept([
            Self.row(1, ease: 3, type: 0, ivl: -600), Self.row(2, ease: 3, type: 0),
            Self.row(3, ease: 0, type: 4),  // set due date
            Self.row(4, ease: 3, type: 1), Self.row(5, ease: 3, type: 3, factor: 0),  // cram
            Self.row(6, ease: 2, type: 3, factor: 2500),  // filtered deck that reschedules: counts
            Self.row(7, ease: 0, type: 5),  // rescheduled
            Self.row(8, ease: 1, type: 1), Self.row(9, ease: 3, type: 2, ivl: -600),
        ])
        #expect(result.ids == [1, 2, 4, 6, 8, 9])
        #expect(result.ignored == [.cram: 1, .unrated: 2])
    }

    @Test func theLogStartsAtTheLastLearningRun() {
        // Learned, reviewed, reset, learned again: only the second learning and after count.
        let reset = Self.kept([
            Self.row(1, ease: 3, type: 0), Self.row(2, ease: 3, type: 1), Self.row(3, ease: 0, type: 4, factor: 0),
            Self.row(4, ease: 1, type: 0, ivl: -60), Self.row(5, ease: 3, type: 0), Self.row(6, ease: 4, type: 1),
        ])
        #expect(reset.ids == [4, 5, 6])
        #expect(reset.ignored == [.superseded: 2, .unrated: 1])
        // Relearned from new without a reset row (older Anki): the same.
        #expect(Self.kept([Self.row(1, ease: 3, type: 0), Self.row(2, ease: 3, type: 1), Self.row(3, ease: 3, type: 0)]).ids == [3])
        // Reset and not answered since: nothing counts.
        #expect(Self.kept([Self.row(1, ease: 3, type: 0), Self.row(2, ease: 0, type: 4, factor: 0)]).ids == [])
        // No learning rows: from the first answer that set a day or more.
        #expect(Self.kept([Self.row(1, ease: 3, type: 1, ivl: 0), Self.row(2, ease: 3, type: 1, ivl: 3), Self.row(3, ease: 1, type: 1)]).ids == [2, 3])
    }
}

/// Event ids are part of every user's history: the same file must give the same ids on every
/// machine and in every later version, so the hash is pinned here.
@Suite struct ImportEventIDTests {
    @Test func idsArePinned() {
        #expect(ImportPlan.eventID(source: "anki", card: "anki/oi1Zy<H{:7/0", row: 1_788_609_660_000).description == "a2d081524b1d599eece59ef91117b1ae")
        #expect(
            ImportPlan.eventID(source: "fsrs-review-log", card: "sample/1711684180217", row: 1_711_830_752_250).description
                == "0291181703d2404c600faaafbe9c12e9")
    }

    @Test func theCachedPrefixGivesTheSameIDAsTheWholeKey() {
        var plan = ImportPlan(format: "", suggestedName: "", eventSource: "anki")
        plan.cards = [ImportPlan.card(id: "anki/g/1", front: "f", back: "b")]
        plan.reviews = [ImportPlan.Review(at: 42, card: 0, milliseconds: -1, rating: 3)]
        let event = plan.events(deck: "d")(0)
        #expect(event.id == ImportPlan.eventID(source: "anki", card: "anki/g/1", row: 42))
        #expect(event.answerMilliseconds == nil && event.rating == .good && event.mode == "flip" && event.deck == "d")
    }
}
