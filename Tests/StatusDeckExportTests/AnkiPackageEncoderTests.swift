import CZip
import FSRS
import Foundation
import Testing

@testable import StatusDeckExport

@Suite struct AnkiPackageEncoderTests {
    let decks = [ExportFixtures.english, ExportFixtures.mixed]

    @Test func packageHoldsASchema11CollectionAndAnEmptyMediaMap() throws {
        let package = try AnkiPackageEncoder.encode(decks, exportedAt: ExportFixtures.exportedAt, withHistory: false)
        let reader = try AnkiPackageReader(package)
        defer { reader.remove() }
        #expect(Set(reader.entries.keys) == ["collection.anki2", "media"])
        #expect(reader.entries["media"] == Data("{}".utf8))
        let tables = try reader.rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map(\.[0])
        #expect(tables == ["cards", "col", "graves", "notes", "revlog"])
        #expect(try reader.value("SELECT ver FROM col") == "11")
        #expect(try reader.value("SELECT count(*) FROM notes") == "3")
        #expect(try reader.value("SELECT count(*) FROM cards") == "3")
        #expect(try reader.value("SELECT count(*) FROM revlog") == "0")
        let models = try reader.value("SELECT models FROM col")
        #expect(models.contains(#""name":"StatusDeck""#))
        #expect(models.contains(#""name":"Front""#) && models.contains(#""name":"Back""#) && models.contains(#""name":"Extra""#))
        let deckNames = try reader.value("SELECT decks FROM col")
        #expect(deckNames.contains(#""name":"StatusDeck::HTTP (English)""#))
        #expect(deckNames.contains(#""name":"StatusDeck::HTTP (中文)""#))
    }

    @Test func fieldsAreHTMLWithChineseIntact() throws {
        let package = try AnkiPackageEncoder.encode(decks, exportedAt: ExportFixtures.exportedAt, withHistory: false)
        let reader = try AnkiPackageReader(package)
        defer { reader.remove() }
        let notes = try reader.rows("SELECT guid, flds, sfld, tags, mod FROM notes ORDER BY id")
        #expect(notes.map(\.[0]) == ["G404", "G200", "GZH"])
        #expect(notes[0][1] == "404\u{1F}Not Found\u{1F}No current representation.<br>- try 410 when it is gone &lt;for good&gt;")
        #expect(notes[2][1] == "未找到 *资源*\u{1F}404\u{1F}请求的资源\t不存在")
        #expect(notes[2][2] == "未找到 *资源*")
        #expect(notes[1][3] == " statusdeck 2xx two_words ")
        #expect(notes.allSatisfy { $0[4] == "1795316400" })
        // Anki's checksum: the first 32 bits of the SHA-1 of the sort field (sha1("404") = c35a9fc5…).
        #expect(try reader.value("SELECT csum FROM notes WHERE guid = 'G404'") == "\(0xc35a_9fc5 as Int64)")
        let cards = try reader.rows("SELECT type, queue, due, reps FROM cards ORDER BY id")
        #expect(cards == [["0", "0", "1", "0"], ["0", "0", "2", "0"], ["0", "0", "3", "0"]])
    }

    @Test func sameInputSameBytesAndGuidsSurviveANewExportInstant() throws {
        let a = try AnkiPackageEncoder.encode(decks, exportedAt: ExportFixtures.exportedAt, withHistory: false)
        let b = try AnkiPackageEncoder.encode(decks, exportedAt: ExportFixtures.exportedAt, withHistory: false)
        #expect(a == b)
        let later = Instant(milliseconds: ExportFixtures.exportedAt.milliseconds + ExportFixtures.day)
        let c = try AnkiPackageEncoder.encode(decks, exportedAt: later, withHistory: false)
        let first = try AnkiPackageReader(a), second = try AnkiPackageReader(c)
        defer {
            first.remove()
            second.remove()
        }
        let sql = "SELECT guid FROM notes ORDER BY guid"
        #expect(try first.rows(sql) == second.rows(sql))
        #expect(try second.value("SELECT min(mod) FROM notes") == "1795402800")
    }

    @Test func collectionIsDeflatedAndEveryEntryCarriesTheExportInstant() throws {
        let package = try AnkiPackageEncoder.encode(decks, exportedAt: ExportFixtures.exportedAt, withHistory: false)
        let reader = try AnkiPackageReader(package)
        defer { reader.remove() }
        #expect(reader.stored["collection.anki2"]?.method == ZIP_CM_DEFLATE)
        #expect(reader.stored["media"]?.method == ZIP_CM_STORE)
        // The zip holds the export instant's UTC wall clock; libzip reads it back as local time,
        // so reading that back as local time again gives the UTC fields in any time zone.
        var utc = tm(), local = tm()
        var seconds = time_t(ExportFixtures.exportedAt.milliseconds / 1000)
        gmtime_r(&seconds, &utc)
        for name in ["collection.anki2", "media"] {
            var modified = reader.stored[name]?.modified ?? 0
            localtime_r(&modified, &local)
            let read: [Int32] = [local.tm_year, local.tm_mon, local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec]
            let wanted: [Int32] = [utc.tm_year, utc.tm_mon, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec]
            #expect(read == wanted, "\(name)")
        }
    }

