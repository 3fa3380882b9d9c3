import StatusDeckCore

/// Every word the quiz shows, in one language. Kept as data so a translation is one table.
public struct UIStrings: Sendable {
    public let language: Language
    let new, learning, due: String
    let grades: [String]  // index grade - 1
    let modes: [QuizMode: String]
    let stages: [QuizItem.Stage: String]
    let show, check, help, quit, undo, bury, suspend, info, mode, choose, close, scroll, moreKeys, type, grade, clear, browse: String
    let typeHere, right, wrong, slip, answerLabel, youTyped, youChose, enterTakes, override, overrideWrong: String
    let showFirst, buried, suspended, undone, nothingToUndo, loading, countedRight, countedWrong: String
    /// Above the prompt of a leech: forgotten `n` times.
    let leechBadge: @Sendable (Int) -> String
    /// After the answer that made a card a leech.
    let leech: @Sendable (String, Int, Bool) -> String
    let sessionOver, nothingDue, reviewed, rightPercent, time, nextDue, noneScheduled, leave: String
    let helpTitle, infoTitle, noExplanation: String
    let helpLines: [(String, String)]
    let colon: String
    let dueNow: String
    let dueAfter: @Sendable (String) -> String
    let saveFailed: String
    let tooSmall: @Sendable (Int, Int) -> String
    let now: @Sendable (Int, Int) -> String
    let summaryLine: @Sendable (Int, Int?, String, String?) -> String

    /// When the next card is due, `ms` from now: "now", "in 10m" / "现在", "10m 后".
    func dueIn(_ ms: Int64) -> String {
        ms <= 0 ? dueNow : dueAfter(IntervalText.short(milliseconds: ms))
    }

    /// The names of the Space and Enter keys in the footer.
    var spaceKey: String { language == .zh ? "空格" : "Space" }
    var enterKey: String { language == .zh ? "回车" : "Enter" }

