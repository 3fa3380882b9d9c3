import Testing

@testable import StatusDeckExport

@Suite struct AnkiTextEncoderTests {
    @Test func oneDeckNamesItInTheHeaderAndQuotesOnlyWhatNeedsIt() {
        let text = AnkiTextEncoder.encode([ExportFixtures.english])
        #expect(
            text == "#separator:tab\n#html:false\n#notetype:StatusDeck\n"
                + "#deck:StatusDeck::HTTP (English)\n#columns:GUID\tFront\tBack\tExtra\tTags\n"
                + "#guid column:1\n#tags column:5\n"
                + "G404\t404\tNot Found\t\"No current representation.\n- try 410 when it is gone <for good>\"\tstatusdeck 4xx\n"
                + "G200\t\"OK, \"\"all good\"\"\"\t200\t\tstatusdeck 2xx two_words\n")
    }

    @Test func severalDecksGoInADeckColumn() {
        let text = AnkiTextEncoder.encode([ExportFixtures.english, ExportFixtures.mixed])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!text.contains("#deck:"))
        #expect(lines.contains("#columns:GUID\tDeck\tFront\tBack\tExtra\tTags"))
        #expect(lines.contains("#deck column:2"))
        #expect(lines.contains("#tags column:6"))
        #expect(lines.contains("GZH\tStatusDeck::HTTP (中文)\t未找到 *资源*\t404\t\"请求的资源\t不存在\"\tstatusdeck"))
    }
}
