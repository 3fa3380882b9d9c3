import StatusDeckCore

/// Every word the quiz shows, in one language. Kept as data so a translation is one table.
public struct UIStrings: Sendable {
    public let language: Language
    let new, learning, due: String
    let grades: [String]  // index grade - 1
    let modes: [QuizMode: String]
    let stages: [QuizItem.Stage: String]
    let show, check, help, quit, undo, skip, info, mode, choose, close, scroll, moreKeys, type, grade, clear: String
    let typeHere, right, wrong, answerLabel, youTyped, youChose, enterTakes: String
    let showFirst, skipped, undone, nothingToUndo, loading: String
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
        show: "show answer", check: "check", help: "help", quit: "quit", undo: "undo", skip: "skip",
        info: "explain", mode: "mode", choose: "choose", close: "close", scroll: "scroll",
        moreKeys: "more keys", type: "type", grade: "grade", clear: "clear",
        typeHere: "Type the answer and press Enter", right: "✓ right", wrong: "✗ wrong",
        answerLabel: "Answer", youTyped: "you typed", youChose: "you chose",
        enterTakes: "Enter takes",
        showFirst: "Show the answer first (Space)", skipped: "Skipped until tomorrow",
        undone: "Undone", nothingToUndo: "Nothing to undo", loading: "Loading…",
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
            ("u", "undo the last answer"),
            ("s", "skip until tomorrow"),
            ("m", "next mode: flip, type, choice"),
            ("?", "this help"),
            ("q / Ctrl-C", "quit (answers are saved)"),
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
        show: "显示答案", check: "检查", help: "帮助", quit: "退出", undo: "撤销", skip: "跳过",
        info: "详解", mode: "模式", choose: "选择", close: "关闭", scroll: "滚动",
        moreKeys: "更多按键", type: "输入", grade: "评分", clear: "清空",
        typeHere: "输入答案后按回车", right: "✓ 正确", wrong: "✗ 错误",
        answerLabel: "答案", youTyped: "你的输入", youChose: "你的选择",
        enterTakes: "回车选",
        showFirst: "请先显示答案（空格）", skipped: "已跳过，明天再见", undone: "已撤销",
        nothingToUndo: "没有可撤销的", loading: "加载中…",
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
            ("u", "撤销上一个回答"),
            ("s", "跳过，明天再复习"),
            ("m", "切换模式：翻卡、输入、选择"),
            ("?", "本帮助"),
            ("q / Ctrl-C", "退出（回答都已保存）"),
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
