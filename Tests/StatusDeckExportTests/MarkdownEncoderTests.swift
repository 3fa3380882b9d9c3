import Testing
@testable import StatusDeckExport

@Suite struct MarkdownEncoderTests {
    @Test func cardsAreGroupedByClassWithMarkupEscaped() {
        var deck = ExportFixtures.english
        deck.notes.append(ExportFixtures.chinese)
        let md = MarkdownEncoder.encode([deck], exportedAt: ExportFixtures.exportedAt)
        #expect(md == """
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
}
