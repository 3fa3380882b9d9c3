import Testing

@testable import StatusDeckCore

/// The whole report on the fixed fixture, compared character for character.
@Suite struct StatsSnapshotTests {
    @Test func textForPeople() {
        let text = StatsTextRenderer.render(StatsReport(StatsFixture.input), colour: false)
        #expect(text == Self.expectedText)
    }

    @Test func oneAnswerIsSingular() {
        var report = StatsReport(StatsFixture.input)
        report.todayAnswers = 1
        let text = StatsTextRenderer.render(report, colour: false)
        #expect(text.contains("\nToday      1 answer · "))
    }

    @Test func textFitsEightyColumnsAndHasNoEscapesWithoutColour() {
        let text = StatsTextRenderer.render(StatsReport(StatsFixture.input), colour: false)
        for line in text.split(separator: "\n") {
            #expect(StatsText.width(String(line)) <= 80, "\(line)")
        }
        #expect(!text.contains("\u{1B}"))
    }

    @Test func colourAddsOnlyEscapeCodes() {
        let plain = StatsTextRenderer.render(StatsReport(StatsFixture.input), colour: false)
        let coloured = StatsTextRenderer.render(StatsReport(StatsFixture.input), colour: true)
        #expect(coloured.contains("\u{1B}[32m"))
        #expect(Self.strippingSGR(coloured) == plain)
    }

    @Test func jsonForScripts() {
        var input = StatsFixture.input
        input.days = 7
        #expect(StatsJSONEncoder.encode(StatsReport(input)) == Self.expectedJSON)
    }

