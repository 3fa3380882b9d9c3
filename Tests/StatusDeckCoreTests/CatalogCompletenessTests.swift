import Testing

@testable import StatusDeckCore

/// The catalog covers the whole IANA registry. The 4xx and 5xx entries are written on another
/// branch, so this suite passes only once both branches are merged.
@Suite struct CatalogCompletenessTests {
    @Test func registryListIsTheOneWeCopied() {
        // 100–104, 200–208, 226, 300–308, 400–418, 421–426, 428, 429, 431, 451, 500–508, 510, 511.
        var expected = Array(100...104) + Array(200...208) + [226] + Array(300...308)
        expected += Array(400...418) + Array(421...426) + [428, 429, 431, 451]
        expected += Array(500...508) + [510, 511]
        #expect(IANARegistry.codes.keys.sorted() == expected)
        #expect(IANARegistry.codes[413] == "Content Too Large")
        #expect(IANARegistry.codes[422] == "Unprocessable Content")
        #expect(IANARegistry.codes[418] == "(Unused)")
    }

    @Test func catalogHasEveryRegisteredCode() {
        let missing = IANARegistry.codes.keys.filter { Catalog.entry($0) == nil }.sorted()
        #expect(missing == [], "codes without a catalog entry: \(missing)")
        #expect(Catalog.all.map(\.code) == IANARegistry.codes.keys.sorted())
    }

    @Test func phrasesMatchTheRegistry() {
        for (code, phrase) in IANARegistry.codes {
            #expect(Catalog.entry(code)?.phrase == phrase, "\(code)")
        }
    }

    @Test func olderNamesAreKnown() {
        #expect(Catalog.entry(413)?.formerPhrases.contains("Payload Too Large") == true)
        #expect(Catalog.entry(422)?.formerPhrases.contains("Unprocessable Entity") == true)
        #expect(Catalog.entry(418)?.formerPhrases.contains("I'm a teapot") == true)
        #expect(Catalog.entry(418)?.flags.contains(.unused) == true)
        #expect(Catalog.entry(510)?.flags.contains(.historic) == true)
        #expect(Catalog.entry(102)?.flags.contains(.obsoleted) == true)
    }
}
