import Testing

@testable import StatusDeckExport

@Suite struct MarkdownEncoderTests {
    @Test func cardsAreGroupedByClassWithMarkupEscaped() {
        var deck = ExportFixtures.english
        deck.notes.append(ExportFixtures.chinese)
        let md = MarkdownEncoder.encode([deck], exportedAt: ExportFixtures.exportedAt)
        #expect(
            md == """
                # HTTP (English)

                StatusDeck study sheet, 3 cards, exported 2026-11-22.

                ## 2xx Successful

                - **OK, "all good"**: 200

                ## 4xx Client Error

                - **404**: Not Found
                  No current representation.
                  \\- try 410 when it is gone \\<for good\\>

                ## Other

                - **未找到 \\*资源\\***: 404
                  请求的资源\t不存在

                """)
    }

    /// The cards of one code share an explanation: it is printed under the first card only.
    @Test func aSharedExplanationIsPrintedOnce() {
        var deck = ExportFixtures.english
        var second = deck.notes[0]
        second.cardID += "-again"
        second.front = "Which code is Not Found?"
        second.back = "404"
        deck.notes.append(second)
        let md = MarkdownEncoder.encode([deck], exportedAt: ExportFixtures.exportedAt)
        #expect(md.components(separatedBy: "No current representation.").count == 2)
        #expect(md.contains("- **Which code is Not Found?**: 404\n"))
    }
}
