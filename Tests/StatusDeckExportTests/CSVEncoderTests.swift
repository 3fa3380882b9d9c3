import Testing

@testable import StatusDeckExport

@Suite struct CSVEncoderTests {
    @Test func recordsEndInCRLFAndQuotesAreDoubled() {
        let csv = CSVEncoder.encode([ExportFixtures.english, ExportFixtures.mixed], withHistory: false)
        #expect(
            csv == "guid,card_id,deck,front,back,extra,tags,class\r\n"
                + "G404,http/404/code-to-meaning,HTTP (English),404,Not Found,\"No current representation.\n- try 410 when it is gone <for good>\",statusdeck 4xx,4xx\r\n"
                + "G200,http/200/meaning-to-code,HTTP (English),\"OK, \"\"all good\"\"\",200,,statusdeck 2xx two_words,2xx\r\n"
                + "GZH,http/404/meaning-to-code,HTTP (中文),未找到 *资源*,404,请求的资源\t不存在,statusdeck,\r\n")
    }

    @Test func historyAddsTheSchedulingColumns() {
        let csv = CSVEncoder.encode([ExportFixtures.englishWithHistory], withHistory: true)
        let records = csv.components(separatedBy: "\r\n")
        #expect(records[0] == "guid,card_id,deck,front,back,extra,tags,class,state,due,last_review,stability,difficulty,reps,lapses,reviews")
        #expect(records[1].hasSuffix(",4xx,review,2026-11-21T03:10:00.000Z,2026-11-18T03:10:00.000Z,3.25,4.5,2,0,2"))
        #expect(records[2].hasSuffix(",2xx,new,,,,,0,0,0"))
        #expect(records.count == 4 && records[3].isEmpty)
    }
}
