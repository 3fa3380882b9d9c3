import Foundation
import Testing

@testable import StatusDeckCore

@Suite struct DeckFileTests {
    static let header = "deck: mine\nname: My deck\nlanguage: en\n"

    static let sample = """
        # A deck written by hand.
        deck: mine
        name: My deck
        language: en

        id: mine/404
        kind: meaning-to-code
        code: 404
        prompt: Nothing lives at this path.
        answer: 404
        accept: four-oh-four
        choice: 410
        choice: 403
        explanation: First line,
          continued here.
        \tand with a tab.

        # Comments do not end a block.
        id: mine/contrast
        kind: contrast
        mode: type
        prompt: 502 or 504?
        answer: it depends

        """

    @Test func readsAHandWrittenDeck() throws {
        let deck = try DeckFile.parse(Self.sample, path: "mine.deck")
        #expect(deck.id == "mine")
        #expect(deck.name == "My deck")
        #expect(deck.language == .en)
        #expect(deck.cards.count == 2)
        let first = deck.cards[0]
        #expect(
            first
                == Card(
                    id: "mine/404", kind: .meaningToCode, code: 404,
                    prompt: "Nothing lives at this path.", answer: "404",
                    accepted: ["four-oh-four"], choices: ["410", "403"],
                    explanation: "First line,\ncontinued here.\nand with a tab.", mode: .type))
        #expect(deck.cards[1].mode == .type)
        #expect(deck.cards[1].code == nil)
        #expect(deck.cards[1].explanation == "")
    }

    @Test func modeDefaultsToTheKinds() throws {
        let deck = try DeckFile.parse(Self.header + "\nid: a\nkind: code-to-meaning\nprompt: 404\nanswer: Not Found\n", path: "d")
        #expect(deck.cards[0].mode == .flip)
    }

    @Test func crlfBomAndMissingFinalNewlineReadTheSame() throws {
        let plain = try DeckFile.parse(Self.sample, path: "d")
        let windows = "\u{FEFF}" + Self.sample.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try DeckFile.parse(windows, path: "d") == plain)
        #expect(try DeckFile.parse(String(Self.sample.dropLast()), path: "d") == plain)
    }

    @Test func renderThenParseGivesTheDeckBack() throws {
        let deck = try DeckFile.parse(Self.sample, path: "d")
        #expect(try DeckFile.parse(DeckFile.render(deck), path: "d") == deck)
        for builtIn in BuiltInDecks.all() {
            #expect(try DeckFile.parse(DeckFile.render(builtIn), path: builtIn.id) == builtIn)
        }
    }

    @Test func renderWritesKeysInAFixedOrder() {
        let deck = Deck(
            id: "d", name: "D", language: .zh,
            cards: [
                Card(
                    id: "c", kind: .classRecognition, code: 200, prompt: "OK?", answer: "2xx",
                    accepted: ["2"], choices: ["4xx", "5xx"], explanation: "one\ntwo", mode: .choice)
            ])
        #expect(
            DeckFile.render(deck) == """
                deck: d
                name: D
                language: zh

                id: c
                kind: class
                mode: choice
                code: 200
                prompt: OK?
                answer: 2xx
                accept: 2
                choice: 4xx
                choice: 5xx
                explanation: one
                  two

                """)
    }

    @Test func decodeAcceptsUTF8() throws {
        #expect(try DeckFile.decode(Array("名称\n".utf8), path: "d") == "名称\n")
    }

    // MARK: Every mistake, with its exact message

    static func error(_ text: String) -> String {
        do {
            _ = try DeckFile.parse(text, path: "x.deck")
            return "no error"
        } catch {
            return error.description
        }
    }

    static let card = "\nid: a\nkind: contrast\nprompt: p\nanswer: a\n"

    @Test func invalidUTF8NamesItsLine() {
        var bytes = Array("deck: d\nname: n\n".utf8)
        bytes += [0x6C, 0xFF, 0x0A]
        do {
            _ = try DeckFile.decode(bytes, path: "x.deck")
            Issue.record("decoded invalid UTF-8")
        } catch {
            #expect(error.description == "x.deck:3: found bytes that are not UTF-8; expected a UTF-8 text file")
        }
    }

    @Test func emptyFile() {
        #expect(Self.error("") == "x.deck:1: found an empty file; expected a header block with deck:, name: and language:")
        #expect(Self.error("# only a comment\n\n") == "x.deck:1: found an empty file; expected a header block with deck:, name: and language:")
    }

    @Test func cardBeforeHeader() {
        #expect(
            Self.error("id: a\nkind: contrast\n")
                == "x.deck:1: found card key 'id' before the deck header; expected the file to begin with a header block (deck:, name:, language:)")
    }

    @Test func unknownHeaderKey() {
        #expect(Self.error("deck: d\nauthor: me\n") == "x.deck:2: found unknown header key 'author'; expected one of deck, name, language")
    }

    @Test func headerMissingAField() {
        #expect(
            Self.error("deck: d\nname: n\n" + Self.card)
                == "x.deck:1: found a header without 'language:'; expected deck:, name: and language: in the first block")
    }

    @Test func badLanguage() {
        #expect(Self.error("deck: d\nname: n\nlanguage: fr\n" + Self.card) == "x.deck:3: found language 'fr'; expected zh or en")
    }

    @Test func badDeckID() {
        #expect(
            Self.error("deck: my deck\nname: n\nlanguage: en\n" + Self.card)
                == "x.deck:1: found deck id 'my deck'; expected letters, digits, '-', '_' or '.' only, e.g. my-deck")
    }

    @Test func lineWithoutAColon() {
        #expect(Self.error(Self.header + "\nid a\n") == "x.deck:5: found 'id a'; expected 'key: value', a '#' comment or a blank line")
        #expect(Self.error(Self.header + "\n: value\n") == "x.deck:5: found ': value'; expected 'key: value', a '#' comment or a blank line")
    }

    @Test func indentedLineWithNothingToContinue() {
        #expect(
            Self.error(Self.header + "\n  stray\n")
                == "x.deck:5: found an indented line with nothing above it to continue; expected 'key: value' (indent a line only to continue a value)")
        #expect(
            Self.error("  deck: d\n")
                == "x.deck:1: found an indented line with nothing above it to continue; expected 'key: value' (indent a line only to continue a value)")
    }

    @Test func unknownCardKey() {
        #expect(
            Self.error(Self.header + Self.card + "hint: h\n")
                == "x.deck:9: found unknown card key 'hint'; expected one of id, kind, mode, code, prompt, answer, accept, choice, explanation")
    }

    @Test func headerKeyInACard() {
        #expect(
            Self.error(Self.header + Self.card + "\ndeck: again\n")
                == "x.deck:10: found header key 'deck' in a card; expected the header only once, at the top of the file")
    }

    @Test func keyGivenTwice() {
        #expect(
            Self.error(Self.header + Self.card + "prompt: again\n")
                == "x.deck:9: found a second 'prompt:' in this card (first on line 7); expected each key once (only accept: and choice: repeat)")
        #expect(
            Self.error("deck: d\nname: n\nname: m\n")
                == "x.deck:3: found a second 'name:' in the header (first on line 2); expected each key once (only accept: and choice: repeat)")
    }

    @Test func emptyValue() {
        #expect(
            Self.error(Self.header + "\nid: a\nkind: contrast\nprompt:\nanswer: a\n")
                == "x.deck:7: found 'prompt:' with no value; expected text after the colon or on indented lines below it")
        #expect(
            Self.error("deck: d\nname:   \nlanguage: en\n")
                == "x.deck:2: found 'name:' with no value; expected text after the colon or on indented lines below it")
    }

    @Test func valueMayStartOnTheNextLine() throws {
        let deck = try DeckFile.parse(Self.header + "\nid: a\nkind: contrast\nprompt:\n  on the next line\nanswer: a\n", path: "d")
        #expect(deck.cards[0].prompt == "on the next line")
    }

    @Test func missingRequiredCardField() {
        #expect(
            Self.error(Self.header + "\nid: a\nkind: contrast\nprompt: p\n")
                == "x.deck:5: found card 'a' without 'answer:'; expected id:, kind:, prompt: and answer: in every card")
        #expect(
            Self.error(Self.header + "\nkind: contrast\nprompt: p\nanswer: a\n")
                == "x.deck:5: found a card without 'id:'; expected id:, kind:, prompt: and answer: in every card")
    }

    @Test func duplicateCardID() {
        #expect(Self.error(Self.header + Self.card + Self.card) == "x.deck:10: found card id 'a' again (first on line 5); expected each card id once per deck")
    }

    @Test func cardIDWithSpaces() {
        #expect(
            Self.error(Self.header + "\nid: a b\nkind: contrast\nprompt: p\nanswer: a\n")
                == "x.deck:5: found card id 'a b'; expected one word without spaces, e.g. http/404/code-to-meaning")
    }

    @Test func badKind() {
        #expect(
            Self.error(Self.header + "\nid: a\nkind: riddle\nprompt: p\nanswer: a\n")
                == "x.deck:6: found kind 'riddle'; expected one of code-to-meaning, meaning-to-code, phrase-to-code, class, contrast")
    }

    @Test func badMode() {
        #expect(Self.error(Self.header + Self.card + "mode: guess\n") == "x.deck:9: found mode 'guess'; expected one of flip, type, choice")
    }

    @Test func choiceModeWithoutChoices() {
        #expect(
            Self.error(Self.header + Self.card + "mode: choice\n")
                == "x.deck:9: found card 'a' quizzed by choice with no 'choice:' lines; expected at least one 'choice:' line, or another mode")
        #expect(
            Self.error(Self.header + "\nid: a\nkind: class\nprompt: p\nanswer: a\n")
                == "x.deck:6: found card 'a' quizzed by choice with no 'choice:' lines; expected at least one 'choice:' line, or another mode")
    }

    @Test func badCode() {
        for bad in ["abc", "99", "600", "+404", "٤٠٤"] {
            #expect(Self.error(Self.header + Self.card + "code: \(bad)\n") == "x.deck:9: found code '\(bad)'; expected a number from 100 to 599")
        }
    }

    @Test func headerWithoutCards() {
        #expect(Self.error(Self.header) == "x.deck:3: found a header and no cards; expected at least one card block after a blank line")
        #expect(Self.error(Self.header + "\n\n# nothing\n") == "x.deck:6: found a header and no cards; expected at least one card block after a blank line")
    }

    @Test func longFoundTextIsCut() {
        let long = String(repeating: "x", count: 60)
        #expect(
            Self.error(Self.header + "\n\(long)\n")
                == "x.deck:5: found '\(String(repeating: "x", count: 40))…'; expected 'key: value', a '#' comment or a blank line")
    }

    @Test func errorWithoutALineOmitsIt() {
        #expect(DeckError(path: "p", line: nil, found: "f", expected: "e").description == "p: found f; expected e")
    }
}