    static func strippingSGR(_ s: String) -> String {
        var out = ""
        var inEscape = false
        for c in s.unicodeScalars {
            if inEscape {
                if c == "m" { inEscape = false }
            } else if c == "\u{1B}" {
                inEscape = true
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static let expectedText = """
        StatusDeck stats for 2026-11-22 · all cards
        (study days start at 04:00, UTC+08:00)

        Today      3 answers · 8s · again 66.7%
        Streak     3 days now · longest 5 days
        Cards      1 new · 1 learning · 6 review · 1 relearning · 1 suspended
        Due        2 today · 1 tomorrow
        Knowledge  7.4 of 9 cards with memory expected to be recalled now

        Due, next 30 days (overdue counted today)
             2 ┤█
               ┤█
               ┤█ █       █       █                   █           █
             0 ┤█ █       █       █                   █           █
                today                                                  +29d

        Answers, last 30 days
             3 ┤                                                        █ █
               ┤                                                        █ █
               ┤                              ▃ ▃ ▃ ▃ ▃               ▃ █ █
             0 ┤                              █ █ █ █ █               █ █ █
                2026-10-24                                            today

        Past year (16 answers, busiest day 4)
              Dec Jan Feb Mar  Apr May  Jun Jul Aug  Sep Oct Nov
        Mon  ··················································░·
             ··················································░·
        Wed  ·······················█··························░·
             ··················································░·
        Fri  ···················································░
             ···················································▓
        Sun ··················································░·▓
            less · ░ ▒ ▓ █ more (quarters of the days with answers)

        True retention (review-stage answers rated Hard or better)
                       day    week   month    year
          passed     50.0%   66.7%   81.8%   81.8%   desired 90.0%
          of             2       6      11      11

        Hardest cards (lowest retrievability, then most lapses)
          CARD                                          CODE  RECALL  LAPSES  DIFFICULTY
          http/5xx/class                                   –   55.0%       0         4.0
          http/301/code-to-meaning                       301   62.0%       9         9.1
          http/404/code-to-meaning                       404   70.0%       0         6.0
          http/503/code-to-meaning                       503   80.0%       8         8.0
          http/204/code-to-meaning                       204   88.0%       1         4.0
          http/418/code-to-meaning                       418   91.0%       0         3.5
          http/200/meaning-to-code                       200   93.0%       0         5.0
          http/100/code-to-meaning                       100   97.0%       0         3.0
          http/200/code-to-meaning                       200   99.0%       0         2.5

        Leeches (8 or more lapses)
          CARD                                          CODE  RECALL  LAPSES  DIFFICULTY
          http/301/code-to-meaning                       301   62.0%       9         9.1
          http/503/code-to-meaning                       503   80.0%       8         8.0

        Mastery by class (codes whose cards are all mature: interval ≥ 21d)
          1xx  ████████████████████      1/1 codes  100.0%
          2xx  ██████████··········      1/2 codes   50.0%
          3xx  ····················      0/1 codes    0.0%
          4xx  ██████████··········      1/2 codes   50.0%
          5xx  ····················      0/1 codes    0.0%

        """

    static let expectedJSON = """
        {
          "version": 1,
          "now": "2026-11-22T12:00:00.000Z",
          "today": "2026-11-22",
          "day_starts_at": 4,
          "utc_offset_seconds": 28800,
          "deck": null,
          "today_answers": {
            "answers": 3,
            "milliseconds": 8000,
            "again": 2,
            "again_rate": 0.6667
          },
          "cards": {
            "new": 1,
            "learning": 1,
            "review": 6,
            "relearning": 1,
            "suspended": 1,
            "total": 10
          },
          "due": {
            "today": 2,
            "tomorrow": 1
          },
          "forecast": [
            {"date": "2026-11-22", "count": 2},
            {"date": "2026-11-23", "count": 1},
            {"date": "2026-11-24", "count": 0},
            {"date": "2026-11-25", "count": 0},
            {"date": "2026-11-26", "count": 0},
            {"date": "2026-11-27", "count": 1},
            {"date": "2026-11-28", "count": 0},
            {"date": "2026-11-29", "count": 0},
            {"date": "2026-11-30", "count": 0},
            {"date": "2026-12-01", "count": 1},
            {"date": "2026-12-02", "count": 0},
            {"date": "2026-12-03", "count": 0},
            {"date": "2026-12-04", "count": 0},
            {"date": "2026-12-05", "count": 0},
            {"date": "2026-12-06", "count": 0},
            {"date": "2026-12-07", "count": 0},
            {"date": "2026-12-08", "count": 0},
            {"date": "2026-12-09", "count": 0},
            {"date": "2026-12-10", "count": 0},
            {"date": "2026-12-11", "count": 1},
            {"date": "2026-12-12", "count": 0},
            {"date": "2026-12-13", "count": 0},
            {"date": "2026-12-14", "count": 0},
            {"date": "2026-12-15", "count": 0},
            {"date": "2026-12-16", "count": 0},
            {"date": "2026-12-17", "count": 1},
            {"date": "2026-12-18", "count": 0},
            {"date": "2026-12-19", "count": 0},
            {"date": "2026-12-20", "count": 0},
            {"date": "2026-12-21", "count": 0}
          ],
          "answers_per_day": [
            {"date": "2026-11-16", "count": 0},
            {"date": "2026-11-17", "count": 0},
            {"date": "2026-11-18", "count": 0},
            {"date": "2026-11-19", "count": 0},
            {"date": "2026-11-20", "count": 1},
            {"date": "2026-11-21", "count": 3},
            {"date": "2026-11-22", "count": 3}
          ],
          "calendar": [
            {"date": "2026-05-06", "count": 4},
            {"date": "2026-11-08", "count": 1},
            {"date": "2026-11-09", "count": 1},
            {"date": "2026-11-10", "count": 1},
            {"date": "2026-11-11", "count": 1},
            {"date": "2026-11-12", "count": 1},
            {"date": "2026-11-20", "count": 1},
            {"date": "2026-11-21", "count": 3},
            {"date": "2026-11-22", "count": 3}
          ],
          "streak": {
            "current": 3,
            "longest": 5
          },
          "retention": {
            "desired": 0.9000,
            "windows": [
              {"window": "day", "days": 1, "reviews": 2, "passed": 1, "rate": 0.5000},
              {"window": "week", "days": 7, "reviews": 6, "passed": 4, "rate": 0.6667},
              {"window": "month", "days": 30, "reviews": 11, "passed": 9, "rate": 0.8182},
              {"window": "year", "days": 365, "reviews": 11, "passed": 9, "rate": 0.8182}
            ]
          },
          "knowledge": {
            "expected_recalled": 7.35,
            "cards_with_memory": 9
          },
          "hardest": [
            {"card": "http/5xx/class", "code": null, "retrievability": 0.5500, "lapses": 0, "difficulty": 4.0000, "stability": 3.0000},
            {"card": "http/301/code-to-meaning", "code": 301, "retrievability": 0.6200, "lapses": 9, "difficulty": 9.1000, "stability": 1.2000},
            {"card": "http/404/code-to-meaning", "code": 404, "retrievability": 0.7000, "lapses": 0, "difficulty": 6.0000, "stability": 0.5000},
            {"card": "http/503/code-to-meaning", "code": 503, "retrievability": 0.8000, "lapses": 8, "difficulty": 8.0000, "stability": 20.0000},
            {"card": "http/204/code-to-meaning", "code": 204, "retrievability": 0.8800, "lapses": 1, "difficulty": 4.0000, "stability": 25.0000},
            {"card": "http/418/code-to-meaning", "code": 418, "retrievability": 0.9100, "lapses": 0, "difficulty": 3.5000, "stability": 30.0000},
            {"card": "http/200/meaning-to-code", "code": 200, "retrievability": 0.9300, "lapses": 0, "difficulty": 5.0000, "stability": 8.0000},
            {"card": "http/100/code-to-meaning", "code": 100, "retrievability": 0.9700, "lapses": 0, "difficulty": 3.0000, "stability": 40.0000},
            {"card": "http/200/code-to-meaning", "code": 200, "retrievability": 0.9900, "lapses": 0, "difficulty": 2.5000, "stability": 60.0000}
          ],
          "leeches": [
            {"card": "http/301/code-to-meaning", "code": 301, "retrievability": 0.6200, "lapses": 9, "difficulty": 9.1000, "stability": 1.2000},
            {"card": "http/503/code-to-meaning", "code": 503, "retrievability": 0.8000, "lapses": 8, "difficulty": 8.0000, "stability": 20.0000}
          ],
          "mastery": [
            {"class": "1xx", "codes": 1, "mastered": 1, "cards": 1, "mature_cards": 1},
            {"class": "2xx", "codes": 2, "mastered": 1, "cards": 3, "mature_cards": 2},
            {"class": "3xx", "codes": 1, "mastered": 0, "cards": 1, "mature_cards": 0},
            {"class": "4xx", "codes": 2, "mastered": 1, "cards": 3, "mature_cards": 1},
            {"class": "5xx", "codes": 1, "mastered": 0, "cards": 0, "mature_cards": 0}
          ]
        }

        """
}
