import Testing

@testable import StatusDeckExport

@Suite struct JSONExportEncoderTests {
    @Test func withoutHistoryOnlyTheCards() {
        let json = JSONExportEncoder.encode([ExportFixtures.mixed], exportedAt: ExportFixtures.exportedAt, withHistory: false)
        #expect(
            json == """
                {
                  "format": "statusdeck-export",
                  "version": 1,
                  "exported_at": "2026-11-22T03:00:00.000Z",
                  "with_history": false,
                  "decks": [
                    {
                      "id": "http-zh",
                      "name": "HTTP (中文)",
                      "language": "zh",
                      "cards": [
                        {
                          "id": "http/404/meaning-to-code",
                          "guid": "GZH",
                          "front": "未找到 *资源*",
                          "back": "404",
                          "extra": "请求的资源\\t不存在",
                          "tags": [
                            "statusdeck"
                          ],
                          "class": null
                        }
                      ]
                    }
                  ]
                }

                """)
    }

    @Test func withHistoryEachCardCarriesSchedulingAndReviews() {
        var deck = ExportFixtures.englishWithHistory
        deck.notes.removeLast()
        let json = JSONExportEncoder.encode([deck], exportedAt: ExportFixtures.exportedAt, withHistory: true)
        #expect(
            json.contains(
                """
                          "class": 4,
                          "scheduling": {
                            "state": "review",
                            "due": "2026-11-21T03:10:00.000Z",
                            "last_review": "2026-11-18T03:10:00.000Z",
                            "interval_days": 3,
                            "stability": 3.25,
                            "difficulty": 4.5,
                            "reps": 2,
                            "lapses": 0,
                            "suspended": false
                          },
                          "reviews": [
                            {
                              "id": "e1",
                              "at": "2026-11-18T03:00:00.000Z",
                              "rating": 3,
                              "duration_ms": 4200,
                              "kind": "learning",
                              "scheduled_seconds": 600
                            },
                """))
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONValue.string("a\u{1B}[31m\u{7}b\u{2028}").rendered() == #""a\u001b[31m\u0007b\u2028""#)
        #expect(JSONValue.double(.nan).rendered() == "null")
        #expect(JSONValue.object([("b", .int(1)), ("a", .array([]))]).rendered() == #"{"b":1,"a":[]}"#)
    }
}
