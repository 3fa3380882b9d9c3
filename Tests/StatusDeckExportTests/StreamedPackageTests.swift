import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckExport

/// The streamed package (an SQLite file on disk, zipped from there) holds what the in-memory one
/// did: the same notes, cards and review log, row for row, on histories where the old one was
/// right (one deck, so no answer was doubled). `legacyRows` is the old encoder's row building.
@Suite struct StreamedPackageTests {
    typealias Rows = (notes: [[String]], cards: [[String]], revlog: [[String]])

    /// The rows the in-memory encoder built before issue 18 (AnkiCollection.build at 5e565b3).
    static func legacyRows(_ decks: [ExportDeck], exportedAt: Instant, withHistory: Bool) -> Rows {
        let exportSeconds = Timestamp.floorDiv(exportedAt.milliseconds, 1000)
        var seen = Set<String>()
        let decks = decks.map { deck in
            var deck = deck
            deck.notes = deck.notes.filter { seen.insert($0.guid).inserted }
            return deck
        }
        let total = decks.reduce(0) { $0 + $1.notes.count }
        let firstID = max(exportedAt.milliseconds, 1_000_000_000_000 + Int64(total)) - Int64(total)
        var earliest = exportedAt
        if withHistory {
            for note in decks.lazy.flatMap(\.notes) {
                for instant in Array(note.reviews).map(\.at) + [note.scheduling?.lastReview].compactMap({ $0 }) {
                    earliest = min(earliest, instant)
                }
            }
        }
        let dayZero = Timestamp.floorDiv(earliest.milliseconds, 86_400_000) * 86_400
        var deckIDs: [String: Int64] = [:]
        var count: Int64 = 0
        for deck in decks where deckIDs[deck.ankiName] == nil && !deck.notes.isEmpty {
            count += 1
            deckIDs[deck.ankiName] = AnkiCollection.parentDeckID + count
        }
        func text(_ values: [SQLiteDatabase.Value]) -> [String] {
            values.map {
                switch $0 {
                case .int(let n): String(n)
                case .text(let s): s
                }
            }
        }
        var rows: Rows = ([], [], [])
        var revlogIDs = Set<Int64>()
        var position: Int64 = 0
        for deck in decks {
            let deckID = deckIDs[deck.ankiName] ?? AnkiCollection.parentDeckID
            for note in deck.notes {
                let id = firstID + position
                position += 1
                let fields = [note.front, note.back, note.extra].map(AnkiCollection.html).joined(separator: "\u{1F}")
                let sortField = note.front.trimmingCharacters(in: .whitespacesAndNewlines)
                let tags = DelimitedField.tags(note.tags)
                rows.notes.append(
                    text([
                        .int(id), .text(note.guid), .int(AnkiCollection.noteTypeID), .int(exportSeconds), .int(0),
                        .text(tags.isEmpty ? "" : " \(tags) "), .text(fields), .text(sortField),
                        .int(AnkiCollection.checksum(sortField)), .int(0), .text(""),
                    ]))
                var card = text(
                    AnkiCollection.card(
                        id: id, deckID: deckID, position: position, modified: exportSeconds,
                        scheduling: withHistory ? note.scheduling : nil, dayZero: dayZero))
                // The table's fixed columns: ord 0 after did, usn 0 after mod, odue/odid/flags 0 before data.
                card.insert("0", at: 3)
                card.insert("0", at: 5)
                card.insert(contentsOf: ["0", "0", "0"], at: card.count - 1)
                rows.cards.append(card)
                guard withHistory else { continue }
                for review in Array(note.reviews).sorted(by: { $0.at < $1.at }) {
                    var revlogID = review.at.milliseconds
                    while revlogIDs.contains(revlogID) { revlogID += 1 }
                    revlogIDs.insert(revlogID)
                    rows.revlog.append(
                        text([
                            .int(revlogID), .int(id), .int(0), .int(Int64(min(max(review.rating, 1), 4))),
                            .int(AnkiCollection.revlogInterval(review.scheduledSeconds)),
                            .int(AnkiCollection.revlogInterval(review.previousScheduledSeconds)),
                            .int(review.difficulty.map(AnkiCollection.difficultyFactor) ?? 0),
                            .int(min(max(review.durationMilliseconds ?? 0, 0), 60_000)),
                            .int(AnkiCollection.revlogType(review.kind)),
                        ]))
                }
            }
        }
        return rows
    }

