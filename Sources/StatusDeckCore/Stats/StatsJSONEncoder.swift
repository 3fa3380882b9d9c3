import FSRS
import StatusDeckHistory

/// `StatsReport` as JSON for scripts, keys always in the documented order (README "## Stats").
///
/// Written by hand rather than with `JSONEncoder` so the key order is fixed, numbers have a fixed
/// number of decimals and Core stays free of Foundation. Shares are rounded to 4 decimals; a share
/// with nothing to divide is `null`.
public enum StatsJSONEncoder {
    public static func encode(_ r: StatsReport) -> String {
        var o = Writer()
        o.open("{")
        o.key("version")
        o.raw("1")
        o.key("now")
        o.string(RFC3339.format(r.now))
        o.key("today")
        o.string(r.today.iso)
        o.key("day_starts_at")
        o.raw(String(r.dayStartsAt))
        o.key("utc_offset_seconds")
        o.raw(String(r.utcOffsetSeconds))
        o.key("deck")
        if let d = r.deck { o.string(d) } else { o.raw("null") }
        o.key("today_answers")
        o.open("{")
        o.key("answers")
        o.raw(String(r.todayAnswers))
        o.key("milliseconds")
        o.raw(String(r.todayMilliseconds))
        o.key("again")
        o.raw(String(r.todayAgain))
        o.key("again_rate")
        o.share(r.todayAgainRate)
        o.close("}")
        let s = r.states
        o.key("cards")
        o.open("{")
        for (k, v) in [
            ("new", s.new), ("learning", s.learning), ("review", s.review),
            ("relearning", s.relearning), ("suspended", s.suspended), ("total", s.total),
        ] {
            o.key(k)
            o.raw(String(v))
        }
        o.close("}")
        o.key("due")
        o.open("{")
        o.key("today")
        o.raw(String(r.dueToday))
        o.key("tomorrow")
        o.raw(String(r.dueTomorrow))
        o.close("}")
        o.key("forecast")
        days(r.forecast, from: r.today, into: &o)
        o.key("answers_per_day")
        days(r.answersPerDay, from: r.firstAnswerDay, into: &o)
        o.key("calendar")
        days(r.calendar, from: r.firstCalendarDay, skippingZeros: true, into: &o)
        o.key("streak")
        o.open("{")
        o.key("current")
        o.raw(String(r.currentStreak))
        o.key("longest")
        o.raw(String(r.longestStreak))
        o.close("}")
        o.key("retention")
        o.open("{")
        o.key("desired")
        o.share(r.desiredRetention)
        o.key("windows")
        o.open("[")
        for w in r.retention {
            o.element()
            o.inline {
                $0.key("window")
                $0.string(w.window)
                $0.key("days")
                $0.raw(String(w.days))
                $0.key("reviews")
                $0.raw(String(w.reviews))
                $0.key("passed")
                $0.raw(String(w.passed))
                $0.key("rate")
                $0.share(w.rate)
            }
        }
        o.close("]")
        o.close("}")
        o.key("knowledge")
        o.open("{")
        o.key("expected_recalled")
        o.raw(StatsFormat.fixed(r.knowledge, 2))
        o.key("cards_with_memory")
        o.raw(String(r.cardsWithMemory))
        o.close("}")
        o.key("hardest")
        cards(r.hardest, into: &o)
        o.key("leeches")
        cards(r.leeches, into: &o)
        o.key("mastery")
        o.open("[")
        for m in r.mastery {
            o.element()
            o.inline {
                $0.key("class")
                $0.string("\(m.statusClass)xx")
                $0.key("codes")
                $0.raw(String(m.codes))
                $0.key("mastered")
                $0.raw(String(m.mastered))
                $0.key("cards")
                $0.raw(String(m.cards))
                $0.key("mature_cards")
                $0.raw(String(m.matureCards))
            }
        }
        o.close("]")
        o.close("}")
        return o.text + "\n"
    }

    private static func days(
        _ values: [Int], from first: StudyDay, skippingZeros: Bool = false,
        into o: inout Writer
    ) {
        o.open("[")
        for (i, v) in values.enumerated() where v > 0 || !skippingZeros {
            o.element()
            o.inline {
                $0.key("date")
                $0.string(first.advanced(by: Int64(i)).iso)
                $0.key("count")
                $0.raw(String(v))
            }
        }
        o.close("]")
    }

    private static func cards(_ list: [StatsReport.CardFigure], into o: inout Writer) {
        o.open("[")
        for c in list {
            o.element()
            o.inline {
                $0.key("card")
                $0.string(c.id)
                $0.key("code")
                $0.raw(c.code.map(String.init) ?? "null")
                $0.key("retrievability")
                $0.share(c.retrievability)
                $0.key("lapses")
                $0.raw(String(c.lapses))
                $0.key("difficulty")
                $0.raw(c.difficulty.map { StatsFormat.fixed($0, 4) } ?? "null")
                $0.key("stability")
                $0.raw(c.stability.map { StatsFormat.fixed($0, 4) } ?? "null")
            }
        }
        o.close("]")
    }

    /// Indented JSON: objects and arrays open a level; `inline` writes a small object on one line
    /// so per-day arrays stay one entry a line.
    struct Writer {
        var text = ""
        private var depth = 0
        private var first = [true]
        private var inlineMode = false

        mutating func open(_ bracket: String) {
            text += bracket
            depth += 1
            first.append(true)
        }

        mutating func close(_ bracket: String) {
            depth -= 1
            let empty = first.removeLast()
            if !empty && !inlineMode { newline() }
            text += bracket
        }

        private mutating func newline() {
            text += "\n" + String(repeating: "  ", count: depth)
        }

        private mutating func separate() {
            if first[first.count - 1] { first[first.count - 1] = false } else { text += inlineMode ? ", " : "," }
            if !inlineMode { newline() }
        }

        mutating func key(_ k: String) {
            separate()
            text += "\"" + k + "\": "
        }

        mutating func element() { separate() }

        mutating func inline(_ body: (inout Writer) -> Void) {
            text += "{"
            first.append(true)
            inlineMode = true
            body(&self)
            inlineMode = false
            first.removeLast()
            text += "}"
        }

        mutating func raw(_ s: String) { text += s }

        mutating func share(_ x: Double?) { text += x.map { StatsFormat.fixed($0, 4) } ?? "null" }

        mutating func string(_ s: String) { text += JSONString.quoted(s) }
    }
}
