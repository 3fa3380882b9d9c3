import Foundation
import Testing

@Suite struct DecksCommandTests {
    static let good = "deck: mine\nname: My deck\nlanguage: zh\n\nid: a\nkind: contrast\nprompt: p\nanswer: a\n"

    @Test func listsBuiltInDecksWithCounts() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let result = try StatusDeckProcess.run(["decks", "--data-dir", dir.path])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "ID                       CARDS  LANG  NAME")
        #expect(lines.count == 7)
        #expect(lines.contains { $0.hasPrefix("http-all-zh ") && $0.hasSuffix("HTTP 状态码：全部") })
        #expect(lines.contains { $0.hasPrefix("http-everyday-en ") })
    }

    @Test func listsUserDecksAndDecksGivenByPath() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        _ = try dir.write(Self.good, to: "data/decks/mine.deck")
        _ = try dir.write("not a deck", to: "data/decks/notes.txt")
        let other = try dir.write(Self.good.replacingOccurrences(of: "deck: mine", with: "deck: other"), to: "other.deck")
        let result = try StatusDeckProcess.run(["decks", "--data-dir", dir.path + "/data", other])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 9)
        #expect(lines[7] == "mine                         1  zh    My deck  (\(dir.path)/data/decks/mine.deck)")
        #expect(lines[8] == "other                        1  zh    My deck  (\(other))")
    }

    @Test func malformedDeckGivesPathLineAndExit2() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let bad = try dir.write("deck: bad\nname: Bad\nlanguage: zh\n\nid: a\nkind: riddle\nprompt: p\nanswer: a\n", to: "bad.deck")
        let result = try StatusDeckProcess.run(["decks", "--data-dir", dir.path, bad])
        #expect(result.status == 2)
        #expect(result.stderr == "\(bad):6: found kind 'riddle'; expected one of code-to-meaning, meaning-to-code, phrase-to-code, class, contrast\n")
        // The good decks are still listed.
        #expect(result.stdout.contains("http-all-en"))
    }

    @Test func malformedUserDeckInTheDataDirIsReportedToo() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let bad = try dir.write("id: a\n", to: "decks/early.deck")
        let result = try StatusDeckProcess.run(["decks", "--data-dir", dir.path])
        #expect(result.status == 2)
        #expect(
            result.stderr == "\(bad):1: found card key 'id' before the deck header; expected the file to begin with a header block (deck:, name:, language:)\n")
    }

    @Test func invalidUTF8IsBadInput() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let bad = try dir.write(Data([0x64, 0x65, 0x63, 0x6B, 0x3A, 0x20, 0xC3, 0x28, 0x0A]), to: "latin.deck")
        let result = try StatusDeckProcess.run(["decks", "--data-dir", dir.path, bad])
        #expect(result.status == 2)
        #expect(result.stderr == "\(bad):1: found bytes that are not UTF-8; expected a UTF-8 text file\n")
    }

    @Test func missingPathIsBadInput() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let result = try StatusDeckProcess.run(["decks", "--data-dir", dir.path, dir.path + "/nope.deck"])
        #expect(result.status == 2)
        #expect(result.stderr == "\(dir.path)/nope.deck: found no such file; expected a path to a .deck file\n")
    }

    @Test func controlCharactersFromADeckNeverReachTheTerminal() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let sneaky = Self.good.replacingOccurrences(of: "name: My deck", with: "name: \u{1B}[2J\u{1B}]0;pwned\u{07}Mine\u{202E}")
        _ = try dir.write(sneaky, to: "decks/mine.deck")
        let result = try StatusDeckProcess.run(["decks", "--data-dir", dir.path])
        #expect(result.status == 0)
        #expect(!result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
        // The shared TerminalText drops whole escape sequences, not only their first byte.
        #expect(result.stdout.contains("  Mine  ("))
        #expect(!result.stdout.contains("[2J") && !result.stdout.contains("pwned"))
    }

    @Test func controlCharactersInAnErrorAreNamedNotPrinted() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let bad = try dir.write("deck: d\n\u{1B}[31mred\n", to: "bad.deck")
        let result = try StatusDeckProcess.run(["decks", "--data-dir", dir.path, bad])
        #expect(result.status == 2)
        #expect(result.stderr == "\(bad):2: found '\\u{1B}[31mred'; expected 'key: value', a '#' comment or a blank line\n")
    }
}
