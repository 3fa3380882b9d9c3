import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckExport

/// Issue 18: `export --all --with-history` gave every answer to the zh note and the en note, so
/// Anki counted each review twice. Real Anki must now count what `statusdeck stats` counts.
@Suite struct AnkiReviewCountTests {
    static let day: Int64 = 86_400_000

    /// Answers of the last few days in every kind of deck: a built-in one of each language and
    /// group, a user deck since removed, none named; one undone.
    static func history(now: Instant) -> [HistoryRecord] {
        let decks: [String?] = [
            "http-all-zh", "http-everyday-en", "http-contrasts-en", "http-all-en", nil, "gone-deck", "http-everyday-zh",
        ]
        let cards = ["http/404/code-to-meaning", "http/200/code-to-meaning", "http/301/code-to-meaning"]
        var records: [HistoryRecord] = []
        for n in 0..<42 {
            records.append(
                .review(
                    ReviewEvent(
                        id: EventID(high: 0x18, low: UInt64(n)), card: cards[n % 3],
                        at: Instant(milliseconds: now.milliseconds - 6 * day + Int64(n) * 3_600_000),
                        rating: n % 5 == 0 ? .again : .good, deck: decks[n % decks.count], mode: "flip",
                        answerMilliseconds: 2_000)))
        }
        records.append(
            .undo(
                UndoEvent(
                    id: EventID(high: 0x18, low: 100), target: EventID(high: 0x18, low: 41),
                    at: Instant(milliseconds: now.milliseconds - 6 * day + 41 * 3_600_000 + 1_000))))
        return records
    }

    /// `stats --json`'s answers per day, summed over the days given.
    static func statsAnswers(data: String) throws -> Int {
        let out = try StatusDeckBinary.output(["stats", "--data-dir", data, "--json", "--days", "30"])
        let json = try #require(try JSONSerialization.jsonObject(with: out) as? [String: Any])
        let days = try #require(json["answers_per_day"] as? [[String: Any]])
        return days.reduce(0) { $0 + (($1["count"] as? Int) ?? 0) }
    }

    @Test(arguments: ["en", "zh"])
    func ankiCountsEveryAnswerOnceAsStatsDoes(language: String) throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = Instant(milliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        let data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data(Self.history(now: now).flatMap(HistoryLineEncoder.encode)).write(to: data.appendingPathComponent("history.jsonl"))
        try Data("language = \(language)\n".utf8).write(to: data.appendingPathComponent("config"))
        let apkg = dir.appendingPathComponent("all.apkg")
        try StatusDeckBinary.run([
            "export", "--data-dir", data.path, "--all", "--format", "apkg", "--with-history", "-o", apkg.path,
        ])

        let stats = try Self.statsAnswers(data: data.path)
        #expect(stats == 41)
        let report = try AnkiOracle.importing([apkg])
        #expect(report.revlog.count == stats)
        #expect(Set(report.revlog.map(\.id)).count == stats)

        // Where each went: answered in zh decks → the zh note; in en decks → the en note; no deck,
        // a deck not exported (the removed one) or one without the card (contrasts hold no
        // code-to-meaning cards) → the user's language.
        func expected(_ deck: String?) -> String {
            switch deck {
            case "http-contrasts-en": language
            case let d? where d.hasSuffix("-zh"): "zh"
            case let d? where d.hasSuffix("-en"): "en"
            default: language
            }
        }
        var want: [String: Int] = [:]
        for record in Self.history(now: now) {
            guard case .review(let r) = record, r.id != EventID(high: 0x18, low: 41) else { continue }
            want[NoteGUID.make(cardID: r.card, language: expected(r.deck)), default: 0] += 1
        }
        var got: [String: Int] = [:]
        for review in report.revlog { got[review.guid ?? "?", default: 0] += 1 }
        #expect(got == want)
    }
}
