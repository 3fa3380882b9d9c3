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
