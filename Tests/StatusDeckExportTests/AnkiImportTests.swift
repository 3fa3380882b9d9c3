import FSRS
import Foundation
import Testing

@testable import StatusDeckExport

/// The encoders' output as real Anki imports it (the `anki` package from PyPI, see `.ci/setup`).
@Suite struct AnkiImportTests {
    /// The fixture history moved to now, so Anki's "due in N days" is known.
    static func recentHistoryDeck(now: Instant) -> ExportDeck {
        var deck = ExportFixtures.englishWithHistory
        let shift = now.milliseconds - ExportFixtures.exportedAt.milliseconds
        var note = deck.notes[0]
        note.reviews = ExportReviews(
            note.reviews.map {
                var r = $0
                r.at.milliseconds += shift
                return r
            })
        note.scheduling?.due?.milliseconds += shift
        note.scheduling?.lastReview?.milliseconds += shift
        deck.notes[0] = note
        return deck
    }

    @Test func apkgThenTextImportIntoOneNoteTypeAndUpdateByGuid() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let decks = [ExportFixtures.english, ExportFixtures.mixed]
        let apkg = dir.appendingPathComponent("decks.apkg"), tsv = dir.appendingPathComponent("decks.tsv")
        try AnkiPackageEncoder.encode(decks, exportedAt: ExportFixtures.exportedAt, withHistory: false).write(to: apkg)
        try Data(AnkiTextEncoder.encode(decks).utf8).write(to: tsv)