    @Test func msDosTimesAreUTCInTwoSecondStepsAndClampedTo1980Through2107() {
        // 2026-11-22T03:00:05Z: 46 years after 1980, November 22nd; 03:00 and two 2-second steps.
        let dos = PackageZip.dos(Instant(milliseconds: ExportFixtures.exportedAt.milliseconds + 5_999))
        let date: UInt16 = 46 << 9 | 11 << 5 | 22, time: UInt16 = 3 << 11 | 2
        #expect(dos.date == date && dos.time == time)
        let first = PackageZip.dos(Instant(milliseconds: 0))
        let firstDate: UInt16 = 1 << 5 | 1
        #expect(first.date == firstDate && first.time == 0)
        // 2108-01-01T00:00:00Z is past the last MS-DOS date: 2107-12-31 23:59:58.
        let last = PackageZip.dos(Instant(milliseconds: 4_354_819_200_000))
        let lastDate: UInt16 = 127 << 9 | 12 << 5 | 31, lastTime: UInt16 = 23 << 11 | 59 << 5 | 29
        #expect(last.date == lastDate && last.time == lastTime)
    }

    @Test func historyBringsTheReviewLogAndTheCardsState() throws {
        let package = try AnkiPackageEncoder.encode(
            [ExportFixtures.englishWithHistory], exportedAt: ExportFixtures.exportedAt, withHistory: true)
        let reader = try AnkiPackageReader(package)
        defer { reader.remove() }
        let first = ExportFixtures.exportedAt.milliseconds - 4 * ExportFixtures.day
        let revlog = try reader.rows("SELECT id, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id")
        #expect(
            revlog == [
                ["\(first)", "3", "-600", "0", "544", "4200", "0"],
                ["\(first + 600_000)", "3", "3", "-600", "489", "60000", "0"],
            ])
        let crt = try reader.value("SELECT crt FROM col")
        #expect(crt == "\((first / 86_400_000) * 86_400)")
        let card = try reader.rows("SELECT type, queue, due, ivl, factor, reps, lapses, data FROM cards WHERE nid = (SELECT id FROM notes WHERE guid = 'G404')")
        // Last answer 4 days and 10 minutes after midnight of day 0, due 3 days later: day 3.
        #expect(
            card == [
                [
                    "2", "2", "3", "3", "2500", "2", "0",
                    #"{"s":3.25,"d":4.5,"dr":0.9,"decay":0.1542,"lrt":\#((first + 600_000) / 1000)}"#,
                ]
            ])
        #expect(try reader.value("SELECT count(*) FROM revlog WHERE cid = (SELECT id FROM cards WHERE type = 0)") == "0")
    }

    @Test func withoutHistoryTheSchedulingStaysHome() throws {
        let package = try AnkiPackageEncoder.encode(
            [ExportFixtures.englishWithHistory], exportedAt: ExportFixtures.exportedAt, withHistory: false)
        let reader = try AnkiPackageReader(package)
        defer { reader.remove() }
        #expect(try reader.value("SELECT count(*) FROM revlog") == "0")
        #expect(try reader.rows("SELECT type, queue, data FROM cards") == [["0", "0", ""], ["0", "0", ""]])
    }

    @Test func learningCardsWaitInTheIntradayQueue() {
        let last = Instant(milliseconds: ExportFixtures.exportedAt.milliseconds)
        let s = ExportScheduling(
            state: .relearning, due: last.adding(seconds: 600), lastReview: last,
            stability: 1, difficulty: 7, reps: 5, lapses: 1, remainingSteps: 1)
        let row = AnkiCollection.card(id: 9, deckID: 2, position: 1, modified: 0, scheduling: s, dayZero: 0)
        guard case .int(let type) = row[4], case .int(let queue) = row[5], case .int(let due) = row[6],
            case .int(let left) = row[11]
        else {
            Issue.record("unexpected row \(row)")
            return
        }
        #expect(type == 3 && queue == 1 && left == 1001)
        #expect(due == last.milliseconds / 1000 + 600)
    }
}

@Suite struct AnkiNoteUniquenessTests {
    /// The same card in two decks of one language (everyday and all) is one Anki note.
    @Test func aGuidInSeveralDecksIsOneNoteInTheFirst() throws {
        var everyday = ExportFixtures.english
        everyday.id = "everyday"
        everyday.name = "Everyday"
        everyday.notes = [ExportFixtures.notFound]
        let package = try AnkiPackageEncoder.encode(
            [ExportFixtures.english, everyday], exportedAt: ExportFixtures.exportedAt, withHistory: false)
        let reader = try AnkiPackageReader(package)
        defer { reader.remove() }
        #expect(try reader.value("SELECT count(*) FROM notes") == "2")
        #expect(try reader.value("SELECT count(DISTINCT guid) FROM notes") == "2")
        #expect(!(try reader.value("SELECT decks FROM col")).contains("Everyday"))
        let text = AnkiTextEncoder.encode([ExportFixtures.english, everyday])
        #expect(text.components(separatedBy: "\nG404\t").count == 2)
        #expect(text.contains("#deck:StatusDeck::HTTP (English)\n"))
    }
}
