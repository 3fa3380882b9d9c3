import StatusDeckCore
import StatusDeckHistory
import Testing

/// History and config errors quote what they found; like deck errors they must stay one harmless
/// line. Each case was a fuzz finding (Tests/Fuzz/regressions/).
@Suite struct HistoryConfigHostileInputTests {
    @Test func aControlCharacterOutsideAStringIsNamedNotPrinted() throws {
        // fuzz-history-line: backspace-outside-a-string.
        var parser = HistoryLineParser()
        #expect {
            _ = try parser.parse("\u{8}", line: 3)
        } throws: { error in
            var e = try #require(error as? InputError)
            e.path = "h.jsonl"
            return e.description == "h.jsonl:3: `\\u{8}`; expected a JSON object `{...}` per line"
        }
    }

    @Test func aConfigWithWindowsLineEndsReads() throws {
        // fuzz-config: crlf-line-ends. "\r\n" is one Character, so splitting on "\n" saw one line.
        let config = try StudyConfig.parse("language = zh\r\nfuzz = off\r\n", path: "config")
        #expect(config.language == .zh)
        #expect(config.fuzz == false)
    }

    @Test func anEscapeSequenceInAConfigValueIsNamedNotPrinted() {
        // fuzz-config: escape-in-a-value.
        #expect {
            _ = try StudyConfig.parse("language = \u{1B}[31mzh\u{202E}\n", path: "config")
        } throws: { error in
            (error as? InputError)?.description == "config:1: language `\\u{1B}[31mzh\\u{202E}`; expected zh or en"
        }
    }

    @Test func aHugeQuotedValueIsCut() {
        #expect {
            _ = try StudyConfig.parse("language = " + String(repeating: "z", count: 100_000) + "\n", path: "config")
        } throws: { error in
            (error as? InputError).map { $0.description.count < 300 && $0.description.contains("…") } == true
        }
    }
}