/// The README teaches the format by example; the example must be a deck the parser accepts.
@Suite struct ReadmeDeckExampleTests {
    @Test func readmeExampleParses() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "```\n# My own deck."))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let example = String(text[text.index(start.lowerBound, offsetBy: 4)..<end.lowerBound])
        let deck = try DeckFile.parse(example, path: "README.md")
        #expect(deck.id == "my-api")
        #expect(deck.cards.map(\.id) == ["my-api/created", "my-api/teapot"])
        #expect(deck.cards[0].explanation == "Send Location: /orders/ID with it.\nA second line of the explanation.")
    }

    /// Every mistake of a deck is found in one read: one per card block, the header's, repeats;
    /// the error stays one line and says how many more there are.
    @Test func everyMistakeIsReportedNotOnlyTheFirst() {
        let text = """
            deck: t-en
            name: T
            language: fr

            id: a/1
            kind: riddle
            prompt: p
            answer: a

            id: a/2
            kind: class
            prompt: p

            id: a/3
            kind: class
            prompt: p
            answer: x
            mode: flip

            id: a/3
            kind: class
            prompt: p
            answer: x
            mode: flip

            """
        #expect(throws: DeckError.self) { try DeckFile.parse(text, path: "t.deck") }
        do { _ = try DeckFile.parse(text, path: "t.deck") } catch {
            #expect(error.lines.map { $0.split(separator: ":").prefix(2).joined(separator: ":") } == ["t.deck:3", "t.deck:6", "t.deck:10", "t.deck:20"])
            #expect(error.description == error.firstLine + " (and 3 more mistakes: `statusdeck decks t.deck` lists every one)")
            #expect(!error.description.contains("\n"))
        }
    }
}
