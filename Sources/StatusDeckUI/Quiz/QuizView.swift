import FSRS
import StatusDeckCore

/// Drawing the quiz: a pure function of its state and the terminal size.
extension Quiz {
    /// The smallest terminal the quiz lays out in; below it a "too small" notice is drawn.
    public static let minimumWidth = 40
    public static let minimumHeight = 12
    /// Text wider than this is hard to read; wider terminals get margins instead.
    static let maximumTextWidth = 76

    public func view(width: Int, height: Int) -> Screen {
        if let browser { return browser.view(width: width, height: height) }
        var screen = Screen(width: width, height: height)
        guard width >= Quiz.minimumWidth, height >= Quiz.minimumHeight else {
            drawTooSmall(&screen)
            return screen
        }
        drawHeader(&screen)
        let textWidth = min(Quiz.maximumTextWidth, width - 4)
        let left = (width - textWidth) / 2

        let footerY = height - 1
        screen.put(Quiz.footerSpans(footerItems(), width: width - 2), x: 1, y: footerY)

        // Rows above the footer, from the bottom up: grade keys, then a notice.
        var lowest = footerY - 1
        let gradeRows = gradeLines(width: textWidth)
        for (i, line) in gradeRows.enumerated() {
            screen.put(line, x: left, y: lowest - gradeRows.count + 1 + i, limit: textWidth)
        }
        lowest -= gradeRows.count
        if let notice {
            // An error says what to do about it, so it gets a few lines; a hint gets one.
            let most = notice.isError ? (height >= 16 ? 3 : 2) : 1
            var lines = TerminalText.wrap(notice.text, width: textWidth)
            if lines.count > most {
                lines = Array(lines.prefix(most))
                lines[most - 1] = TerminalText.truncate(lines[most - 1] + " …", to: textWidth)
            }
            for (i, line) in lines.enumerated() {
                screen.put(line, x: left, y: lowest - lines.count + 1 + i, style: notice.isError ? .bad : .warn)
            }
            lowest -= lines.count
        } else if !gradeRows.isEmpty && height >= 16 {
            lowest -= 1
        }

        let top = height >= 20 ? 4 : 3
        var body = bodyLines(width: textWidth, roomy: height >= 16)
        let rows = max(0, lowest - top + 1)
        if body.count > rows, rows > 0 {
            // What the user acts on (the input, the options, the verdict) matters more than the
            // end of a long prompt: shorten the prompt first.
            let head = promptLineCount(width: textWidth)
            let tail = body.count - head
            if head > 0, tail < rows {
                let keep = rows - tail
                var lines = Array(body.prefix(keep))
                let last = lines[keep - 1].map(\.text).joined()
                var cut = last
                while !cut.isEmpty && TerminalText.width(cut) + 1 > textWidth { cut.removeLast() }
                lines[keep - 1] = [Span(cut + "…", .title)]
                body = lines + body.suffix(tail)
            } else {
                body = Array(body.prefix(rows))
                body[rows - 1] = [Span("…", .muted)]
            }
        }
        for (i, line) in body.enumerated() {
            screen.put(line, x: left, y: top + i, limit: textWidth)
        }
        if case .typing(let text, let active) = step, active, let row = inputRow(in: body) {
            let typed = Quiz.visibleInput(text, width: textWidth - 2)
            screen.cursor = Screen.Position(x: min(width - 1, left + 2 + TerminalText.width(typed)), y: top + row)
        }

        if let overlay {
            // What is under an overlay is hidden, so half-covered lines do not show at its sides.
            screen.cursor = nil
            for y in 1..<footerY { screen.fill(x: 0, y: y, count: width, style: .plain) }
            let boxWidth = min(Quiz.maximumTextWidth + 4, width - 2)
            let inner = boxWidth - 4
            switch overlay {
            case .help(let scroll):
                drawBox(
                    &screen, width: boxWidth, title: strings.helpTitle, lines: helpLines(width: inner),
                    hint: "↑↓ " + strings.scroll + " · Esc " + strings.close, scroll: scroll)
            case .explanation(let scroll):
                let text = current?.explanation ?? ""
                let lines = text.isEmpty ? [strings.noExplanation] : TerminalText.wrap(text, width: inner)
                drawBox(
                    &screen, width: boxWidth, title: strings.infoTitle, lines: lines.map { [Span($0)] },
                    hint: "↑↓ " + strings.scroll + " · Esc " + strings.close, scroll: scroll)
            }
        }
        return screen
    }

