import FSRS
import StatusDeckCore
import StatusDeckUI

/// Rows and a card's info for the browser's tests, in both languages.
enum BrowserFixtures {
    /// 2026-12-04T06:00:00Z.
    static let now: Int64 = 1_796_364_000_000
    static let day: Int64 = 86_400_000

    static func at(days: Double) -> Instant { Instant(milliseconds: now + Int64(days * Double(day))) }

    static let en: [BrowserRow] = [
        BrowserRow(
            cardID: "http/404/code-to-meaning", code: 404, prompt: "What does 404 mean?", answer: "Not Found", state: .review,
            due: at(days: 8), stability: 12.3, recall: 0.93, lapses: 1, reps: 5),
        BrowserRow(
            cardID: "http/404/phrase-to-code", code: 404, prompt: "Which status code has the reason phrase Not Found?",
            answer: "404", state: .learning, due: at(days: 0.007), stability: 0.4, recall: 0.98, reps: 1),
        BrowserRow(cardID: "http/410/code-to-meaning", code: 410, prompt: "What does 410 mean?", answer: "Gone", state: .new),
        BrowserRow(
            cardID: "http/301/meaning-to-code", code: 301,
            prompt: "A site moved to a new domain for good; old links should be updated. Which status code fits?", answer: "301",
            state: .relearning, suspended: true, due: at(days: -2), stability: 1.1, recall: 0.41, lapses: 9, reps: 14),
        BrowserRow(
            cardID: "contrast/401-403", code: nil, prompt: "401 or 403: the client sent no credentials at all.", answer: "401",
            state: .review, buried: true, due: at(days: 40), stability: 61, recall: 0.97, reps: 4),
        BrowserRow(
            cardID: "http/500/code-to-meaning", code: 500, prompt: "What does 500 mean?", answer: "Internal Server Error",
            state: .review, due: at(days: -1), stability: 5, recall: 0.71, lapses: 2, reps: 6),
    ]

    static let zh: [BrowserRow] = [
        BrowserRow(
            cardID: "http/404/code-to-meaning", code: 404, prompt: "状态码 404 是什么意思？", answer: "未找到", state: .review,
            due: at(days: 8), stability: 12.3, recall: 0.93, lapses: 1, reps: 5),
        BrowserRow(
            cardID: "http/404/phrase-to-code", code: 404, prompt: "哪个状态码的原因短语是“未找到”（Not Found）？", answer: "404",
            state: .learning, due: at(days: 0.007), stability: 0.4, recall: 0.98, reps: 1),
        BrowserRow(cardID: "http/410/code-to-meaning", code: 410, prompt: "状态码 410 是什么意思？", answer: "已删除", state: .new),
        BrowserRow(
            cardID: "http/301/meaning-to-code", code: 301, prompt: "网站永久迁到新域名，旧链接应该更新。应返回哪个状态码？", answer: "301",
            state: .relearning, suspended: true, due: at(days: -2), stability: 1.1, recall: 0.41, lapses: 9, reps: 14),
        BrowserRow(
            cardID: "contrast/401-403", code: nil, prompt: "401 还是 403：客户端根本没有发送凭证。", answer: "401", state: .review,
            buried: true, due: at(days: 40), stability: 61, recall: 0.97, reps: 4),
        BrowserRow(
            cardID: "http/500/code-to-meaning", code: 500, prompt: "状态码 500 是什么意思？", answer: "服务器内部错误", state: .review,
            due: at(days: -1), stability: 5, recall: 0.71, lapses: 2, reps: 6),
    ]

    static func browser(_ language: Language = .en, width: Int = 80, height: Int = 24) -> CardBrowser {
        CardBrowser(
            deckName: language == .en ? "Everyday codes" : "常用状态码",
            content: BrowserContent(rows: language == .en ? en : zh, utcOffsetSeconds: language == .en ? 0 : 8 * 3600),
            strings: .of(language), now: now, width: width, height: height)
    }

    /// The info of 404's first card: five answers, one lapse.
    static func info(_ language: Language = .en) -> CardInfo {
        let grades: [(Double, Rating, Double, Int?, Bool?)] = [
            (-40, .good, 0.007, 6_300, nil), (-39.9, .good, 2, 4_100, nil), (-38, .again, 0.007, 12_800, false),
            (-37.9, .good, 1, 3_200, true), (-12, .good, 20, nil, true),
        ]
        let answers = grades.map { days, rating, interval, ms, correct in
            AnswerLine(
                at: at(days: days), rating: rating, intervalMilliseconds: Int64(interval * Double(day)),
                due: at(days: days + interval), answerMilliseconds: ms, correct: correct)
        }
        let curve = (0...90).map { d in 1 / (1 + Double(d) / 30) }
        let row = (language == .en ? en : zh)[0]
        return CardInfo(cardID: row.cardID, prompt: row.prompt, answer: row.answer, difficulty: 5.27, answers: answers, recallByDay: curve)
    }

    /// Sends keys in order, 100 ms apart; returns every effect.
    @discardableResult
    static func press(_ browser: inout CardBrowser, _ keys: [Key]) -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        for (i, k) in keys.enumerated() { effects += browser.update(.key(k), now: now + Int64(i) * 100) }
        return effects
    }

    static func type(_ text: String) -> [Key] { text.map { .char($0) } }
}
