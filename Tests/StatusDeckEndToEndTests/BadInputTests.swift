import Foundation
import Testing

/// Bad input across every command: one line on stderr naming what was found and what was
/// expected (`file:line:` where there is a line), the documented exit code, no crash, and every
/// file on disk as it was. Each case runs in a fresh folder with its own `--data-dir`.
@Suite struct BadInputTests {
    typealias Case = BadInputCase

    static let header = "deck: mine\nname: Mine\nlanguage: en\n"
    static let card = "\nid: a\nkind: contrast\nprompt: p\nanswer: a\n"
    static let kinds = "code-to-meaning, meaning-to-code, phrase-to-code, class, contrast"

    /// `decks --data-dir DATA PATH` with a deck file holding `text`; returns (result, path).
    static func decks(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (StatusDeckProcess.Result, String) {
        let c = try Case()
        let path = try c.file("mine.deck", text)
        return (try c.run(["decks", "--data-dir", c.data, path], sourceLocation: sourceLocation), path)
    }

    // MARK: Options and values

    @Test func unknownOption() throws {
        let c = try Case()
        let r = try c.run(["decks", "--data-dir", c.data, "--bogus"])
        Case.expectFailure(r, status: 2, line: "statusdeck: Unknown option '--bogus'; expected what 'statusdeck decks --help' lists")
    }

    @Test func unknownCommand() throws {
        let c = try Case()
        let r = try c.run(["frobnicate"])
        Case.expectFailure(r, status: 2, line: "statusdeck: Unexpected argument 'frobnicate'; expected what 'statusdeck --help' lists")
    }

    @Test func missingOptionValue() throws {
        let c = try Case()
        let r = try c.run(["catalog", "--lang"])
        Case.expectFailure(r, status: 2, line: "statusdeck: Missing value for '--lang <lang>'; expected what 'statusdeck catalog --help' lists")
    }

    @Test func missingDataDirValue() throws {
        let c = try Case()
        let r = try c.run(["decks", "--data-dir"])
        Case.expectFailure(r, status: 2, line: "statusdeck: Missing value for '--data-dir <data-dir>'; expected what 'statusdeck decks --help' lists")
    }

    @Test func unexpectedArgument() throws {
        let c = try Case()
        let r = try c.run(["catalog", "404", "extra"])
        Case.expectFailure(r, status: 2, line: "statusdeck: Unexpected argument 'extra'; expected what 'statusdeck catalog --help' lists")
    }

    @Test func languageOutOfRange() throws {
        let c = try Case()
        let r = try c.run(["catalog", "--lang", "fr"])
        Case.expectFailure(r, status: 2, line: "statusdeck catalog: found --lang 'fr'; expected zh or en")
        #expect(r.stdout.isEmpty)
    }

    @Test func emptyLanguage() throws {
        let c = try Case()
        let r = try c.run(["catalog", "--lang", ""])
        Case.expectFailure(r, status: 2, line: "statusdeck catalog: found --lang ''; expected zh or en")
    }

    @Test func escapeSequenceAsAnOptionValue() throws {
        let c = try Case()
        let r = try c.run(["catalog", "--lang", "\u{1B}]52;c;aGk=\u{07}"])
        Case.expectFailure(r, status: 2, line: "statusdeck catalog: found --lang '\\u{1B}]52;c;aGk=\\u{7}'; expected zh or en")
    }

    @Test func emptyOutputFolder() throws {
        let c = try Case()
        let r = try c.run(["generate", "--output", ""])
        Case.expectFailure(r, status: 2, line: "statusdeck generate: found an empty --output; expected a folder to write the decks into")
    }

    @Test func fileGivenAsOutputFolder() throws {
        let c = try Case()
        let file = try c.file("decks.txt", "keep me\n")
        let r = try c.run(["generate", "--output", file])
        Case.expectFailure(r, status: 2, line: "\(file): found a file; expected a folder to write the decks into")
    }

    @Test func outputFolderThatCannotBeCreated() throws {
        let c = try Case()
        let file = try c.file("decks.txt", "keep me\n")
        let r = try c.run(["generate", "--output", file + "/sub"])
        Case.expectFailure(r, status: 1, line: "\(file)/sub: could not create the folder (Not a directory); expected a writable folder")
    }

    @Test func fileGivenAsDataDir() throws {
        let c = try Case()
        let file = try c.file("data.txt", "not a folder\n")
        let r = try c.run(["decks", "--data-dir", file])
        Case.expectFailure(r, status: 2, line: "\(file): found a file; expected a folder for the data dir (--data-dir)")
    }

    // MARK: Paths

    @Test func missingDeckFile() throws {
        let c = try Case()
        let r = try c.run(["decks", "--data-dir", c.data, c.root + "/nope.deck"])
        Case.expectFailure(r, status: 2, line: "\(c.root)/nope.deck: found no such file; expected a path to a .deck file")
        #expect(r.stdout.contains("http-all-en"), "the good decks are still listed")
    }

    @Test func directoryInsteadOfDeckFile() throws {
        let c = try Case()
        try FileManager.default.createDirectory(atPath: c.root + "/folder.deck", withIntermediateDirectories: true)
        let r = try c.run(["decks", "--data-dir", c.data, c.root + "/folder.deck"])
        Case.expectFailure(r, status: 2, line: "\(c.root)/folder.deck: found a directory; expected a .deck file")
    }

    @Test func fifoInsteadOfDeckFile() throws {
        let c = try Case()
        #expect(mkfifo(c.root + "/pipe.deck", 0o600) == 0)
        let r = try c.run(["decks", "--data-dir", c.data, c.root + "/pipe.deck"])
        Case.expectFailure(r, status: 2, line: "\(c.root)/pipe.deck: found a special file (FIFO, socket or device); expected a .deck file")
    }

    @Test func unreadableDeckFile() throws {
        // Reading /proc/self/mem from offset 0 fails with EIO for every user, root included,
        // which chmod 000 cannot promise.
        let c = try Case()
        let r = try c.run(["decks", "--data-dir", c.data, "/proc/self/mem"])
        Case.expectFailure(r, status: 1, line: "/proc/self/mem: could not be read (Input/output error); expected a readable file")
    }

    @Test func userDeckThatIsADirectory() throws {
        let c = try Case()
        try FileManager.default.createDirectory(atPath: c.data + "/decks/odd.deck", withIntermediateDirectories: true)
        let r = try c.run(["decks", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "\(c.data)/decks/odd.deck: found a directory; expected a .deck file")
    }

    @Test func userDeckThatIsADanglingLink() throws {
        let c = try Case()
        try FileManager.default.createDirectory(atPath: c.data + "/decks", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: c.data + "/decks/gone.deck", withDestinationPath: c.root + "/moved.deck")
        let r = try c.run(["decks", "--data-dir", c.data])
        // A link in the data dir is refused before it is followed (issue 20), dangling or not.
        Case.expectFailure(r, status: 2, line: "\(c.data)/decks/gone.deck: found a symbolic link; expected a regular .deck file in the data dir")
    }

    // MARK: Deck contents

    @Test func emptyDeck() throws {
        let (r, path) = try Self.decks("")
        Case.expectFailure(r, status: 2, line: "\(path):1: found an empty file; expected a header block with deck:, name: and language:")
    }

    @Test func deckWithOnlyAByteOrderMark() throws {
        let (r, path) = try Self.decks("\u{FEFF}")
        Case.expectFailure(r, status: 2, line: "\(path):1: found an empty file; expected a header block with deck:, name: and language:")
    }

    @Test func binaryDeck() throws {
        let c = try Case()
        let path = try c.file("image.deck", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])
        let r = try c.run(["decks", "--data-dir", c.data, path])
        Case.expectFailure(r, status: 2, line: "\(path):1: found bytes that are not UTF-8; expected a UTF-8 text file")
    }

    @Test func invalidUTF8OnLineFive() throws {
        let c = try Case()
        let path = try c.file("latin1.deck", bytes: Array((Self.header + "\nid: a\n").utf8) + [0x6B, 0x69, 0x6E, 0x64, 0x3A, 0x20, 0xE9, 0x0A])
        let r = try c.run(["decks", "--data-dir", c.data, path])
        Case.expectFailure(r, status: 2, line: "\(path):6: found bytes that are not UTF-8; expected a UTF-8 text file")
    }

    @Test func tenMegabyteLine() throws {
        let (r, path) = try Self.decks(String(repeating: "x", count: 10 << 20) + "\n")
        Case.expectFailure(r, status: 2, line: "\(path):1: found '\(String(repeating: "x", count: 40))…'; expected 'key: value', a '#' comment or a blank line")
    }

    @Test func tenMegabyteValueInACard() throws {
        let (r, path) = try Self.decks(Self.header + "\nid: a\nkind: riddle\nprompt: " + String(repeating: "y", count: 10 << 20) + "\nanswer: a\n")
        Case.expectFailure(r, status: 2, line: "\(path):6: found kind 'riddle'; expected one of \(Self.kinds)")
    }

    @Test func nulByteInAKey() throws {
        let (r, path) = try Self.decks("dec\u{0}k: a\n")
        Case.expectFailure(r, status: 2, line: "\(path):1: found unknown header key 'dec\\u{0}k'; expected one of deck, name, language")
    }

    @Test func duplicateCardIDs() throws {
        let (r, path) = try Self.decks(Self.header + Self.card + Self.card)
        Case.expectFailure(r, status: 2, line: "\(path):10: found card id 'a' again (first on line 5); expected each card id once per deck")
    }

    @Test func cardWithoutAnswer() throws {
        let (r, path) = try Self.decks(Self.header + "\nid: a\nkind: contrast\nprompt: p\n")
        Case.expectFailure(r, status: 2, line: "\(path):5: found card 'a' without 'answer:'; expected id:, kind:, prompt: and answer: in every card")
    }

    @Test func headerWithoutLanguage() throws {
        let (r, path) = try Self.decks("deck: mine\nname: Mine\n" + Self.card)
        Case.expectFailure(r, status: 2, line: "\(path):1: found a header without 'language:'; expected deck:, name: and language: in the first block")
    }

    @Test func unknownHeaderKey() throws {
        let (r, path) = try Self.decks(Self.header + "colour: red\n" + Self.card)
        Case.expectFailure(r, status: 2, line: "\(path):4: found unknown header key 'colour'; expected one of deck, name, language")
    }

    @Test func unknownCardKey() throws {
        let (r, path) = try Self.decks(Self.header + Self.card + "hint: h\n")
        Case.expectFailure(
            r, status: 2, line: "\(path):9: found unknown card key 'hint'; expected one of id, kind, mode, code, prompt, answer, accept, choice, explanation")
    }

    @Test func headerKeyInACard() throws {
        let (r, path) = try Self.decks(Self.header + Self.card + "language: zh\n")
        Case.expectFailure(r, status: 2, line: "\(path):9: found header key 'language' in a card; expected the header only once, at the top of the file")
    }

    @Test func cardKeyBeforeTheHeader() throws {
        let (r, path) = try Self.decks("id: a\n" + Self.header)
        Case.expectFailure(
            r, status: 2,
            line: "\(path):1: found card key 'id' before the deck header; expected the file to begin with a header block (deck:, name:, language:)")
    }

    @Test func repeatedKeyInACard() throws {
        let (r, path) = try Self.decks(Self.header + Self.card + "prompt: again\n")
        Case.expectFailure(
            r, status: 2, line: "\(path):9: found a second 'prompt:' in this card (first on line 7); expected each key once (only accept: and choice: repeat)")
    }

    @Test func languageNotSupported() throws {
        let (r, path) = try Self.decks("deck: mine\nname: Mine\nlanguage: fr\n" + Self.card)
        Case.expectFailure(r, status: 2, line: "\(path):3: found language 'fr'; expected zh or en")
    }

    @Test func codeOutOfRange() throws {
        let (r, path) = try Self.decks(Self.header + Self.card + "code: 600\n")
        Case.expectFailure(r, status: 2, line: "\(path):9: found code '600'; expected a number from 100 to 599")
    }

    @Test func codeNotANumber() throws {
        let (r, path) = try Self.decks(Self.header + Self.card + "code: four-oh-four\n")
        Case.expectFailure(r, status: 2, line: "\(path):9: found code 'four-oh-four'; expected a number from 100 to 599")
    }

    @Test func unknownKind() throws {
        let (r, path) = try Self.decks(Self.header + "\nid: a\nkind: riddle\nprompt: p\nanswer: a\n")
        Case.expectFailure(r, status: 2, line: "\(path):6: found kind 'riddle'; expected one of \(Self.kinds)")
    }

    @Test func unknownMode() throws {
        let (r, path) = try Self.decks(Self.header + Self.card + "mode: shout\n")
        Case.expectFailure(r, status: 2, line: "\(path):9: found mode 'shout'; expected one of flip, type, choice")
    }

    @Test func choiceModeWithoutChoices() throws {
        let (r, path) = try Self.decks(Self.header + Self.card + "mode: choice\n")
        Case.expectFailure(
            r, status: 2, line: "\(path):9: found card 'a' quizzed by choice with no 'choice:' lines; expected at least one 'choice:' line, or another mode")
    }

    @Test func cardIDWithASpace() throws {
        let (r, path) = try Self.decks(Self.header + "\nid: a b\nkind: contrast\nprompt: p\nanswer: a\n")
        Case.expectFailure(r, status: 2, line: "\(path):5: found card id 'a b'; expected one word without spaces, e.g. http/404/code-to-meaning")
    }

    @Test func emptyValue() throws {
        let (r, path) = try Self.decks(Self.header + "\nid: a\nkind: contrast\nprompt:\nanswer: a\n")
        Case.expectFailure(r, status: 2, line: "\(path):7: found 'prompt:' with no value; expected text after the colon or on indented lines below it")
    }

    @Test func indentedLineWithNothingAbove() throws {
        let (r, path) = try Self.decks(Self.header + "\n  stray\n")
        Case.expectFailure(
            r, status: 2,
            line: "\(path):5: found an indented line with nothing above it to continue; expected 'key: value' (indent a line only to continue a value)")
    }

    @Test func headerWithoutCards() throws {
        let (r, path) = try Self.decks(Self.header)
        Case.expectFailure(r, status: 2, line: "\(path):3: found a header and no cards; expected at least one card block after a blank line")
    }

    @Test func malformedUserDeckInTheDataDir() throws {
        let c = try Case()
        let path = try c.file("data/decks/mine.deck", Self.header + "\nid: a\nkind: riddle\nprompt: p\nanswer: a\n")
        let r = try c.run(["decks", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "\(path):6: found kind 'riddle'; expected one of \(Self.kinds)")
    }

    // MARK: Export

    @Test func exportUnknownFormat() throws {
        let c = try Case()
        let r = try c.run(["export", "--format", "pdf", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "--format pdf: found an unknown format; expected one of apkg, tsv, csv, json, md")
    }

    @Test func exportDeckAndAll() throws {
        let c = try Case()
        let r = try c.run(["export", "--all", "--deck", "x", "--format", "md", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "--deck x with --all: found both; expected one of them, or neither")
    }

    @Test func exportUnknownDeck() throws {
        let c = try Case()
        let r = try c.run(["export", "--deck", "nope", "--format", "md", "--data-dir", c.data])
        Case.expectFailure(
            r, status: 2,
            line:
                "--deck nope: found no such deck; expected one of http-all-zh, http-all-en, http-everyday-zh, http-everyday-en, http-contrasts-zh, http-contrasts-en"
        )
    }

    @Test func exportOverAnExistingFileWithoutForce() throws {
        let c = try Case()
        let target = try c.file("out.md", "keep me\n")
        let r = try c.run(["export", "--format", "md", "-o", target, "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "\(target): found an existing file; expected a new name, or --force to replace it")
    }

    @Test func exportOverADirectoryEvenWithForce() throws {
        let c = try Case()
        try c.file("out/inner/precious.txt", "keep me\n")
        let r = try c.run(["export", "--format", "md", "-o", c.root + "/out", "--force", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "\(c.root)/out: found a directory; expected a file name for the export")
    }

    @Test func exportIntoAMissingFolder() throws {
        let c = try Case()
        let r = try c.run(["export", "--format", "md", "-o", c.root + "/nope/out.md", "--data-dir", c.data])
        Case.expectFailure(r, status: 1, line: "\(c.root)/nope/out.md: cannot create a temporary file in its folder: No such file or directory")
    }

    @Test func exportWithAMalformedHistory() throws {
        let c = try Case()
        let history = try c.file("data/history.jsonl", "{\"v\":9}\n")
        let r = try c.run(["export", "--format", "json", "--with-history", "-o", "-", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "\(history):1: unknown version 9; expected \"v\":1 (a newer StatusDeck wrote this line?)")
    }

    @Test func exportOfAMalformedDeckGivenByPath() throws {
        let c = try Case()
        let path = try c.file("mine.deck", "deck: x\n")
        let r = try c.run(["export", "--deck", path, "--format", "md", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "\(path):1: found a header without 'name:'; expected deck:, name: and language: in the first block")
    }

    // MARK: Stats

    @Test func statsDaysOutOfRange() throws {
        let c = try Case()
        let r = try c.run(["stats", "--days", "0", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "statusdeck: --days: found 0; expected a whole number of days from 1 to 3650")
    }

    @Test func statsJSONAndCSVTogether() throws {
        let c = try Case()
        let r = try c.run(["stats", "--json", "--csv", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "statusdeck: --json and --csv cannot be used together; pick one; expected what 'statusdeck stats --help' lists")
    }

    @Test func statsBadNow() throws {
        let c = try Case()
        let r = try c.run(["stats", "--now", "soon", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "--now `soon`; expected an RFC 3339 instant like 2026-11-22T10:00:00Z")
    }

    @Test func statsUnknownDeck() throws {
        let c = try Case()
        let r = try c.run(["stats", "--deck", "nope", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, prefix: "--deck `nope`: no such deck; expected one of: http-all-zh, ")
    }

    @Test func statsOverAMalformedHistory() throws {
        let c = try Case()
        let history = try c.file("data/history.jsonl", "{\"v\":1,\"rating\":9}\n")
        let r = try c.run(["stats", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, prefix: "\(history):1: ")
    }

    // MARK: Review

    @Test func reviewUnknownMode() throws {
        let c = try Case()
        let r = try c.run(["review", "--mode", "shout", "--data-dir", c.data])
        Case.expectFailure(
            r, status: 2, line: "statusdeck: The value 'shout' is invalid for '--mode <mode>'. Please provide one of 'flip', 'type' or 'choice'.")
    }

    @Test func reviewLimitZero() throws {
        let c = try Case()
        let r = try c.run(["review", "--limit", "0", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "statusdeck: --limit: found 0; expected a whole number of cards, 1 or more")
    }

    @Test func reviewLimitNotANumber() throws {
        let c = try Case()
        let r = try c.run(["review", "--limit", "abc", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "statusdeck: The value 'abc' is invalid for '--limit <limit>'; expected what 'statusdeck review --help' lists")
    }

    @Test func reviewUnknownLanguage() throws {
        let c = try Case()
        let r = try c.run(["review", "--lang", "fr", "--data-dir", c.data])
        Case.expectFailure(r, status: 2, line: "statusdeck: The value 'fr' is invalid for '--lang <lang>'. Please provide one of 'zh' and 'en'.")
    }

    @Test func reviewWithoutATerminal() throws {
        let c = try Case()
        let r = try c.run(["review", "--data-dir", c.data])
        Case.expectFailure(
            r, status: 2, line: "statusdeck: the quiz needs a terminal: standard input and output must be a TTY (for scripts, see `statusdeck --help`)")
    }
}