    // MARK: - Pieces

    private func drawTooSmall(_ screen: inout Screen) {
        guard screen.width > 0, screen.height > 0 else { return }
        var lines = TerminalText.wrap(strings.tooSmall(Quiz.minimumWidth, Quiz.minimumHeight), width: screen.width)
        lines.append(strings.now(screen.width, screen.height))
        let top = max(0, (screen.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let w = TerminalText.width(line)
            screen.put(line, x: max(0, (screen.width - w) / 2), y: top + i, style: i == lines.count - 1 ? .muted : .warn)
        }
    }

    private func drawHeader(_ screen: inout Screen) {
        let w = screen.width
        let counts: [Span] = [
            Span(strings.new + " "), Span("\(self.counts.new)", .info), Span("  "),
            Span(strings.learning + " "), Span("\(self.counts.learning)", .bad), Span("  "),
            Span(strings.due + " "), Span("\(self.counts.due)", .good),
        ]
        let countsWidth = counts.reduce(0) { $0 + $1.width }
        let titleRoom = w - countsWidth - 4
        // The product's name gives way to the deck's name when the terminal is narrow.
        let full = "StatusDeck · " + deckName
        let title = TerminalText.truncate(TerminalText.width(full) <= titleRoom ? full : deckName, to: titleRoom)
        screen.put(title, x: 1, y: 0, style: .title)
        screen.put(counts, x: w - 1 - countsWidth, y: 0)

        // The progress bar: done out of done + still queued.
        let total = doneCount + self.counts.total
        let label = " \(doneCount)/\(total)"
        let barWidth = max(0, w - 2 - TerminalText.width(label))
        let filled = total == 0 ? 0 : min(barWidth, barWidth * doneCount / total)
        screen.put(String(repeating: "█", count: filled), x: 1, y: 1, style: .good)
        screen.put(String(repeating: "░", count: barWidth - filled), x: 1 + filled, y: 1, style: .muted)
        screen.put(label, x: 1 + barWidth, y: 1, style: .muted)

        if let item = current {
            let stage = strings.stages[item.stage] ?? ""
            let mode = strings.modes[mode(for: item)] ?? ""
            let used = screen.put(stage + " · " + mode, x: 1, y: 2, style: .muted)
            if item.isLeech {
                screen.put(TerminalText.truncate(" · " + strings.leechBadge(item.lapses), to: max(0, w - 2 - used)), x: 1 + used, y: 2, style: .warn)
            }
        }
    }

    /// How many of the body's first lines are the wrapped prompt.
    private func promptLineCount(width: Int) -> Int {
        switch step {
        case .waiting, .finished: return 0
        default: return current.map { TerminalText.wrap($0.prompt, width: width).count } ?? 0
        }
    }

    /// The body lines for the current step, already wrapped to `width`.
    /// `roomy`: room for what helps but is not needed (a leech's contrasts, also behind `i`).
    private func bodyLines(width: Int, roomy: Bool) -> [[Span]] {
        var lines: [[Span]] = []
        func para(_ text: String, _ style: Style) {
            for l in TerminalText.wrap(text, width: width) { lines.append([Span(l, style)]) }
        }
        switch step {
        case .waiting:
            lines.append([Span(strings.loading, .muted)])
        case .finished(let nextDueIn):
            lines.append([Span(strings.sessionOver, .title)])
            lines.append([])
            if reviewedCount == 0 && doneCount == 0 {
                para(strings.nothingDue, .plain)
                lines.append([])
            }
            let n = reviewedCount
            let pct = n > 0 ? "\((rightCount * 100 + n / 2) / n)%" : "—"
            let rows: [(String, String)] = [
                (strings.reviewed, "\(n)"),
                (strings.rightPercent, pct),
                (strings.time, Quiz.duration(elapsedMillis)),
                (strings.nextDue, nextDueIn.map(strings.dueIn) ?? strings.noneScheduled),
            ]
            let labelWidth = rows.map { TerminalText.width($0.0) }.max() ?? 0
            for (label, value) in rows {
                let pad = String(repeating: " ", count: labelWidth - TerminalText.width(label) + 3)
                lines.append([Span(label + pad, .muted), Span(value, .title)])
            }
            lines.append([])
            lines.append([Span(strings.leave, .muted)])
        case .front:
            if let item = current { para(item.prompt, .title) }
            lines.append([])
            lines.append([Span(strings.show, .muted)])
        case .typing(let text, let active):
            if let item = current { para(item.prompt, .title) }
            lines.append([])
            lines.append([Span("> ", .key), Span(Quiz.visibleInput(text, width: width - 2), active ? .plain : .muted)])
            lines.append([Span(strings.typeHere, .muted)])
        case .choosing(let selected):
            if let item = current { para(item.prompt, .title) }
            lines.append([])
            for (i, option) in (current?.choices ?? []).prefix(4).enumerated() {
                let style: Style = i == selected ? .selected : .plain
                let marker = i == selected ? "›" : " "
                lines.append([
                    Span(marker, .key), Span("\(i + 1) ", .key),
                    Span(TerminalText.truncate(option, to: width - 3), style),
                ])
            }
        case .back(let outcome):
            guard let item = current else { break }
            para(item.prompt, .title)
            lines.append([Span(String(repeating: "─", count: min(width, 24)), .muted)])
            if let outcome, outcome.chosen != nil {
                for (i, option) in item.choices.prefix(4).enumerated() {
                    let isAnswer = AnswerMatcher.normalize(option) == AnswerMatcher.normalize(item.answer)
                    let mark: Span = isAnswer ? Span("✓", .good) : (i == outcome.chosen ? Span("✗", .bad) : Span(" "))
                    let style: Style = isAnswer ? .good : (i == outcome.chosen ? .bad : .muted)
                    lines.append([mark, Span("\(i + 1) ", .key), Span(TerminalText.truncate(option, to: width - 3), style)])
                }
            } else if let outcome {
                typedLines(outcome, item: item, width: width, into: &lines)
            } else {
                para(item.answer, .good)
            }
            // A hint already names the code mixed up; the leech's contrasts would repeat it.
            if roomy, item.isLeech, outcome?.hint == nil {
                for contrast in item.contrasts { para(contrast, .warn) }
            }
        }
        return lines
    }

    /// A typed answer judged: the verdict, what was typed against the answer with the characters
    /// that differ marked, and the code a wrong answer belongs to.
    private func typedLines(_ outcome: Outcome, item: QuizItem, width: Int, into lines: inout [[Span]]) {
        let slip = outcome.correct && !outcome.overridden && outcome.typed?.verdict == .slip
        let verdict =
            slip ? Span(strings.slip, .warn) : outcome.correct ? Span(strings.right, .good) : Span(strings.wrong, .bad)
        if outcome.typed?.verdict == .right || outcome.typed == nil {
            // Right: one line for the verdict and what was typed, as short as a right answer deserves.
            let given = outcome.given.isEmpty ? "—" : outcome.given
            let label = Span("  " + strings.youTyped + strings.colon, .muted)
            let room = max(1, width - verdict.width - label.width)
            lines.append([verdict, label, Span(TerminalText.truncate(given, to: room), outcome.correct ? .good : .bad)])
            for l in TerminalText.wrap(strings.answerLabel + strings.colon + item.answer, width: width) { lines.append([Span(l, .title)]) }
            return
        }
        lines.append([verdict])
        let label = strings.youTyped + strings.colon, answer = strings.answerLabel + strings.colon
        let labelWidth = max(TerminalText.width(label), TerminalText.width(answer))
        func row(_ title: String, _ pieces: [TypedAnswer.Piece], marked: Style, plain: Style) {
            let pad = String(repeating: " ", count: labelWidth - TerminalText.width(title))
            var spans = [Span(title + pad, .muted)]
            var room = max(1, width - labelWidth)
            for piece in pieces where room > 0 {
                let text = TerminalText.truncate(piece.text, to: room)
                spans.append(Span(text, piece.matched ? plain : marked))
                room -= TerminalText.width(text)
            }
            lines.append(spans)
        }
        let typedPieces = outcome.given.isEmpty ? [TypedAnswer.Piece(text: "—", matched: false)] : (outcome.typed?.typed ?? [])
        row(label, typedPieces, marked: .bad, plain: .plain)
        row(answer, outcome.typed?.expected ?? [], marked: .selected, plain: .title)
        if let hint = outcome.hint {
            for l in TerminalText.wrap(hint, width: width) { lines.append([Span(l, .warn)]) }
        }
    }

    /// The help as two columns, descriptions wrapped beside their keys.
    private func helpLines(width: Int) -> [[Span]] {
        let keyWidth = min(width / 2, strings.helpLines.map { TerminalText.width($0.0) }.max() ?? 0)
        var lines: [[Span]] = []
        for (key, what) in strings.helpLines {
            let pad = String(repeating: " ", count: max(0, keyWidth - TerminalText.width(key)) + 2)
            for (i, part) in TerminalText.wrap(what, width: max(1, width - keyWidth - 2)).enumerated() {
                let k = i == 0 ? key + pad : String(repeating: " ", count: keyWidth + 2)
                lines.append([Span(k, .key), Span(part)])
            }
        }
        return lines
    }

    /// The row of the body that holds the typed answer.
    private func inputRow(in body: [[Span]]) -> Int? {
        body.firstIndex { $0.first?.text == "> " }
    }

    /// The tail of what was typed that fits, so the cursor stays in view on long input.
    static func visibleInput(_ text: String, width: Int) -> String {
        let clean = TerminalText.sanitizeLine(text)
        guard TerminalText.width(clean) > width - 1 else { return clean }
        var out = ""
        var used = 0
        for c in clean.reversed() {
            let w = TerminalText.width(of: c)
            if used + w > width - 1 { break }
            out.insert(c, at: out.startIndex)
            used += w
        }
        return out
    }

    /// The grade keys with their intervals, one or two rows; empty when grades are not asked.
    private func gradeLines(width: Int) -> [[Span]] {
        guard case .back(let outcome) = step, let item = current else { return [] }
        let suggested = Quiz.suggested(outcome)
        let styles: [Style] = [.bad, .warn, .good, .info]
        var items: [[Span]] = []
        for grade in Rating.allCases {
            let i = grade.rawValue - 1
            let interval = i < item.intervals.count ? item.intervals[i] : ""
            var spans = [
                Span("\(grade.rawValue)", .key), Span(" "),
                Span(strings.grades[i], grade == suggested ? .selected : styles[i]),
            ]
            if !interval.isEmpty { spans.append(Span(" " + interval)) }
            items.append(spans)
        }
        return Quiz.flow(items, width: width, gap: 2)
    }

    /// Lays items left to right, starting a new row when the next does not fit.
    static func flow(_ items: [[Span]], width: Int, gap: Int) -> [[Span]] {
        var rows: [[Span]] = []
        var row: [Span] = []
        var used = 0
        for item in items {
            let w = item.reduce(0) { $0 + $1.width }
            if used > 0 && used + gap + w > width {
                rows.append(row)
                row = []
                used = 0
            }
            if used > 0 {
                row.append(Span(String(repeating: " ", count: gap)))
                used += gap
            }
            row += item
            used += w
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    /// The footer's (key, what it does) pairs for the current step, most useful first.
    private func footerItems() -> [(String, String)] {
        if overlay != nil { return [("Esc", strings.close)] }
        let s = strings
        switch step {
        case .waiting: return [("q", s.quit)]
        case .finished: return [(s.enterKey, s.quit), ("u", s.undo), ("?", s.help), ("/", s.browse)]
        case .front:
            return [(s.spaceKey, s.show), ("?", s.help), ("q", s.quit), ("u", s.undo), ("b", s.bury), ("m", s.mode), ("/", s.browse)]
        case .typing(_, let active):
            if active {
                return [
                    (s.enterKey, s.check), ("^G", s.help), ("^D", s.quit), ("^Z", s.undo), ("^B", s.bury), ("Esc", s.moreKeys),
                    ("^F", s.browse),
                ]
            }
            return [
                (s.enterKey, s.check), ("Esc", s.type), ("?", s.help), ("q", s.quit), ("u", s.undo), ("b", s.bury),
                ("m", s.mode), ("/", s.browse),
            ]
        case .choosing:
            return [
                ("1-4", s.choose), ("?", s.help), ("q", s.quit), ("↑↓", ""), ("u", s.undo), ("b", s.bury),
                ("m", s.mode), ("/", s.browse),
            ]
        case .back(let outcome):
            let g = Quiz.suggested(outcome)
            var items = [("1-4", s.grade), (s.enterKey, s.grades[g.rawValue - 1]), ("?", s.help), ("q", s.quit)]
            // Offered where the verdict is in doubt: a wrong or slipped typed answer.
            if let outcome, outcome.chosen == nil, outcome.typed?.verdict != .right {
                items.insert(("o", outcome.correct ? s.overrideWrong : s.override), at: 2)
            }
            return items + [("i", s.info), ("u", s.undo), ("b", s.bury), ("/", s.browse)]
        }
    }

    /// Footer pairs as spans, dropping the ones that do not fit.
    static func footerSpans(_ items: [(String, String)], width: Int) -> [Span] {
        var spans: [Span] = []
        var used = 0
        for (key, label) in items {
            let w = TerminalText.width(key) + (label.isEmpty ? 0 : 1 + TerminalText.width(label))
            let gap = spans.isEmpty ? 0 : 2
            if used + gap + w > width { break }
            if gap > 0 { spans.append(Span("  ")) }
            spans.append(Span(key, .key))
            if !label.isEmpty { spans.append(Span(" " + label, .muted)) }
            used += gap + w
        }
        return spans
    }

    /// A centered box over the screen with a title, lines scrolled by `scroll`, and a hint in
    /// its bottom border.
    private func drawBox(
        _ screen: inout Screen, width boxWidth: Int, title: String, lines: [[Span]], hint: String,
        scroll: Int
    ) {
        let inner = boxWidth - 4
        let maxRows = screen.height - 4
        let contentRows = max(1, min(lines.count, maxRows))
        let boxHeight = contentRows + 2
        let x = (screen.width - boxWidth) / 2
        let y = max(1, (screen.height - boxHeight) / 2)
        let maxScroll = max(0, lines.count - contentRows)
        let first = min(scroll, maxScroll)

        let titleText = TerminalText.truncate(" " + title + " ", to: boxWidth - 4)
        screen.put("┌─", x: x, y: y, style: .muted)
        let tw = screen.put(titleText, x: x + 2, y: y, style: .title)
        screen.put(String(repeating: "─", count: max(0, boxWidth - 3 - tw)) + "┐", x: x + 2 + tw, y: y, style: .muted)
        for row in 0..<contentRows {
            let yy = y + 1 + row
            screen.put("│", x: x, y: yy, style: .muted)
            screen.fill(x: x + 1, y: yy, count: boxWidth - 2, style: .plain)
            let index = first + row
            if index < lines.count { screen.put(lines[index], x: x + 2, y: yy, limit: inner) }
            screen.put("│", x: x + boxWidth - 1, y: yy, style: .muted)
        }
        var bottomHint = " " + hint + " "
        if maxScroll > 0 { bottomHint = " \(first + contentRows)/\(lines.count) ·" + bottomHint }
        let hintText = TerminalText.truncate(bottomHint, to: boxWidth - 4)
        let yb = y + boxHeight - 1
        screen.put("└─", x: x, y: yb, style: .muted)
        let hw = screen.put(hintText, x: x + 2, y: yb, style: .muted)
        screen.put(String(repeating: "─", count: max(0, boxWidth - 3 - hw)) + "┘", x: x + 2 + hw, y: yb, style: .muted)
    }
}