    static func streamedRows(_ decks: [ExportDeck], exportedAt: Instant, withHistory: Bool) throws -> Rows {
        let package = try AnkiPackageReader(AnkiPackageEncoder.encode(decks, exportedAt: exportedAt, withHistory: withHistory))
        defer { package.remove() }
        return (
            try package.rows("SELECT * FROM notes ORDER BY id"), try package.rows("SELECT * FROM cards ORDER BY id"),
            try package.rows("SELECT * FROM revlog ORDER BY id")
        )
    }

    static func expectSame(_ decks: [ExportDeck], exportedAt: Instant) throws {
        for withHistory in [false, true] {
            let old = legacyRows(decks, exportedAt: exportedAt, withHistory: withHistory)
            let new = try streamedRows(decks, exportedAt: exportedAt, withHistory: withHistory)
            #expect(new.notes == old.notes.sorted { Int64($0[0])! < Int64($1[0])! })
            #expect(new.cards == old.cards.sorted { Int64($0[0])! < Int64($1[0])! })
            #expect(new.revlog == old.revlog.sorted { Int64($0[0])! < Int64($1[0])! })
            #expect(!withHistory || !new.revlog.isEmpty || decks.allSatisfy { $0.notes.allSatisfy(\.reviews.isEmpty) })
        }
    }

    @Test func literalDecksGiveTheRowsTheInMemoryEncoderGave() throws {
        try Self.expectSame([ExportFixtures.englishWithHistory, ExportFixtures.mixed], exportedAt: ExportFixtures.exportedAt)
    }

    /// A real deck and history, with two answers in one millisecond (the revlog id moves on).
    @Test func aHistoryGivesTheRowsTheInMemoryEncoderGave() throws {
        let start = Instant(milliseconds: ExportFixtures.exportedAt.milliseconds - 20 * ExportFixtures.day)
        var records: [HistoryRecord] = []
        let cards = ["http/404/code-to-meaning", "http/200/code-to-meaning", "http/503/code-to-meaning"]
        let ratings: [Rating] = [.good, .again, .hard, .easy, .good]
        for n in 0..<60 {
            let card = cards[n % 3]
            // Every third pair shares its instant.
            let at = start.adding(seconds: Int64(n / 2) * 7_200 + (n % 6 == 1 ? 0 : Int64(n % 2)))
            let deck = n % 4 == 0 ? "http-all-en" : n % 4 == 1 ? nil : "http-everyday-en"
            records.append(
                .review(
                    ReviewEvent(
                        id: EventID(high: 7, low: UInt64(n)), card: card, at: at, rating: ratings[n % 5], deck: deck,
                        answerMilliseconds: n % 7 == 0 ? nil : 1_000 * n)))
        }
        records.append(
            .undo(UndoEvent(id: EventID(high: 7, low: 99), target: EventID(high: 7, low: 10), at: start.adding(seconds: 86_400))))
        let history = ExportHistory(history: try History(records), scheduler: try Scheduler(.default))
        let deck = try #require(BuiltInDecks.all().first { $0.id == "http-everyday-en" })
        let exported = ExportDeck(deck, history: history)
        #expect(exported.notes.reduce(0) { $0 + $1.reviews.count } == 59)
        try Self.expectSame([exported], exportedAt: ExportFixtures.exportedAt)
    }

    /// A failed write leaves no package and no collection behind: the target is taken, so the zip
    /// cannot be made, after the collection was.
    @Test func aFailedWriteRemovesTheCollection() throws {
        let folder = try #require(ScratchFolder.make(NSTemporaryDirectory() + "/statusdeck-test"))
        defer { ScratchFolder.remove(folder) }
        let target = folder + "/package.apkg"
        _ = FileManager.default.createFile(atPath: target, contents: Data("mine".utf8))
        #expect(throws: ExportError.self) {
            try AnkiPackageEncoder.write(
                [ExportFixtures.englishWithHistory], exportedAt: ExportFixtures.exportedAt, withHistory: true, to: target,
                scratch: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["package.apkg"])
        #expect(FileManager.default.contents(atPath: target) == Data("mine".utf8))
    }

    @Test func aCancelledWriteStopsAndLeavesNothing() throws {
        let folder = try #require(ScratchFolder.make(NSTemporaryDirectory() + "/statusdeck-test"))
        defer { ScratchFolder.remove(folder) }
        let target = folder + "/package.apkg"
        #expect(throws: ExportError.cancelled) {
            try AnkiPackageEncoder.write(
                [ExportFixtures.englishWithHistory], exportedAt: ExportFixtures.exportedAt, withHistory: true, to: target,
                scratch: folder, cancelled: { true })
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }
}
