import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckExport

/// `statusdeck import` by the built binary: StatusDeck's own apkg back in, Anki text, the py-fsrs
/// review log, `--dry-run`, and bad input that leaves the data dir untouched.
@Suite struct ImportCommandTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FSRSTests/Fixtures/fsrs-review-log-sample.csv")

    /// `export --format apkg --with-history` imported back: every answer that counts, at the same
    /// instant with the same rating and time, and the same card states (ids map through the guid).
    @Test func ownApkgWithHistoryRoundTrips() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = Instant(milliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        let records = AnkiHistoryTests.history(now: now)
        let source = dir.appendingPathComponent("source")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data(records.flatMap(HistoryLineEncoder.encode)).write(to: source.appendingPathComponent("history.jsonl"))
        let apkg = dir.appendingPathComponent("history.apkg")
        try StatusDeckBinary.run([
            "export", "--data-dir", source.path, "--deck", "http-everyday-en", "--format", "apkg", "--with-history",
            "-o", apkg.path,
        ])

        let target = dir.appendingPathComponent("target")
        let result = try Run.statusdeck(["import", "--data-dir", target.path, "--deck-id", "from-anki", apkg.path])
        #expect(result.status == 0, "\(result.stderr)")
        let deck = try ImportedData.deck(in: target)
        let builtIn = try #require(BuiltInDecks.all().first { $0.id == "http-everyday-en" })
        #expect(deck.id == "from-anki" && deck.cards.count == builtIn.cards.count)
        var cardOf: [String: String] = [:]  // imported id → original id
        for card in builtIn.cards {
            cardOf["anki/\(NoteGUID.make(cardID: card.id, language: "en"))/0"] = card.id
        }
        let original = try History(records)
        let imported = try ImportedData.history(in: target)
        func summary(_ reviews: [ReviewEvent], _ map: (String) -> String?) -> [String] {
            reviews.map { "\(map($0.card) ?? "?") \($0.at.milliseconds) \($0.rating.rawValue) \($0.answerMilliseconds ?? -1)" }.sorted()
        }
        #expect(summary(imported.effectiveReviews, { cardOf[$0] }) == summary(original.effectiveReviews, { $0 }))

        let scheduler = try Scheduler(.default)
        let before = Replay(history: original, scheduler: scheduler).cards
        let after = Replay(history: imported, scheduler: scheduler).cards
        #expect(after.count == before.count)
        for (id, record) in after {
            let expected = try #require(before[cardOf[id] ?? ""], "\(id)")
            #expect(record.schedule.stability == expected.schedule.stability && record.schedule.difficulty == expected.schedule.difficulty)
            #expect(record.schedule.stage == expected.schedule.stage && record.reps == expected.reps && record.lapses == expected.lapses)
        }
        // Wording: the explanation comes back from the Extra field.
        let card404 = try #require(builtIn.cards.first { $0.id == "http/404/code-to-meaning" })
        let back = try #require(deck.cards.first { cardOf[$0.id] == card404.id })
        #expect(back.prompt == card404.prompt && back.answer == card404.answer)
        #expect(!back.explanation.isEmpty)
    }

    @Test func ankiTextExportWithHeaders() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("notes.txt")
        try """
        #separator:tab
        #html:true
        #guid column:1
        #notetype column:2
        #deck column:3
        #columns:GUID\tNotetype\tDeck\tFront\tBack
        g1\tBasic\tHTTP\t<b>404</b>\tNot Found
        g2\tBasic (and reversed card)\tHTTP\t201\t"Created<br>(with ""Location"")"
        g3\tCloze\tHTTP\t{{c1::301}} is Moved Permanently\t
        g4\tImage Occlusion\tHTTP\tx\ty

        """.write(to: text, atomically: true, encoding: .utf8)
        let data = dir.appendingPathComponent("data")
        let result = try Run.statusdeck(["import", "--data-dir", data.path, text.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("skipped: cloze notes: 1") && result.stdout.contains("skipped: notes of other note types: 1"))
        let deck = try ImportedData.deck(in: data)
        #expect(deck.id == "http")
        #expect(deck.cards.map(\.id) == ["anki/g1/0", "anki/g2/0", "anki/g2/1"])
        #expect(deck.cards.map(\.prompt) == ["404", "201", "Created\n(with \"Location\")"])
        #expect(deck.cards.map(\.answer) == ["Not Found", "Created\n(with \"Location\")", "201"])
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("history.jsonl").path))
    }

    /// Importing a later version: cards keep their place and take the new wording, new ones
    /// follow, cards no longer in the file stay.
    @Test func reimportUpdatesWordingInPlace() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("notes.csv")
        let data = dir.appendingPathComponent("data")
        try "#separator:comma\n#guid column:1\na,404,Not Found\nb,410,Gone\n".write(to: text, atomically: true, encoding: .utf8)
        #expect(try Run.statusdeck(["import", "--data-dir", data.path, "--deck-id", "web", text.path]).status == 0)
        try "#separator:comma\n#guid column:1\nc,201,Created\na,404,Not Found (no such resource)\n".write(
            to: text, atomically: true, encoding: .utf8)
        let again = try Run.statusdeck(["import", "--data-dir", data.path, "--deck-id", "web", text.path])
        #expect(again.stdout.contains("2 cards imported (1 new, 1 with new wording), 1 kept from before"), "\(again.stdout)")
        let deck = try ImportedData.deck(in: data)
        #expect(deck.cards.map(\.id) == ["anki/a/0", "anki/b/0", "anki/c/0"])
        #expect(deck.cards.map(\.answer) == ["Not Found (no such resource)", "Gone", "Created"])
    }

    @Test func ownTextExportImports() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tsv = dir.appendingPathComponent("en.tsv")
        let data = dir.appendingPathComponent("data")
        try StatusDeckBinary.run(["export", "--data-dir", data.path, "--deck", "http-everyday-en", "--format", "tsv", "-o", tsv.path])
        let result = try Run.statusdeck(["import", "--data-dir", data.path, "--deck-id", "mine", tsv.path])
        #expect(result.status == 0, "\(result.stderr)")
        let builtIn = try #require(BuiltInDecks.all().first { $0.id == "http-everyday-en" })
        let deck = try ImportedData.deck(in: data)
        #expect(deck.cards.map(\.id) == builtIn.cards.map { "anki/\(NoteGUID.make(cardID: $0.id, language: "en"))/0" })
        #expect(deck.cards.map(\.answer) == builtIn.cards.map(\.answer))
    }

    @Test func pyFSRSReviewLog() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data")
        let result = try Run.statusdeck(["import", "--data-dir", data.path, Self.sample.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: Self.sample, encoding: .utf8).split(separator: "\n").dropFirst()
        let history = try ImportedData.history(in: data)
        #expect(history.reviews.count == lines.count)
        let first = try #require(lines.first?.split(separator: ",", omittingEmptySubsequences: false))
        let event = try #require(history.reviews.first)
        #expect(event.card == "fsrs-review-log-sample/\(first[0])")
        #expect(event.rating.rawValue == Int(first[1]) && event.at == RFC3339.parse(String(first[2])))
        #expect(event.answerMilliseconds == Int(first[3]))
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("decks").path))
        let again = try Run.statusdeck(["import", "--data-dir", data.path, Self.sample.path])
        #expect(again.stdout.contains("0 answers added to the history (\(lines.count) already there)"))
    }

    @Test func dryRunWritesNothing() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data")
        let result = try Run.statusdeck(["import", "--data-dir", data.path, "--dry-run", Self.sample.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("would import") && result.stdout.contains("12580 answers added to the history (0 already there)"))
        #expect(!FileManager.default.fileExists(atPath: data.path))
    }

    /// A package with one collection entry whose `col` row says `ver`.
    static func package(schema: Int64, entry: String = "collection.anki21", meta: [UInt8]? = nil) throws -> Data {
        let db = try SQLiteDatabase()
        try db.execute(
            """
            CREATE TABLE col (id integer PRIMARY KEY, ver integer NOT NULL, models text, decks text);
            CREATE TABLE notes (id integer PRIMARY KEY, guid text, mid integer, flds text);
            CREATE TABLE cards (id integer PRIMARY KEY, nid integer, ord integer, did integer, odid integer);
            CREATE TABLE revlog (id integer PRIMARY KEY, cid integer, ease integer, ivl integer, time integer,
              type integer, factor integer);
            INSERT INTO col VALUES (1, \(schema), '{}', '{}');
            """)
        var entries = [InMemoryZip.Entry(path: entry, bytes: try db.serialized(), deflate: true)]
        if let meta { entries.append(InMemoryZip.Entry(path: "meta", bytes: Data(meta), deflate: false)) }
        return try InMemoryZip.archive(entries, modified: Instant(milliseconds: 0))
    }

    static let csvHeader = "card_id,review_rating,review_time,review_duration\n"

    /// Each bad file: one line naming the file (and line), exit 2, and no data dir at all.
    @Test(arguments: [
        ("bad.apkg", Data("hello".utf8), "bad.apkg: found a file that is not a zip archive; expected an Anki package"),
        (
            "empty.colpkg", try! InMemoryZip.archive([.init(path: "notes.txt", bytes: Data(), deflate: false)], modified: Instant(milliseconds: 0)),
            "empty.colpkg: found a zip without collection.anki2, collection.anki21 or collection.anki21b"
        ),
        (
            "junk.apkg",
            try! InMemoryZip.archive([.init(path: "collection.anki21", bytes: Data("hello".utf8), deflate: false)], modified: Instant(milliseconds: 0)),
            "junk.apkg: found a database without what Anki keeps"
        ),
        ("new.apkg", try! package(schema: 19), "new.apkg: found collection schema 19; expected schema 11 to 18"),
        ("newer.apkg", try! package(schema: 18, entry: "collection.anki21b", meta: [0x08, 0x04]), "newer.apkg: found package version 4"),
        (
            "rating.csv", Data((csvHeader + "1,3,2024-03-29T20:32:32.250000+00:00,100\n2,5,2024-03-29T20:33:32+00:00,100\n").utf8),
            "rating.csv:3: found review_rating '5'; expected 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)"
        ),
        ("date.csv", Data((csvHeader + "1,3,29/03/2024,100\n").utf8), "date.csv:2: found review_time '29/03/2024'; expected an ISO 8601 time"),
        ("header.csv", Data("card,rating\n1,3\n".utf8), "header.csv:1: found header 'card,rating'; expected card_id,review_rating"),
        ("short.txt", Data("#separator:tab\n#html:false\nonly a front\n".utf8), "short.txt:3: found 1 field; expected at least 2"),
    ])
    func badInputIsOneLineAndWritesNothing(_ name: String, _ bytes: Data, _ message: String) throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try bytes.write(to: file)
        let data = dir.appendingPathComponent("data")
        let result = try Run.process(StatusDeckBinary.url, ["import", "--data-dir", data.path, name], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: data.path))
    }
}
