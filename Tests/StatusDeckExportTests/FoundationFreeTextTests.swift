import Foundation
import Testing

@testable import StatusDeckExport

/// The export target reads and writes text without corelibs Foundation (which brings ICU into the
/// binary); each replacement must do what the Foundation call it replaced did.
@Suite struct FoundationFreeTextTests {
    /// Every scalar of the Basic Multilingual Plane and a few beyond, on both ends of a word.
    static let scalars: [Unicode.Scalar] = (Array(0..<0xD800) + Array(0xE000...0xFFFF) + [0x1_0000, 0x1_F600, 0xE_0020])
        .compactMap(Unicode.Scalar.init)

    @Test func trimmingMatchesFoundation() {
        var mismatches: [String] = []
        for s in Self.scalars {
            let text = "\(s)\(s)a \(s) b\(s)"
            if text.trimmingWhitespace() != text.trimmingCharacters(in: .whitespaces) {
                mismatches.append("whitespaces U+\(String(s.value, radix: 16))")
            }
            if text.trimmingWhitespaceAndNewlines() != text.trimmingCharacters(in: .whitespacesAndNewlines) {
                mismatches.append("whitespacesAndNewlines U+\(String(s.value, radix: 16))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        // The check must have trimmed something, or two no-ops would agree.
        #expect(" \t\u{3000}a b\u{A0}\n".trimmingWhitespaceAndNewlines() == "a b")
        #expect(" \ta b\u{A0}\n".trimmingWhitespace() == "a b\u{A0}\n")
        #expect("   ".trimmingWhitespace() == "")
    }

    @Test func temporaryDirectoryMatchesFoundation() {
        #expect(TemporaryDirectory.path == NSTemporaryDirectory())
        #expect(TemporaryDirectory.path.hasSuffix("/"))
    }

    @Test func styleAndScriptEndInAnyCase() {
        #expect(HTMLText.plain("a<STYLE>p { }</Style>b<script>x()</SCRIPT >c") == "abc")
        #expect(HTMLText.plain("a<style>never closed") == "a")
    }

    /// Note types and decks of a legacy collection, as JSONSerialization read them: members of
    /// another type, and entries that are not objects, read as missing.
    @Test func legacyJSONReadsWhatJSONSerializationRead() throws {
        let text = """
            {"1": {"id": 1342697561419, "name": "Basic", "type": 0, "flds": [{"name": "Back", "ord": 1}, {"name": "Front", "ord": 0}],
                   "tmpls": [{"ord": 0, "qfmt": "{{Front}}", "afmt": "{{Back}}"}], "css": ".card {}", "req": [[0, "any", [0]]]},
             "2": {"id": 2.0e3, "name": "Cloze", "type": 1, "flds": [{"name": "Text", "ord": 0}, 7]},
             "3": {"name": "no id"}, "4": [1, 2], "5": "text"}
            """
        let objects = try JSONDecoder().decode([String: LegacyJSON.Object].self, from: Data(text.utf8))
        let untyped = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for (key, value) in untyped {
            let model = try #require(objects[key])
            let dictionary = value as? [String: Any]
            #expect(model.int("id") == (dictionary?["id"] as? NSNumber)?.int64Value, "\(key)")
            #expect(model.string("name") == dictionary?["name"] as? String, "\(key)")
            #expect(model.int("type") == (dictionary?["type"] as? NSNumber)?.int64Value, "\(key)")
            let fields = (dictionary?["flds"] as? [[String: Any]] ?? []).map { $0["name"] as? String ?? "" }
            #expect(model.objects("flds").map { $0.string("name") ?? "" } == fields, "\(key)")
        }
        #expect(objects["1"]?.objects("tmpls").first?.string("afmt") == "{{Back}}")
        #expect(objects["2"]?.int("id") == 2000)
        let media = try JSONDecoder().decode([String: LegacyJSON.Ignored].self, from: Data(#"{"0": "a.png", "1": {"x": [1]}}"#.utf8))
        #expect(media.count == 2)
    }
}