    public static func of(_ language: Language) -> UIStrings {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    public static let en = UIStrings(
        language: .en,
        new: "new", learning: "learning", due: "due",
        grades: ["Again", "Hard", "Good", "Easy"],
        modes: [.flip: "flip", .type: "type", .choice: "choice"],
        stages: [.new: "new card", .learning: "learning", .review: "review"],
        show: "show answer", check: "check", help: "help", quit: "quit", undo: "undo", bury: "bury",
        suspend: "suspend", info: "explain", mode: "mode", choose: "choose", close: "close", scroll: "scroll",
        moreKeys: "more keys", type: "type", grade: "grade", clear: "clear", browse: "cards",
        typeHere: "Type the answer and press Enter", right: "✓ right", wrong: "✗ wrong",
        slip: "≈ right but for one slip: Hard", answerLabel: "Answer", youTyped: "you typed", youChose: "you chose",
        enterTakes: "Enter takes", override: "I was right", overrideWrong: "count as wrong",
        showFirst: "Show the answer first (Space)", buried: "Buried until tomorrow",
        suspended: "Suspended: `statusdeck cards unsuspend` brings it back",
        undone: "Undone", nothingToUndo: "Nothing to undo", loading: "Loading…",
        countedRight: "Counted as right", countedWrong: "Counted as wrong",
        leechBadge: { "leech: forgotten \($0) times" },
        leech: { card, n, suspended in
            "Leech: \(card) forgotten \(n) times" + (suspended ? "; suspended" : "; read how it differs (i)")
        },
        sessionOver: "Session over", nothingDue: "Nothing is due right now.",
        reviewed: "Reviewed", rightPercent: "Right", time: "Time", nextDue: "Next due",
        noneScheduled: "nothing scheduled", leave: "Enter or q to leave · u to undo",
        helpTitle: "Keys", infoTitle: "Explanation", noExplanation: "No explanation for this card.",
        helpLines: [
            ("Space / Enter", "show the answer (flip)"),
            ("1 2 3 4", "grade: Again, Hard, Good, Easy"),
            ("Enter", "take the suggested grade"),
            ("Esc", "while typing: use the other keys"),
            ("1-4 ↑ ↓ Enter", "pick an option (choice)"),
            ("i", "the full explanation"),
            ("o", "after a typed or chosen answer: the verdict was wrong"),
            ("u  ^Z", "undo the last answer, bury or suspend"),
            ("b  ^B", "bury: put away until tomorrow"),
            ("@  ^S", "suspend: out of study until unsuspended"),
            ("m", "next mode: flip, type, choice"),
            ("/  ^F", "card browser: search, card info, suspend"),
            ("?  ^G  F1", "this help"),
            ("q  ^D", "quit (answers are saved)"),
            ("^C", "quit at once"),
            ("", "While typing an answer letters are text: use the ^ keys, or Esc first."),
        ],
        colon: ": ",
        dueNow: "now", dueAfter: { "in " + $0 },
        saveFailed: "Not saved",
        tooSmall: { w, h in "terminal too small (need \(w)×\(h))" },
        now: { w, h in "now \(w)×\(h)" },
        summaryLine: { n, pct, time, next in
            var s = "Reviewed \(n) card\(n == 1 ? "" : "s")"
            if let pct { s += " · \(pct)% right" }
            s += " · \(time)"
            if let next { s += " · next due \(next)" }
            return s
        }
    )

    public static let zh = UIStrings(
        language: .zh,
        new: "新", learning: "学习", due: "到期",
        grades: ["重来", "困难", "良好", "简单"],
        modes: [.flip: "翻卡", .type: "输入", .choice: "选择"],
        stages: [.new: "新卡", .learning: "学习中", .review: "复习"],
        show: "显示答案", check: "检查", help: "帮助", quit: "退出", undo: "撤销", bury: "搁置",
        suspend: "暂停", info: "详解", mode: "模式", choose: "选择", close: "关闭", scroll: "滚动",
        moreKeys: "更多按键", type: "输入", grade: "评分", clear: "清空", browse: "卡片",
        typeHere: "输入答案后按回车", right: "✓ 正确", wrong: "✗ 错误",
        slip: "≈ 只差一个字符：算对，评为困难", answerLabel: "答案", youTyped: "你的输入", youChose: "你的选择",
        enterTakes: "回车选", override: "我答对了", overrideWrong: "算作答错",
        showFirst: "请先显示答案（空格）", buried: "已搁置，明天再见",
        suspended: "已暂停：`statusdeck cards unsuspend` 可恢复", undone: "已撤销",
        nothingToUndo: "没有可撤销的", loading: "加载中…",
        countedRight: "已改判为正确", countedWrong: "已改判为错误",
        leechBadge: { "难记卡：已遗忘 \($0) 次" },
        leech: { card, n, suspended in
            "难记卡：\(card) 已遗忘 \(n) 次" + (suspended ? "，已暂停" : "，看看它和易混码的区别（i）")
        },
        sessionOver: "本次复习结束", nothingDue: "现在没有到期的卡片。",
        reviewed: "已复习", rightPercent: "正确率", time: "用时", nextDue: "下次到期",
        noneScheduled: "暂无安排", leave: "回车或 q 退出 · u 撤销",
        helpTitle: "按键", infoTitle: "详解", noExplanation: "这张卡片没有详解。",
        helpLines: [
            ("空格 / 回车", "显示答案（翻卡）"),
            ("1 2 3 4", "评分：重来、困难、良好、简单"),
            ("回车", "采用建议的评分"),
            ("Esc", "输入时：切换到其他按键"),
            ("1-4 ↑ ↓ 回车", "选择选项（选择题）"),
            ("i", "完整详解"),
            ("o", "输入或选择之后：判定有误，改判"),
            ("u  ^Z", "撤销上一个回答、搁置或暂停"),
            ("b  ^B", "搁置：明天再复习"),
            ("@  ^S", "暂停：不再复习，直到恢复"),
            ("m", "切换模式：翻卡、输入、选择"),
            ("/  ^F", "卡片浏览：搜索、卡片详情、暂停"),
            ("?  ^G  F1", "本帮助"),
            ("q  ^D", "退出（回答都已保存）"),
            ("^C", "立即退出"),
            ("", "输入答案时字母都是输入内容：用 ^ 组合键，或先按 Esc。"),
        ],
        colon: "：",
        dueNow: "现在", dueAfter: { $0 + " 后" },
        saveFailed: "未保存",
        tooSmall: { w, h in "终端太小（需要 \(w)×\(h)）" },
        now: { w, h in "当前 \(w)×\(h)" },
        summaryLine: { n, pct, time, next in
            var s = "已复习 \(n) 张"
            if let pct { s += " · 正确率 \(pct)%" }
            s += " · 用时 \(time)"
            if let next { s += " · 下次到期 \(next)" }
            return s
        }
    )
}
