import Testing

@testable import StatusDeckCore

/// Facts every catalog entry must get right, whichever branch wrote it.
@Suite struct CatalogTests {
    @Test func sortedAndUnique() {
        let codes = Catalog.all.map(\.code)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
    }

    @Test func everyEntryIsRegisteredWithItsPhrase() {
        for entry in Catalog.all {
            #expect(IANARegistry.codes[entry.code] == entry.phrase, "\(entry.code)")
        }
    }

    @Test func everyTextFieldIsFilledInBothLanguages() {
        for entry in Catalog.all {
            for text in [entry.name, entry.summary, entry.detail, entry.scenario] {
                #expect(!text.zh.isEmpty && !text.en.isEmpty, "\(entry.code)")
                #expect(text.zh != text.en || text.en == entry.phrase, "\(entry.code) untranslated: \(text.en)")
            }
            #expect(!entry.reference.isEmpty, "\(entry.code)")
            for confusion in entry.confusions {
                #expect(!confusion.why.zh.isEmpty && !confusion.why.en.isEmpty, "\(entry.code)")
            }
        }
    }

    @Test func confusionsNameOtherRegisteredCodes() {
        for entry in Catalog.all {
            for confusion in entry.confusions {
                #expect(confusion.code != entry.code, "\(entry.code)")
                #expect(IANARegistry.codes[confusion.code] != nil, "\(entry.code) → \(confusion.code)")
            }
            let others = entry.confusions.map(\.code)
            #expect(Set(others).count == others.count, "\(entry.code) lists a confusion twice")
        }
    }

    /// A deck file value cannot hold a blank line or whitespace at the ends of a line, and names,
    /// summaries and scenarios become one-line prompts and answers.
    @Test func textFitsTheDeckFormat() {
        for entry in Catalog.all {
            for text in [entry.name, entry.summary, entry.scenario] {
                for s in [text.zh, text.en] {
                    #expect(!s.contains("\n") && s == s.trimmingWhitespace(), "\(entry.code): \(s)")
                }
            }
            for text in [entry.detail] + entry.confusions.map(\.why) {
                for s in [text.zh, text.en] {
                    let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
                    #expect(
                        lines.allSatisfy { !$0.isEmpty && String($0) == String($0).trimmingWhitespace() },
                        "\(entry.code): \(s)")
                }
            }
        }
    }

    @Test func registryFactsAreFlagged() {
        func flags(_ code: Int) -> Set<StatusFlag>? { Catalog.entry(code)?.flags }
        #expect(flags(104)?.contains(.temporary) == true)
        #expect(flags(103)?.contains(.experimental) == true)
        #expect(flags(102)?.contains(.webdav) == true)
        #expect(flags(207)?.contains(.webdav) == true)
        #expect(flags(208)?.contains(.webdav) == true)
        #expect(flags(305)?.contains(.deprecated) == true)
        #expect(flags(306)?.contains(.unused) == true)
        #expect(Catalog.entry(302)?.formerPhrases.contains("Moved Temporarily") == true)
    }

    @Test func redirectsThatPointSomewhereNameLocation() {
        for code in [201, 300, 301, 302, 303, 307, 308] {
            #expect(Catalog.entry(code)?.headers.contains("Location") == true, "\(code)")
        }
        #expect(Catalog.entry(304)?.headers.contains("ETag") == true)
        #expect(Catalog.entry(206)?.headers.contains("Content-Range") == true)
        #expect(Catalog.entry(503)?.headers.contains("Retry-After") == true)
    }

    @Test func classIsTheFirstDigit() {
        #expect(Catalog.entry(226)?.statusClass == .successful)
        #expect(Catalog.entry(308)?.statusClass == .redirection)
        #expect(Catalog.entry(999) == nil)
    }

    @Test func contrastsHaveUniqueSlugsAndRegisteredCodes() {
        let slugs = Catalog.contrasts.map(\.slug)
        #expect(Set(slugs).count == slugs.count)
        for contrast in Catalog.contrasts {
            #expect(contrast.codes.allSatisfy { IANARegistry.codes[$0] != nil }, "\(contrast.slug)")
            for text in [contrast.prompt, contrast.answer, contrast.explanation] {
                #expect(!text.zh.isEmpty && !text.en.isEmpty && !text.en.contains("\n"), "\(contrast.slug)")
            }
        }
        #expect(
            slugs == [
                "401-403", "301-302-303-307-308", "307-308-keep-method", "303-see-other", "502-504", "404-410",
                "400-422", "429-503", "200-204-206", "304-caching", "304-412-conditions", "reason-phrase",
                "405-options",
            ])
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
