import FSRS
import StatusDeckExport

/// Small literal decks whose every awkward character is there on purpose: a comma and quotes,
/// a tab, line breaks, Markdown and HTML markup, Chinese text.
enum ExportFixtures {
    /// 2026-11-22T03:00:00Z.
    static let exportedAt = Instant(milliseconds: 1_795_316_400_000)
    static let day: Int64 = 86_400_000

    static let notFound = ExportNote(
        cardID: "http/404/code-to-meaning", guid: "G404", front: "404", back: "Not Found",
        extra: "No current representation.\n- try 410 when it is gone <for good>", tags: ["statusdeck", "4xx"],
        statusClass: 4)
    static let ok = ExportNote(
        cardID: "http/200/meaning-to-code", guid: "G200", front: "OK, \"all good\"", back: "200",
        extra: "", tags: ["statusdeck", "2xx", "two words"], statusClass: 2)
    static let chinese = ExportNote(
        cardID: "http/404/meaning-to-code", guid: "GZH", front: "未找到 *资源*", back: "404",
        extra: "请求的资源\t不存在", tags: ["statusdeck"], statusClass: nil)

    static let english = ExportDeck(id: "http-en", name: "HTTP (English)", language: "en", notes: [notFound, ok])
    static let mixed = ExportDeck(id: "http-zh", name: "HTTP (中文)", language: "zh", notes: [chinese])

    /// The 404 card answered twice: good while learning (10 minutes), then good again (3 days).
    static var reviewed: ExportNote {
        var note = notFound
        let first = Instant(milliseconds: exportedAt.milliseconds - 4 * day)
        let second = Instant(milliseconds: first.milliseconds + 600_000)
        note.reviews = [
            ExportReview(
                id: "e1", at: first, rating: 3, durationMilliseconds: 4_200, kind: .learning,
                scheduledSeconds: 600, difficulty: 5.0),
            ExportReview(
                id: "e2", at: second, rating: 3, durationMilliseconds: 90_000, kind: .learning,
                scheduledSeconds: 3 * 86_400, previousScheduledSeconds: 600, difficulty: 4.5),
        ]
        note.scheduling = ExportScheduling(
            state: .review, due: Instant(milliseconds: second.milliseconds + 3 * day), lastReview: second,
            stability: 3.25, difficulty: 4.5, reps: 2, lapses: 0, desiredRetention: 0.9, decay: 0.1542)
        return note
    }

    static var englishWithHistory: ExportDeck {
        var deck = english
        deck.notes[0] = reviewed
        return deck
    }
}
