import StatusDeckCore

/// Every word the card browser shows, in one language.
public struct BrowserStrings: Sendable {
    public let language: Language
    let title, searchHint, noMatch, loading: String
    let code, card, state, due, stability, recall, lapses: String
    let states: [BrowserRow.State: String]
    let suspendedState, buriedState: String
    let search, info, suspend, unsuspend, back, close, move, scroll, done: String
    let suspendedNotice, unsuspendedNotice, failed: String
    let answersTitle: @Sendable (Int) -> String
    let noAnswers, curveTitle, difficulty, reviews, answerLabel: String
    let nowLabel: String

    /// The quiz's words this one shares: grade names, "now", "too small".
    var quiz: UIStrings { .of(language) }

    public static func of(_ language: Language) -> BrowserStrings {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    public static let en = BrowserStrings(
        language: .en,
        title: "Cards", searchHint: "code, id or text", noMatch: "No card matches", loading: "Loading…",
        code: "Code", card: "Card", state: "State", due: "Due", stability: "Stab.", recall: "Recall", lapses: "Lapses",
        states: [.new: "new", .learning: "learning", .review: "review", .relearning: "relearning"],
        suspendedState: "suspended", buriedState: "buried",
        search: "search", info: "info", suspend: "suspend", unsuspend: "unsuspend", back: "back", close: "close",
        move: "move", scroll: "scroll", done: "done",
        suspendedNotice: "Suspended: out of study until unsuspended (@)", unsuspendedNotice: "Unsuspended: back in study",
        failed: "Not saved",
        answersTitle: { "Answers (\($0))" },
        noAnswers: "Never answered yet.", curveTitle: "Recall ahead", difficulty: "Difficulty", reviews: "Reviews",
        answerLabel: "Answer", nowLabel: "now"
    )

    public static let zh = BrowserStrings(
        language: .zh,
        title: "卡片", searchHint: "状态码、id 或文字", noMatch: "没有匹配的卡片", loading: "加载中…",
        code: "代码", card: "卡片", state: "状态", due: "到期", stability: "稳定", recall: "记忆", lapses: "遗忘",
        states: [.new: "新卡", .learning: "学习中", .review: "复习", .relearning: "重学中"],
        suspendedState: "已暂停", buriedState: "已搁置",
        search: "搜索", info: "详情", suspend: "暂停", unsuspend: "恢复", back: "返回", close: "关闭",
        move: "移动", scroll: "滚动", done: "完成",
        suspendedNotice: "已暂停：不再复习，直到恢复（@）", unsuspendedNotice: "已恢复：重新加入复习",
        failed: "未保存",
        answersTitle: { "回答记录（\($0)）" },
        noAnswers: "还没有回答过。", curveTitle: "记忆曲线", difficulty: "难度", reviews: "复习次数",
        answerLabel: "答案", nowLabel: "现在"
    )
}