        let report = try AnkiOracle.importing([apkg, tsv, apkg])
        #expect(report.imports.map(\.new) == [3, 0, 0])
        #expect(report.imports.allSatisfy { $0.conflicting == 0 })
        #expect(report.notes.count == 3)
        #expect(report.notes.map(\.guid).sorted() == ["G200", "G404", "GZH"])
        #expect(report.notes.allSatisfy { $0.notetype == "StatusDeck" && $0.cards.count == 1 })
        let zh = try #require(report.note("GZH"))
        #expect(zh.fields == ["Front": "未找到 *资源*", "Back": "404", "Extra": "请求的资源\t不存在"])
        #expect(zh.cards[0].deck == "StatusDeck::HTTP (中文)")
        let notFound = try #require(report.note("G404"))
        #expect(notFound.fields["Extra"] == "No current representation.<br>- try 410 when it is gone &lt;for good&gt;")
        #expect(notFound.tags == ["4xx", "statusdeck"])
        #expect(report.decks.contains("StatusDeck::HTTP (English)"))
    }

    @Test func textAloneImportsIntoAFreshCollection() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tsv = dir.appendingPathComponent("en.tsv")
        try Data(AnkiTextEncoder.encode([ExportFixtures.english]).utf8).write(to: tsv)
        let report = try AnkiOracle.importing([tsv, tsv])
        #expect(report.imports.map(\.new) == [2, 0])
        #expect(report.notes.map(\.guid).sorted() == ["G200", "G404"])
        // Without the StatusDeck note type Anki maps the columns by name onto its Basic type.
        let ok = try #require(report.note("G200"))
        // `#html:false` makes Anki escape the text into HTML itself.
        #expect(ok.notetype == "Basic")
        #expect(ok.fields == ["Front": "OK, &quot;all good&quot;", "Back": "200"])
        #expect(ok.cards.first?.deck == "StatusDeck::HTTP (English)")
    }

    @Test func historyBringsReviewsAndScheduleAndReimportAddsNothing() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = Instant(milliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        let deck = Self.recentHistoryDeck(now: now)
        let apkg = dir.appendingPathComponent("history.apkg")
        try AnkiPackageEncoder.encode([deck], exportedAt: now, withHistory: true).write(to: apkg)

        let report = try AnkiOracle.importing([apkg, apkg])
        #expect(report.imports.map(\.new) == [2, 0])
        #expect(report.notes.count == 2)
        #expect(report.revlog.count == 2)
        #expect(report.revlog.map(\.ease) == [3, 3])
        #expect(report.revlog.map(\.ivl) == [-600, 3])
        #expect(report.revlog.allSatisfy { $0.guid == "G404" && $0.type == 0 })
        let card = try #require(report.note("G404")?.cards.first)
        #expect(card.type == 2 && card.queue == 2 && card.reps == 2 && card.lapses == 0 && card.ivl == 3)
        #expect(card.stability == 3.25 && card.difficulty == 4.5)
        // Due 3 days after an answer 4 days ago: yesterday, give or take Anki's day rollover.
        let due = try #require(card.due_in_days)
        #expect((-2.0)...0.0 ~= due)
        let fresh = try #require(report.note("G200")?.cards.first)
        #expect(fresh.type == 0 && fresh.queue == 0 && fresh.reps == 0)
    }

    @Test func anki2150ImportsThePackageWithItsHistory() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = Instant(milliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        let plain = dir.appendingPathComponent("decks.apkg"), history = dir.appendingPathComponent("history.apkg")
        try AnkiPackageEncoder.encode([ExportFixtures.english, ExportFixtures.mixed], exportedAt: now, withHistory: false)
            .write(to: plain)
        try AnkiPackageEncoder.encode([Self.recentHistoryDeck(now: now)], exportedAt: now, withHistory: true)
            .write(to: history)

        let report = try AnkiOracle.importing([plain, plain, history], into: .anki2150)
        #expect(report.anki_version == "2.1.50" && !report.fsrs)
        #expect(report.imports.map(\.new) == [3, 0, 0])
        #expect(report.notes.count == 3)
        #expect(report.note("GZH")?.fields == ["Front": "未找到 *资源*", "Back": "404", "Extra": "请求的资源\t不存在"])
        #expect(report.decks.contains("StatusDeck::HTTP (中文)"))
        // 2.1.50 keeps the card it already has; a fresh collection takes the history's state.
        let fresh = try AnkiOracle.importing([history], into: .anki2150)
        let card = try #require(fresh.note("G404")?.cards.first)
        #expect(card.type == 2 && card.queue == 2 && card.reps == 2 && card.ivl == 3)
        #expect(fresh.revlog.map(\.ease) == [3, 3])
    }

    @Test func aNewerExportUpdatesTheNotesItAlreadyAdded() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var reworded = ExportFixtures.english
        reworded.notes[1].back = "200 (reworded)"
        var retagged = ExportFixtures.english
        retagged.notes[0].extra = "Reworded again."
        let first = dir.appendingPathComponent("first.apkg"), second = dir.appendingPathComponent("second.apkg")
        let third = dir.appendingPathComponent("third.tsv")
        try AnkiPackageEncoder.encode([ExportFixtures.english], exportedAt: ExportFixtures.exportedAt, withHistory: false)
            .write(to: first)
        let later = Instant(milliseconds: ExportFixtures.exportedAt.milliseconds + ExportFixtures.day)
        try AnkiPackageEncoder.encode([reworded], exportedAt: later, withHistory: false).write(to: second)
        try Data(AnkiTextEncoder.encode([retagged]).utf8).write(to: third)

        let apkgs = try AnkiOracle.importing([first, second])
        #expect(apkgs.imports.map(\.new) == [2, 0])
        #expect(apkgs.notes.count == 2)
        #expect(apkgs.note("G200")?.fields["Back"] == "200 (reworded)")

        let report = try AnkiOracle.importing([first, second, third])
        #expect(report.imports.map(\.new) == [2, 0, 0])
        // Anki updates every known guid whose note is newer (the apkg) or differs (the text file,
        // which rewords one note and restores the other).
        #expect(report.imports.map(\.updated) == [0, 2, 2])
        #expect(report.notes.count == 2)
        #expect(report.note("G200")?.fields["Back"] == "200")
        #expect(report.note("G404")?.fields["Extra"] == "Reworded again.")
    }
}
