import FSRS
import StatusDeckCore

/// Drawing the browser: a pure function of its state and the terminal size.
extension CardBrowser {
    /// The same smallest terminal as the quiz's.
    public static let minimumWidth = Quiz.minimumWidth
    public static let minimumHeight = Quiz.minimumHeight
    /// Below this width columns are one space apart, not two.
    static let roomyWidth = 60
    /// The card column keeps at least this many columns; the figures after it give way first.
    static let minimumCardWidth = 12

    public func view(width: Int, height: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        guard width >= CardBrowser.minimumWidth, height >= CardBrowser.minimumHeight else {
            drawTooSmall(&screen)
            return screen
        }
        switch page {
        case .list: drawList(&screen)
        case .info(let info, let scroll): drawInfo(&screen, info: info, scroll: scroll)
        }
        if let notice {
            let text = TerminalText.truncate(notice.text, to: width - 2)
            screen.put(text, x: 1, y: height - 2, style: notice.isError ? .bad : .warn)
        }
        screen.put(Quiz.footerSpans(footerItems(), width: width - 2), x: 1, y: height - 1)
        return screen
    }

    private func drawTooSmall(_ screen: inout Screen) {
        guard screen.width > 0, screen.height > 0 else { return }
        var lines = TerminalText.wrap(strings.quiz.tooSmall(CardBrowser.minimumWidth, CardBrowser.minimumHeight), width: screen.width)
        lines.append(strings.quiz.now(screen.width, screen.height))
        let top = max(0, (screen.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let w = TerminalText.width(line)
            screen.put(line, x: max(0, (screen.width - w) / 2), y: top + i, style: i == lines.count - 1 ? .muted : .warn)
        }
    }

    /// The title on the left, `right` on the right; the title gives way.
    private func drawTitle(_ screen: inout Screen, _ title: String, right: Span) {
        screen.put(right.text, x: screen.width - 1 - right.width, y: 0, style: right.style)
        screen.put(TerminalText.truncate(title, to: max(0, screen.width - 4 - right.width)), x: 1, y: 0, style: .title)
    }

    // MARK: - The list

    /// One column of figures after the card's text.
    struct Column {
        var heading: String
        var width: Int
        var value: (BrowserRow) -> Span
        /// Lower goes first when the terminal is narrow.
        var keep: Int
        var rightAligned: Bool
    }

    private func drawList(_ screen: inout Screen) {
        let w = screen.width
        drawTitle(&screen, strings.title + " · " + deckName, right: Span("\(matches.count)/\(rows.count)", .muted))

        // The search field.
        let y = 1
        if searching || !query.isEmpty {
            let prefix = screen.put("/ ", x: 1, y: y, style: .key)
            let room = w - 3 - prefix
            let shown = Quiz.visibleInput(query, width: room)
            let used = screen.put(shown, x: 1 + prefix, y: y, style: searching ? .plain : .muted)
            if query.isEmpty { screen.put(TerminalText.truncate(strings.searchHint, to: room), x: 2 + prefix, y: y, style: .muted) }
            if searching, case .list = page { screen.cursor = Screen.Position(x: min(w - 1, 1 + prefix + used), y: y) }
        } else {
            screen.put([Span("/ ", .key), Span(strings.search + ": " + strings.searchHint, .muted)], x: 1, y: y, limit: w - 2)
        }

        // Columns: code, card, then the figures that fit.
        let gap = w >= CardBrowser.roomyWidth ? 2 : 1
        let codeWidth = max(3, TerminalText.width(strings.code))
        var columns = figureColumns()
        func cardWidth() -> Int { w - 2 - codeWidth - gap - columns.reduce(0) { $0 + $1.width + gap } }
        while cardWidth() < CardBrowser.minimumCardWidth, let drop = columns.indices.min(by: { columns[$0].keep < columns[$1].keep }) {
            columns.remove(at: drop)
        }
        let card = cardWidth()

        func cells(_ code: Span, _ text: Span, _ figures: [Span]) -> [Span] {
            var spans = [pad(code, codeWidth, right: false), Span(String(repeating: " ", count: gap)), pad(text, card, right: false)]
            for (column, figure) in zip(columns, figures) {
                spans.append(Span(String(repeating: " ", count: gap)))
                spans.append(pad(figure, column.width, right: column.rightAligned))
            }
            return spans
        }
        let headings = cells(Span(strings.code, .muted), Span(strings.card, .muted), columns.map { Span($0.heading, .muted) })
        screen.put(headings, x: 1, y: 2, limit: w - 2)

        let top = (selected / pageRows) * pageRows
        if matches.isEmpty {
            screen.put(TerminalText.truncate(strings.noMatch, to: w - 2), x: 1, y: 3, style: .muted)
        }
        for (i, index) in matches.dropFirst(top).prefix(pageRows).enumerated() {
            let row = rows[index]
            let isSelected = top + i == selected
            let textStyle: Style = isSelected ? .selected : (row.suspended ? .muted : .plain)
            let code = Span(row.code.map { "\($0)" } ?? "≠", isSelected ? .key : .muted)
            let spans = cells(code, Span(row.prompt, textStyle), columns.map { $0.value(row) })
            if isSelected { screen.put("›", x: 0, y: 3 + i, style: .key) }
            screen.put(spans, x: 1, y: 3 + i, limit: w - 2)
        }
    }

    /// A span cut or padded to exactly `width` columns.
    private func pad(_ span: Span, _ width: Int, right: Bool) -> Span {
        let text = TerminalText.truncate(span.text, to: width)
        let fill = String(repeating: " ", count: max(0, width - TerminalText.width(text)))
        return Span(right ? fill + text : text + fill, span.style)
    }

    /// State, due, stability, recall and lapses, each as wide as its widest value.
    private func figureColumns() -> [Column] {
        var columns = [
            Column(heading: strings.state, width: 0, value: { stateSpan($0) }, keep: 5, rightAligned: false),
            Column(heading: strings.due, width: 0, value: { Span(dueText($0.due), .plain) }, keep: 3, rightAligned: true),
            Column(
                heading: strings.stability, width: 0,
                value: { Span($0.stability.map { CardBrowser.days($0) } ?? "—", .plain) }, keep: 2, rightAligned: true),
            Column(
                heading: strings.recall, width: 0, value: { Span($0.recall.map(CardBrowser.percent) ?? "—", .plain) }, keep: 4,
                rightAligned: true),
            Column(heading: strings.lapses, width: 0, value: { Span("\($0.lapses)", $0.lapses > 0 ? .warn : .plain) }, keep: 1, rightAligned: true),
        ]
        for i in columns.indices {
            let widest = rows.reduce(0) { max($0, columns[i].value($1).width) }
            columns[i].width = max(TerminalText.width(columns[i].heading), widest)
        }
        return columns
    }

    func stateSpan(_ row: BrowserRow) -> Span {
        if row.suspended { return Span(strings.suspendedState, .warn) }
        if row.buried { return Span(strings.buriedState, .muted) }
        let style: Style
        switch row.state {
        case .new: style = .info
        case .learning, .relearning: style = .bad
        case .review: style = .good
        }
        return Span(strings.states[row.state] ?? row.state.rawValue, style)
    }

    /// "now", "8d", "—" (never answered).
    func dueText(_ due: Instant?) -> String {
        guard let due else { return "—" }
        let ms = due.milliseconds - now.milliseconds
        return ms <= 0 ? strings.quiz.dueNow : IntervalText.short(milliseconds: ms)
    }

    /// Days as the interval text shows them: "12d", "9.6h", "1.2mo".
    static func days(_ d: Double) -> String {
        IntervalText.short(milliseconds: Int64((d * 86_400_000).rounded()))
    }

    static func percent(_ r: Double) -> String { "\(Int((r * 100).rounded()))%" }

    // MARK: - The info page

    private func drawInfo(_ screen: inout Screen, info: CardInfo, scroll: Int) {
        let row = infoRow
        let code = row?.code.map { "\($0) · " } ?? ""
        drawTitle(&screen, code + info.cardID, right: row.map { stateSpan($0) } ?? Span(""))
        let lines = infoLines(info, width: screen.width - 2)
        let bodyRows = max(1, screen.height - 3)
        let first = min(scroll, max(0, lines.count - bodyRows))
        for (i, line) in lines.dropFirst(first).prefix(bodyRows).enumerated() {
            screen.put(line, x: 1, y: 1 + i, limit: screen.width - 2)
        }
        if lines.count > bodyRows, notice == nil {
            let label = "\(min(lines.count, first + bodyRows))/\(lines.count)"
            screen.put(label, x: screen.width - 1 - TerminalText.width(label), y: screen.height - 2, style: .muted)
        }
    }

    /// How far the info page scrolls before its last line reaches the bottom.
    func maxInfoScroll(_ info: CardInfo) -> Int {
        max(0, infoLines(info, width: width - 2).count - max(1, height - 3))
    }

    /// The info page's lines: the card, its figures, the memory curve, every answer newest first.
    func infoLines(_ info: CardInfo, width: Int) -> [[Span]] {
        var lines: [[Span]] = []
        let row = rows.first { $0.cardID == info.cardID }
        for l in TerminalText.wrap(info.prompt, width: width) { lines.append([Span(l, .title)]) }
        let quiz = strings.quiz
        for l in TerminalText.wrap(strings.answerLabel + quiz.colon + info.answer, width: width) { lines.append([Span(l, .good)]) }
        lines.append([])

        var facts: [[Span]] = []
        func fact(_ label: String, _ value: String, _ style: Style = .plain) {
            facts.append([Span(label + " ", .muted), Span(value, style)])
        }
        if let row {
            facts.append([stateSpan(row)])
            if row.due != nil { fact(strings.due, dueText(row.due)) }
            if let s = row.stability { fact(strings.stability, CardBrowser.days(s)) }
            if let d = info.difficulty { fact(strings.difficulty, CardBrowser.oneDecimal(d)) }
            if let r = row.recall { fact(strings.recall, CardBrowser.percent(r)) }
            fact(strings.lapses, "\(row.lapses)", row.lapses > 0 ? .warn : .plain)
            fact(strings.reviews, "\(row.reps)")
        }
        lines += Quiz.flow(facts, width: width, gap: 2)

        if !info.recallByDay.isEmpty {
            lines.append([])
            lines.append([Span(strings.curveTitle, .muted)])
            var points: [[Span]] = []
            for day in [0, 1, 7, 30, 90] where day < info.recallByDay.count {
                let label = day == 0 ? strings.nowLabel : "+\(day)d"
                points.append([Span(label + " ", .muted), Span(CardBrowser.percent(info.recallByDay[day]), .plain)])
            }
            lines += Quiz.flow(points, width: width, gap: 2)
            let last = "+\(info.recallByDay.count - 1)d"
            let room = min(46, width - TerminalText.width(strings.nowLabel) - TerminalText.width(last) - 2)
            if room >= 8 {
                lines.append([
                    Span(strings.nowLabel + " ", .muted), Span(CardBrowser.sparkline(info.recallByDay, width: room), .good),
                    Span(" " + last, .muted),
                ])
            }
        }

        lines.append([])
        lines.append([Span(strings.answersTitle(info.answers.count), .title)])
        if info.answers.isEmpty { lines.append([Span(strings.noAnswers, .muted)]) }
        let gap = String(repeating: " ", count: width >= CardBrowser.roomyWidth ? 2 : 1)
        let gradeStyles: [Style] = [.bad, .warn, .good, .info]
        let gradeWidth = quiz.grades.map(TerminalText.width).max() ?? 5
        let intervals = info.answers.map { "→ " + IntervalText.short(milliseconds: $0.intervalMilliseconds) }
        let intervalWidth = intervals.map(TerminalText.width).max() ?? 0
        let times = info.answers.map { $0.answerMilliseconds.map(CardBrowser.seconds) ?? "—" }
        let timeWidth = times.map(TerminalText.width).max() ?? 0
        for i in info.answers.indices.reversed() {
            let a = info.answers[i]
            let grade = quiz.grades[a.rating.rawValue - 1]
            var spans = [
                Span(CardBrowser.date(a.at, utcOffsetSeconds: utcOffsetSeconds), .muted), Span(gap),
                pad(Span(grade, gradeStyles[a.rating.rawValue - 1]), gradeWidth, right: false), Span(gap),
                pad(Span(intervals[i]), intervalWidth, right: false), Span(gap), pad(Span(times[i], .muted), timeWidth, right: true),
            ]
            if let correct = a.correct { spans += [Span(" "), correct ? Span("✓", .good) : Span("✗", .bad)] }
            lines.append(spans)
        }
        return lines
    }

    /// The instant in local time: "2026-12-01 09:12".
    static func date(_ instant: Instant, utcOffsetSeconds: Int) -> String {
        func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }
        let local = floorDiv(instant.milliseconds, 1000) + Int64(utcOffsetSeconds)
        let days = floorDiv(local, 86_400)
        let seconds = local - days * 86_400
        let d = CivilCalendar.date(days: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(d.year)-\(two(d.month))-\(two(d.day)) \(two(Int(seconds / 3600))):\(two(Int(seconds % 3600 / 60)))"
    }

    /// An answer's time: "4.2s", "12s", "1.5m".
    static func seconds(_ ms: Int) -> String {
        if ms < 10_000 { return "\(ms / 1000).\(ms % 1000 / 100)s" }
        return IntervalText.short(milliseconds: Int64(ms))
    }

    static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Recall over the days ahead as block characters, one per column.
    static func sparkline(_ values: [Double], width: Int) -> String {
        guard values.count > 1, width > 1 else { return "" }
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(
            (0..<width).map { i -> Character in
                let v = values[i * (values.count - 1) / (width - 1)]
                return blocks[min(7, max(0, Int((v * 8).rounded(.up)) - 1))]
            })
    }

    // MARK: - Footer

    private func footerItems() -> [(String, String)] {
        let enter = strings.quiz.enterKey
        switch page {
        case .info:
            let suspended = infoRow?.suspended ?? false
            return [("Esc", strings.back), ("@", suspended ? strings.unsuspend : strings.suspend), ("↑↓", strings.scroll)]
        case .list:
            let suspended = selectedRow?.suspended ?? false
            if searching {
                return [
                    (enter, strings.info), ("Esc", query.isEmpty ? strings.close : strings.done), ("↑↓", strings.move),
                    ("^S", suspended ? strings.unsuspend : strings.suspend),
                ]
            }
            return [
                (enter, strings.info), ("/", strings.search), ("@", suspended ? strings.unsuspend : strings.suspend),
                ("Esc", strings.close), ("↑↓", strings.move),
            ]
        }
    }
}
