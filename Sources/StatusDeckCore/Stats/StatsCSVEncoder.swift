import StatusDeckHistory

/// `StatsReport` as CSV for scripts: one long table `metric,key,value`, quoted as RFC 4180 says,
/// lines ending in LF so `grep` and `cut` work on it directly.
///
/// One shape for every figure means a script filters by `metric` and never has to know how many
/// sections there are or where each begins. `key` is empty for single figures and otherwise a
/// date, a state, a window, a class or a card id; rows keep the report's order (days oldest first,
/// cards in rank order). Shares have 4 decimals; a share with nothing to divide is empty.
public enum StatsCSVEncoder {
    public static func encode(_ r: StatsReport) -> String {
        var out = "metric,key,value\n"
        func row(_ metric: String, _ key: String, _ value: String) {
            out += metric + "," + field(key) + "," + field(value) + "\n"
        }
        func share(_ x: Double?) -> String { x.map { StatsFormat.fixed($0, 4) } ?? "" }
        row("now", "", RFC3339.format(r.now))
        row("today", "", r.today.iso)
        row("day_starts_at", "", String(r.dayStartsAt))
        row("utc_offset_seconds", "", String(r.utcOffsetSeconds))
        row("deck", "", r.deck ?? "")
        row("today.answers", "", String(r.todayAnswers))
        row("today.milliseconds", "", String(r.todayMilliseconds))
        row("today.again", "", String(r.todayAgain))
        row("today.again_rate", "", share(r.todayAgainRate))
        let s = r.states
        for (k, v) in [
            ("new", s.new), ("learning", s.learning), ("review", s.review),
            ("relearning", s.relearning), ("suspended", s.suspended), ("total", s.total),
        ] {
            row("cards", k, String(v))
        }
        row("due", "today", String(r.dueToday))
        row("due", "tomorrow", String(r.dueTomorrow))
        for (i, v) in r.forecast.enumerated() { row("forecast", r.today.advanced(by: Int64(i)).iso, String(v)) }
        for (i, v) in r.answersPerDay.enumerated() {
            row("answers_per_day", r.firstAnswerDay.advanced(by: Int64(i)).iso, String(v))
        }
        for (i, v) in r.calendar.enumerated() where v > 0 { row("calendar", r.firstCalendarDay.advanced(by: Int64(i)).iso, String(v)) }
        row("streak", "current", String(r.currentStreak))
        row("streak", "longest", String(r.longestStreak))
        row("retention.desired", "", share(r.desiredRetention))
        for w in r.retention {
            row("retention.reviews", w.window, String(w.reviews))
            row("retention.passed", w.window, String(w.passed))
            row("retention.rate", w.window, share(w.rate))
        }
        row("knowledge.expected_recalled", "", StatsFormat.fixed(r.knowledge, 2))
        row("knowledge.cards_with_memory", "", String(r.cardsWithMemory))
        for (name, list) in [("hardest", r.hardest), ("leech", r.leeches)] {
            for c in list {
                row(name + ".code", c.id, c.code.map(String.init) ?? "")
                row(name + ".retrievability", c.id, share(c.retrievability))
                row(name + ".lapses", c.id, String(c.lapses))
                row(name + ".difficulty", c.id, c.difficulty.map { StatsFormat.fixed($0, 4) } ?? "")
            }
        }
        for m in r.mastery {
            let k = "\(m.statusClass)xx"
            row("mastery.codes", k, String(m.codes))
            row("mastery.mastered", k, String(m.mastered))
            row("mastery.cards", k, String(m.cards))
            row("mastery.mature_cards", k, String(m.matureCards))
        }
        return out
    }

    /// Quotes a field that holds a comma, quote or line break, doubling quotes inside.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        var quoted = "\""
        for c in s {
            if c == "\"" { quoted += "\"" }
            quoted.append(c)
        }
        return quoted + "\""
    }
}
