import StatusDeckCore
import StatusDeckUI

/// Cards and sessions the UI tests share.
enum Fixtures {
    static let notFound = QuizItem(
        cardID: "http/404/code-to-meaning",
        prompt: "What does status 404 mean?",
        answer: "Not Found",
        accepted: ["NotFound"],
        choices: ["Gone", "Not Found", "Forbidden", "Method Not Allowed"],
        explanation: "The server has no current representation for the target resource, or will not say "
            + "whether one exists. Compare 410 Gone: the resource is gone for good and will not come back.",
        mode: .flip,
        intervals: ["10m", "5.5m", "1d", "8d"],
        stage: .new)

    static let scenarioZh = QuizItem(
        cardID: "http/404/phrase-to-code",
        prompt: "客户端请求了一个服务器上不存在的页面，服务器应返回哪个状态码？",
        answer: "404",
        accepted: ["404 Not Found"],
        choices: ["403", "404", "410", "400"],
        explanation: "404 Not Found 表示服务器找不到目标资源的当前表示，或者不愿透露它是否存在。"
            + "与 410 Gone 对比：410 表示资源已被永久移除，并且不会再回来；缓存可以默认保存 404 响应。"
            + "如果服务器想隐藏资源的存在（例如未授权访问私有仓库），常常用 404 代替 403。"
            + "客户端不应在不修改请求的情况下立即重试。参见 RFC 9110 §15.5.5。",
        mode: .type,
        intervals: ["1分", "6分", "10分", "2天"],
        stage: .review)

    /// A phrase to type, about 301, from a learner who keeps forgetting it.
    static let movedPermanently = QuizItem(
        cardID: "http/301/phrase-to-code", prompt: "Which reason phrase goes with 301?", answer: "Moved Permanently",
        explanation: "301 Moved Permanently\n  ≠ 308 Permanent Redirect: 308 keeps the method; 301 lets POST become GET.",
        mode: .type, intervals: ["10m", "1d", "3d", "9d"], stage: .review, code: 301, lapses: 9, isLeech: true,
        contrasts: ["≠ 308 Permanent Redirect: 308 keeps the method; 301 lets POST become GET."])

    static let counts = QueueCounts(new: 12, learning: 3, due: 40)

    /// A quiz showing `item`, at t = 1000 ms.
    static func quiz(
        _ item: QuizItem, language: Language = .en, deck: String = "Everyday codes",
        mode: QuizMode? = nil, hints: WrongAnswerHints? = nil
    ) -> Quiz {
        var q = Quiz(deckName: deck, strings: .of(language), modeOverride: mode, hints: hints)
        _ = q.update(.show(item, counts), now: 1000)
        return q
    }

    /// Sends keys in order, each 500 ms after the last; returns every effect.
    @discardableResult
    static func press(_ quiz: inout Quiz, _ keys: [Key], from start: Int64 = 1500) -> [QuizEffect] {
        var effects: [QuizEffect] = []
        var t = start
        for k in keys {
            effects += quiz.update(.key(k), now: t)
            t += 500
        }
        return effects
    }

    static func type(_ text: String) -> [Key] { text.map { .char($0) } }
}
