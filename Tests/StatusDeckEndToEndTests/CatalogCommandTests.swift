import Foundation
import StatusDeckCore
import Testing

@testable import StatusDeckCLI

@Suite struct CatalogCommandTests {
    @Test func jsonListsEveryEntryWithEveryField() throws {
        let result = try StatusDeckProcess.run(["catalog", "--json"])
        #expect(result.status == 0)
        let entries = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(entries.compactMap { $0["code"] as? Int } == Catalog.all.map(\.code))
        let first = try #require(entries.first { $0["code"] as? Int == 302 })
        #expect(first["phrase"] as? String == "Found")
        #expect(first["formerPhrases"] as? [String] == ["Moved Temporarily"])
        #expect(first["reference"] as? String == "RFC 9110 §15.4.3")
        #expect(first["class"] as? String == "3xx")
        #expect((first["name"] as? [String: String]) == ["zh": "找到", "en": "Found"])
        #expect((first["headers"] as? [String]) == ["Location"])
        for key in ["summary", "detail", "scenario"] {
            let text = try #require(first[key] as? [String: String])
            #expect(text["zh"]?.isEmpty == false && text["en"]?.isEmpty == false)
        }
        let confusions = try #require(first["confusions"] as? [[String: Any]])
        #expect(confusions.first?["code"] as? Int == 307)
        let unused = try #require(entries.first { $0["code"] as? Int == 306 })
        #expect(unused["flags"] as? [String] == ["unused"])
    }

    @Test func tableFitsEightyColumnsInBothLanguages() throws {
        for lang in ["en", "zh"] {
            let result = try StatusDeckProcess.run(["catalog", "--lang", lang])
            #expect(result.status == 0)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == Catalog.all.count + 1)
            for line in lines { #expect(PrintableText.width(line) <= 80, "\(lang): \(line)") }
        }
    }

    @Test func tableShowsCodePhraseAndMeaning() throws {
        let result = try StatusDeckProcess.run(["catalog"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "CODE  PHRASE                           MEANING")
        #expect(lines.contains { $0.hasPrefix("304   Not Modified                     A conditional GET") })
        #expect(lines.contains { $0.hasPrefix("102   Processing                       [webdav, obsoleted] ") })
        let zh = try StatusDeckProcess.run(["catalog", "--lang", "zh"])
        #expect(zh.stdout.contains("404   Not Found                        未找到："))
    }

    @Test func badLanguageIsAUsageError() throws {
        let result = try StatusDeckProcess.run(["catalog", "--lang", "fr"])
        #expect(result.status == 2)
        #expect(result.stderr == "statusdeck catalog: found --lang 'fr'; expected zh or en\n")
    }

    @Test func widthCountsWideCharactersTwice() {
        #expect(PrintableText.width("abc") == 3)
        #expect(PrintableText.width("未找到") == 6)
        #expect(PrintableText.truncate("未找到资源", to: 7) == "未找到…")
        #expect(PrintableText.truncate("short", to: 7) == "short")
    }
}

/// `catalog 404`: one code in full, within 80 columns, in either language.
@Suite struct CatalogOneCodeTests {
    @Test func oneCodeInFullInBothLanguages() throws {
        let en = try StatusDeckProcess.run(["catalog", "404"])
        #expect(en.status == 0)
        #expect(en.stdout.hasPrefix("404 Not Found\n4xx Client error · RFC 9110 §15.5.5\n"))
        let entry = try #require(Catalog.entry(404))
        for c in entry.confusions { #expect(en.stdout.contains("≠ \(c.code) ")) }
        #expect(en.stdout.contains("\nScenario\n") && en.stdout.contains("\nDetail\n"))
        let zh = try StatusDeckProcess.run(["catalog", "404", "--lang", "zh"])
        #expect(zh.stdout.hasPrefix("404 Not Found · \(entry.name.zh)\n"))
        for out in [en.stdout, zh.stdout] {
            for line in out.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 80, "\(line)") }
        }
        let json = try StatusDeckProcess.run(["catalog", "404", "--json"])
        let entries = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 1 && entries.first?["code"] as? Int == 404)
    }

    @Test func anUnregisteredCodeIsOneLineAndExit2() throws {
        let r = try StatusDeckProcess.run(["catalog", "499"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "statusdeck catalog: found `499`; expected a registered status code (100–511, as `statusdeck catalog` lists)\n")
    }
}

/// The `cards` table fits its width by display columns: wide glyphs count two, the least useful
/// columns go first, card ids are kept whole while they can be.
@Suite struct CardsTableWidthTests {
    static func row(_ id: String, flags: Bool = false) -> CardRow {
        var r = CardRow(
            id: id, deck: "用户卡组", state: "relearning", step: 0, stability: 123.456, difficulty: 5.5, retrievability: 0.912,
            due: nil, lastReview: nil, reps: 12, lapses: 9)
        r.suspended = flags
        r.leech = flags
        return r
    }

    @Test func theTableFitsEightyColumnsWithWideGlyphs() {
        let rows = [Self.row("http/404/code-to-meaning"), Self.row("用户/状态码/四零四", flags: true)]
        let text = CardRow.table(rows, width: 80)
        let lines = text.split(separator: "\n").map(String.init)
        for line in lines { #expect(TerminalText.width(line) <= 80, "\(line)") }
        #expect(lines[0].hasPrefix("CARD                      STATE"))
        #expect(lines[2].hasPrefix("用户/状态码/四零四        relearning"), "ids whole, padded by display width")
        #expect(lines[2].hasSuffix("suspended,leech"))
        // Narrow: card, state and due always stay; ids are cut only then.
        let narrow = CardRow.table(rows, width: 30).split(separator: "\n").map(String.init)
        #expect(narrow[0].hasPrefix("CARD") && narrow[0].contains("STATE") && narrow[0].hasSuffix("DUE"))
        // --wide: every column in full.
        #expect(CardRow.table(rows, width: nil).hasPrefix("CARD                      DECK      STATE       STEP  STABILITY"))
    }
}
