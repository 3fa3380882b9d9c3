/// `StatsReport` as text for people: at most 80 columns, Unicode block charts, and ANSI colour
/// only when the caller says the output is a terminal that wants it.
///
/// The caller decides `colour` (a TTY and no `NO_COLOR`); with it off the text holds no escape
/// codes at all, so piped output and snapshots are plain.
public enum StatsTextRenderer {
    /// Columns the report never exceeds.
    public static let width = 80
    /// Rows of a bar chart; each row holds eight levels.
    static let chartRows = 4
    static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let shades: [Character] = ["·", "░", "▒", "▓", "█"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func render(_ r: StatsReport, colour: Bool) -> String {
        var p = Painter(colour: colour)
        let scope = r.deck.map { "deck " + StatsText.truncate(StatsText.sanitize($0), to: 40) } ?? "all cards"
        p.line(p.bold("StatusDeck stats") + " for " + r.today.iso + " · " + scope)
        p.line("(study days start at " + StudyDay.padded(r.dayStartsAt, 2) + ":00, " + StatsFormat.offset(r.utcOffsetSeconds) + ")")
        p.line()

        let s = r.states
        p.line(
            label("Today") + "\(r.todayAnswers) " + (r.todayAnswers == 1 ? "answer" : "answers") + " · "
                + StatsFormat.duration(milliseconds: r.todayMilliseconds) + " · again " + StatsFormat.percent(r.todayAgainRate))
        p.line(label("Streak") + "\(r.currentStreak) " + days(r.currentStreak) + " now · longest \(r.longestStreak) " + days(r.longestStreak))
        let states = "\(s.new) new · \(s.learning) learning · \(s.review) review · "
        let more = "\(s.relearning) relearning · \(s.suspended) suspended"
        if StatsText.width(states + more) <= width - 11 {
            p.line(label("Cards") + states + more)
        } else {
            p.line(label("Cards") + states)
            p.line(label("") + more)
        }
        p.line(label("Due") + "\(r.dueToday) today · \(r.dueTomorrow) tomorrow")
        p.line(
            label("Knowledge") + StatsFormat.fixed(r.knowledge, 1) + " of \(r.cardsWithMemory) cards with memory"
                + " expected to be recalled now")
        p.line()

        p.line(p.bold("Due, next \(r.forecast.count) days") + " (overdue counted today)")
        chart(r.forecast, into: &p)
        p.line(String(repeating: " ", count: 8) + axis("today", "+\(r.forecast.count - 1)d", count: r.forecast.count))
        p.line()

        let (bucketed, per) = bucket(r.answersPerDay)
        let perNote = per > 1 ? " (\(per) days a column)" : ""
        p.line(p.bold("Answers, last \(r.answersPerDay.count) " + days(r.answersPerDay.count)) + perNote)
        chart(bucketed, into: &p)
        p.line(String(repeating: " ", count: 8) + axis(r.firstAnswerDay.iso, "today", count: bucketed.count))
        p.line()

        heatmap(r, into: &p)
        p.line()

        p.line(p.bold("True retention") + " (review-stage answers rated Hard or better)")
        var header = String(repeating: " ", count: 10)
        var rates = "  passed  "
        var counts = "  of      "
        for w in r.retention {
            header += StatsFormat.leftPad(w.window, 8)
            let rate = StatsFormat.leftPad(StatsFormat.percent(w.rate), 8)
            rates += w.rate.map { $0 < r.desiredRetention ? p.paint(rate, "33") : p.paint(rate, "32") } ?? rate
            counts += StatsFormat.leftPad(String(w.reviews), 8)
        }
        p.line(header)
        p.line(rates + "   desired " + StatsFormat.percent(r.desiredRetention))
        p.line(counts)
        p.line()

        p.line(p.bold("Hardest cards") + " (lowest retrievability, then most lapses)")
        cardTable(r.hardest, into: &p)
        p.line()
        p.line(p.bold("Leeches") + " (\(StatsReport.leechLapses) or more lapses)")
        cardTable(r.leeches, into: &p)
        p.line()

        p.line(p.bold("Mastery by class") + " (codes whose cards are all mature: interval ≥ \(StatsReport.matureInterval)d)")
        for m in r.mastery {
            let share = m.codes == 0 ? nil : Double(m.mastered) / Double(m.codes)
            p.line(
                "  \(m.statusClass)xx  " + p.paint(meter(share ?? 0, width: 20), "32") + "  "
                    + StatsFormat.leftPad("\(m.mastered)/\(m.codes)", 7) + " codes  "
                    + StatsFormat.leftPad(StatsFormat.percent(share), 6))
        }
        return p.text
    }

    // MARK: - Pieces

    private static func label(_ s: String) -> String { StatsFormat.rightPad(s, 11) }

    private static func days(_ n: Int) -> String { n == 1 ? "day" : "days" }

    /// Columns per value: two while they fit (a gap makes bars readable), else one.
    static func columns(for count: Int) -> Int { count * 2 <= 72 ? 2 : 1 }

    /// Fits a series into 72 columns by summing runs of days.
    static func bucket(_ values: [Int]) -> ([Int], Int) {
        guard values.count > 72 else { return (values, 1) }
        let per = (values.count + 71) / 72
        var out: [Int] = []
        // Align buckets on today so the last column is whole.
        var end = values.count
        while end > 0 {
            let start = max(0, end - per)
            out.append(values[start..<end].reduce(0, +))
            end = start
        }
        return (out.reversed(), per)
    }

    /// A vertical bar chart `chartRows` high; the top row is labelled with the largest value.
    static func chart(_ values: [Int], into p: inout Painter) {
        let top = values.max() ?? 0
        guard top > 0 else {
            p.line(String(repeating: " ", count: 8) + "none")
            return
        }
        let step = columns(for: values.count)
        let levels = chartRows * 8
        let heights = values.map { v -> Int in
            guard v > 0 else { return 0 }
            return max(1, (v * levels + top / 2) / top)
        }
        for row in 0..<chartRows {
            let floor = (chartRows - 1 - row) * 8
            var bars = ""
            for h in heights {
                bars.append(eighths[min(8, max(0, h - floor))])
                if step == 2 { bars.append(" ") }
            }
            while bars.last == " " { bars.removeLast() }
            let tick = row == 0 ? String(top) : (row == chartRows - 1 ? "0" : "")
            p.line(StatsFormat.leftPad(tick, 6) + " ┤" + p.paint(bars, "36"))
        }
    }

    /// `left` under the first bar and `right` ending under the last.
    static func axis(_ left: String, _ right: String, count: Int) -> String {
        let span = count * columns(for: count) - (columns(for: count) == 2 ? 1 : 0)
        let gap = span - StatsText.width(left) - StatsText.width(right)
        return left + String(repeating: " ", count: max(1, gap)) + right
    }

    /// A GitHub-style calendar: one column a week (Monday first), one row a weekday.
    static func heatmap(_ r: StatsReport, into p: inout Painter) {
        let first = r.firstCalendarDay
        let start = first.advanced(by: -Int64(first.weekday))
        let weeks = Int((r.today.number - start.number) / 7) + 1
        let top = r.calendar.max() ?? 0
        let quartiles = shadeLimits(r.calendar)
        p.line(p.bold("Past year") + " (\(r.calendar.reduce(0, +)) answers, busiest day \(top))")
        var monthsLine = [Character](repeating: " ", count: 4 + weeks + 3)
        var lastMonth = -1
        for w in 0..<weeks {
            let day = start.advanced(by: Int64(w * 7 + 6))
            let month = day.date.month
            if month != lastMonth {
                if w > 0 || day.date.day <= 7 {
                    for (i, c) in months[month - 1].enumerated() where 4 + w + i < monthsLine.count {
                        monthsLine[4 + w + i] = c
                    }
                }
                lastMonth = month
            }
        }
        p.line(String(monthsLine).trimmingTrailingSpaces)
        let names = ["Mon", "", "Wed", "", "Fri", "", "Sun"]
        for weekday in 0..<7 {
            var row = StatsFormat.rightPad(names[weekday], 4)
            // Runs of one style are painted together so colour adds few escape codes.
            var run = "", style = 0
            func flush() {
                row += style == 0 ? run : p.paint(run, style == 1 ? "2" : "32")
                run = ""
            }
            for w in 0..<weeks {
                let day = start.advanced(by: Int64(w * 7 + weekday))
                var cell: Character = " ", cellStyle = 0
                if day >= first && day <= r.today {
                    let count = r.calendar[Int(day.number - first.number)]
                    let level = count == 0 ? 0 : 1 + quartiles.filter { count > $0 }.count
                    cell = shades[level]
                    cellStyle = level == 0 ? 1 : 2
                }
                if cellStyle != style {
                    flush()
                    style = cellStyle
                }
                run.append(cell)
            }
            flush()
            p.line(row.trimmingTrailingSpaces)
        }
        p.line("    less " + p.paint("·", "2") + " " + p.paint("░ ▒ ▓ █", "32") + " more (quarters of the days with answers)")
    }

    /// The first, second and third quartiles of the days with answers (nearest rank): a day
    /// shades darker for each it exceeds. Quartiles rather than a share of the busiest day, so
    /// one marathon day does not wash every other day out to the lightest shade.
    static func shadeLimits(_ counts: [Int]) -> [Int] {
        let busy = counts.filter { $0 > 0 }.sorted()
        guard !busy.isEmpty else { return [] }
        return (1...3).map { busy[min(busy.count - 1, $0 * busy.count / 4)] }
    }

    static func cardTable(_ cards: [StatsReport.CardFigure], into p: inout Painter) {
        guard !cards.isEmpty else {
            p.line("  none")
            return
        }
        p.line("  " + StatsFormat.rightPad("CARD", 44) + "  CODE  RECALL  LAPSES  DIFFICULTY")
        for c in cards {
            let id = StatsText.truncate(StatsText.sanitize(c.id), to: 44)
            p.line(
                "  " + StatsFormat.rightPad(id, 44) + "  "
                    + StatsFormat.leftPad(c.code.map(String.init) ?? "–", 4)
                    + StatsFormat.leftPad(StatsFormat.percent(c.retrievability), 8)
                    + StatsFormat.leftPad(String(c.lapses), 8)
                    + StatsFormat.leftPad(c.difficulty.map { StatsFormat.fixed($0, 1) } ?? "–", 12))
        }
    }

    /// A horizontal meter `width` cells wide in eighths.
    static func meter(_ share: Double, width: Int) -> String {
        let units = Int((max(0, min(1, share)) * Double(width * 8)).rounded())
        var s = String(repeating: "█", count: units / 8)
        if units % 8 > 0 { s.append(["▏", "▎", "▍", "▌", "▋", "▊", "▉"][units % 8 - 1]) }
        return s + String(repeating: "·", count: width - StatsText.width(s))
    }

    /// Builds the lines; paints with ANSI SGR only when colour is on.
    struct Painter {
        let colour: Bool
        var text = ""

        mutating func line(_ s: String = "") { text += s + "\n" }

        func paint(_ s: String, _ sgr: String) -> String {
            colour && !s.isEmpty ? "\u{1B}[" + sgr + "m" + s + "\u{1B}[0m" : s
        }

        func bold(_ s: String) -> String { paint(s, "1") }
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
