import StatusDeckHistory

/// The `.deck` text format: what `Decks/` holds and what users write their own decks in.
///
/// ```
/// deck: my-deck
/// name: My deck
/// language: en
///
/// id: mine/404
/// kind: meaning-to-code
/// prompt: Nothing lives at this path.
/// answer: 404
/// choice: 410
/// explanation: First line,
///   continued on an indented line.
/// ```
///
/// Blocks are separated by blank lines; the first block is the header, every other one a card.
/// A line is `key: value`; `accept:` and `choice:` repeat; a line that starts with a space or a
/// tab continues the value above it on a new line. Lines starting with `#` are comments.
/// Whitespace around values is not kept, and a value cannot hold a blank line.
public enum DeckFile {
    static let headerKeys = ["deck", "name", "language"]
    static let cardKeys = ["id", "kind", "mode", "code", "prompt", "answer", "accept", "choice", "explanation"]
    static let repeatableKeys: Set<String> = ["accept", "choice"]

    // MARK: Reading

    /// Decodes file bytes as UTF-8, naming the line of the first byte that is not.
    ///
    /// The CLI reads the bytes; this stays here so the message is the same everywhere and testable.
    public static func decode(_ bytes: [UInt8], path: String) throws(DeckError) -> String {
        // The standard library validates in optimized code; walk scalars only to name the line.
        if #available(macOS 15, *), let text = String(validating: bytes, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            case .error:
                let line = 1 + bytes[..<offset].lazy.filter { $0 == 0x0A }.count
                throw DeckError(
                    path: path, line: line,
                    found: "bytes that are not UTF-8",
                    expected: "a UTF-8 text file")
            }
        }
    }

    /// Reads a deck. The first mistake is thrown with its line, and every other one in the file
    /// with it (`DeckError.others`: one per card block, the header's, repeated ids), so a deck
    /// with ten typos is fixed in one pass, not ten.
    public static func parse(_ text: String, path: String) throws(DeckError) -> Deck {
        let blocks = try split(text, path: path)
        guard let headerBlock = blocks.first else {
            throw DeckError(
                path: path, line: 1, found: "an empty file",
                expected: "a header block with deck:, name: and language:")
        }
        var mistakes: [DeckError] = []
        var header: (id: String, name: String, language: Language)?
        do { header = try readHeader(headerBlock, path: path) } catch { mistakes.append(error) }
        var cards: [Card] = []
        var firstLineOfID: [String: Int] = [:]
        for block in blocks.dropFirst() {
            let card: Card, idLine: Int
            do { (card, idLine) = try readCard(block, path: path) } catch {
                mistakes.append(error)
                continue
            }
            if let earlier = firstLineOfID[card.id] {
                mistakes.append(
                    DeckError(
                        path: path, line: idLine,
                        found: "card id '\(preview(card.id))' again (first on line \(earlier))",
                        expected: "each card id once per deck"))
                continue
            }
            firstLineOfID[card.id] = idLine
            cards.append(card)
        }
        if cards.isEmpty && mistakes.isEmpty {
            mistakes.append(
                DeckError(
                    path: path, line: lineCount(text),
                    found: "a header and no cards",
                    expected: "at least one card block after a blank line"))
        }
        if var first = mistakes.first {
            first.others = Array(mistakes.dropFirst())
            throw first
        }
        guard let header else {
            // Not reached: a header that could not be read is a mistake above.
            throw DeckError(path: path, line: 1, found: "no header", expected: "deck:, name: and language:")
        }
        return Deck(id: header.id, name: header.name, language: header.language, cards: cards)
    }

    /// One `key: value` line, with any continuation lines already joined in.
    struct Field {
        let key: String
        var value: String
        let line: Int
    }

    /// A run of fields between blank lines.
    struct Block {
        var fields: [Field]
        var firstLine: Int { fields.first?.line ?? 0 }
    }

    static func split(_ text: String, path: String) throws(DeckError) -> [Block] {
        var blocks: [Block] = []
        var current: [Field] = []
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // "\r\n" is one Character in Swift, so both line ends are named; CRLF reads like LF.
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: isLineEnd)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.last == "\r" ? raw.dropLast() : raw
            if line.first == "#" { continue }
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { blocks.append(Block(fields: current)) }
                current = []
                continue
            }
            if line.first == " " || line.first == "\t" {
                guard var last = current.popLast() else {
                    throw DeckError(
                        path: path, line: number,
                        found: "an indented line with nothing above it to continue",
                        expected: "'key: value' (indent a line only to continue a value)")
                }
                let more = trimmed(line)
                last.value = last.value.isEmpty ? more : last.value + "\n" + more
                current.append(last)
                continue
            }
            guard let colon = line.firstIndex(of: ":"), !trimmed(line[..<colon]).isEmpty else {
                throw DeckError(
                    path: path, line: number,
                    found: "'\(preview(line))'",
                    expected: "'key: value', a '#' comment or a blank line")
            }
            current.append(
                Field(
                    key: trimmed(line[..<colon]),
                    value: trimmed(line[line.index(after: colon)...]),
                    line: number))
        }
        if !current.isEmpty { blocks.append(Block(fields: current)) }
        return blocks
    }

    static func readHeader(_ block: Block, path: String) throws(DeckError) -> (id: String, name: String, language: Language) {
        var seen: [String: Field] = [:]
        for field in block.fields {
            guard headerKeys.contains(field.key) else {
                if cardKeys.contains(field.key) {
                    throw DeckError(
                        path: path, line: field.line,
                        found: "card key '\(field.key)' before the deck header",
                        expected: "the file to begin with a header block (deck:, name:, language:)")
                }
                throw DeckError(
                    path: path, line: field.line,
                    found: "unknown header key '\(preview(field.key))'",
                    expected: "one of \(headerKeys.joined(separator: ", "))")
            }
            try checkOnce(field, seen: seen, path: path, within: "the header")
            try checkNotEmpty(field, path: path)
            seen[field.key] = field
        }
        for key in headerKeys where seen[key] == nil {
            throw DeckError(
                path: path, line: block.firstLine,
                found: "a header without '\(key):'",
                expected: "deck:, name: and language: in the first block")
        }
        guard let deck = seen["deck"], let name = seen["name"], let language = seen["language"] else {
            // Unreachable after the loop above; kept so no path needs a force-unwrap.
            throw DeckError(
                path: path, line: block.firstLine, found: "an incomplete header",
                expected: "deck:, name: and language: in the first block")
        }
        guard isValidDeckID(deck.value) else {
            throw DeckError(
                path: path, line: deck.line,
                found: "deck id '\(preview(deck.value))'",
                expected: "letters, digits, '-', '_' or '.' only, e.g. my-deck")
        }
        guard let lang = Language(rawValue: language.value) else {
            throw DeckError(
                path: path, line: language.line,
                found: "language '\(preview(language.value))'",
                expected: Language.allCases.map(\.rawValue).joined(separator: " or "))
        }
        return (deck.value, name.value, lang)
    }

    static func readCard(_ block: Block, path: String) throws(DeckError) -> (Card, idLine: Int) {
        var seen: [String: Field] = [:]
        var accepted: [String] = []
        var choices: [String] = []
        for field in block.fields {
            guard cardKeys.contains(field.key) else {
                if headerKeys.contains(field.key) {
                    throw DeckError(
                        path: path, line: field.line,
                        found: "header key '\(field.key)' in a card",
                        expected: "the header only once, at the top of the file")
                }
                throw DeckError(
                    path: path, line: field.line,
                    found: "unknown card key '\(preview(field.key))'",
                    expected: "one of \(cardKeys.joined(separator: ", "))")
            }
            try checkNotEmpty(field, path: path)
            switch field.key {
            case "accept": accepted.append(field.value)
            case "choice": choices.append(field.value)
            default:
                try checkOnce(field, seen: seen, path: path, within: "this card")
                seen[field.key] = field
            }
        }
        let label = seen["id"].map { "card '\(preview($0.value))'" } ?? "a card"
        for key in ["id", "kind", "prompt", "answer"] where seen[key] == nil {
            throw DeckError(
                path: path, line: block.firstLine,
                found: "\(label) without '\(key):'",
                expected: "id:, kind:, prompt: and answer: in every card")
        }
        guard let id = seen["id"], let kindField = seen["kind"],
            let prompt = seen["prompt"], let answer = seen["answer"]
        else {
            throw DeckError(
                path: path, line: block.firstLine, found: "an incomplete card",
                expected: "id:, kind:, prompt: and answer: in every card")
        }
        guard isValidCardID(id.value) else {
            throw DeckError(
                path: path, line: id.line,
                found: "card id '\(preview(id.value))'",
                expected: "one word without spaces, e.g. http/404/code-to-meaning")
        }
        guard let kind = CardKind(rawValue: kindField.value) else {
            throw DeckError(
                path: path, line: kindField.line,
                found: "kind '\(preview(kindField.value))'",
                expected: "one of \(CardKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var mode = kind.defaultMode
        if let modeField = seen["mode"] {
            guard let parsed = QuizMode(rawValue: modeField.value) else {
                throw DeckError(
                    path: path, line: modeField.line,
                    found: "mode '\(preview(modeField.value))'",
                    expected: "one of \(QuizMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            mode = parsed
        }
        if mode == .choice && choices.isEmpty {
            throw DeckError(
                path: path, line: seen["mode"]?.line ?? kindField.line,
                found: "\(label) quizzed by choice with no 'choice:' lines",
                expected: "at least one 'choice:' line, or another mode")
        }
        var code: Int?
        if let codeField = seen["code"] {
            guard codeField.value.allSatisfy({ $0.isASCII && $0.isNumber }),
                let number = Int(codeField.value), (100...599).contains(number)
            else {
                throw DeckError(
                    path: path, line: codeField.line,
                    found: "code '\(preview(codeField.value))'",
                    expected: "a number from 100 to 599")
            }
            code = number
        }
        let card = Card(
            id: id.value, kind: kind, code: code, prompt: prompt.value,
            answer: answer.value, accepted: accepted, choices: choices,
            explanation: seen["explanation"]?.value ?? "", mode: mode)
        return (card, id.line)
    }

    static func checkOnce(_ field: Field, seen: [String: Field], path: String, within place: String) throws(DeckError) {
        if let earlier = seen[field.key] {
            throw DeckError(
                path: path, line: field.line,
                found: "a second '\(field.key):' in \(place) (first on line \(earlier.line))",
                expected: "each key once (only accept: and choice: repeat)")
        }
    }

    static func checkNotEmpty(_ field: Field, path: String) throws(DeckError) {
        if field.value.isEmpty {
            throw DeckError(
                path: path, line: field.line,
                found: "'\(field.key):' with no value",
                expected: "text after the colon or on indented lines below it")
        }
    }

    public static func isValidDeckID(_ id: String) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || $0 == "-" || $0 == "_" || $0 == "."
            }
    }

    public static func isValidCardID(_ id: String) -> Bool {
        !id.isEmpty
            && !id.unicodeScalars.contains {
                $0.properties.isWhitespace || $0.properties.generalCategory == .control
            }
    }

    static func trimmed(_ s: Substring) -> String {
        // Indices, not reversed copies: a value can be a 10 MB line.
        guard let first = s.firstIndex(where: { !$0.isWhitespace }),
            let last = s.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(s[first...last])
    }

    /// Found text is quoted back in messages; keep it to one short, harmless line (see
    /// `MessageText`). Line breaks inside a multi-line value read as spaces.
    static func preview(_ s: some StringProtocol) -> String {
        // Cut before flattening: the text can be a 10 MB line.
        let head = s.prefix(41)
        let flat = head.split(whereSeparator: \.isNewline).joined(separator: " ")
        let cut = flat.count > 40 || head.endIndex < s.endIndex
        return MessageText.visible(flat.prefix(40)) + (cut ? "…" : "")
    }

    static func lineCount(_ text: String) -> Int {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: isLineEnd)
        // A final newline ends the last line; it does not start another.
        return max(1, lines.last?.isEmpty == true ? lines.count - 1 : lines.count)
    }

    static func isLineEnd(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }

    // MARK: Writing

    /// Writes a deck so that `parse(render(deck))` gives it back, for any deck whose values have
    /// no surrounding whitespace and no blank lines, which holds for every generated deck.
    public static func render(_ deck: Deck) -> String {
        var out = ""
        func put(_ key: String, _ value: String) {
            let lines = value.split(separator: "\n", omittingEmptySubsequences: true)
            out += "\(key): \(lines.first ?? "")\n"
            for more in lines.dropFirst() { out += "  \(more)\n" }
        }
        put("deck", deck.id)
        put("name", deck.name)
        put("language", deck.language.rawValue)
        for card in deck.cards {
            out += "\n"
            put("id", card.id)
            put("kind", card.kind.rawValue)
            put("mode", card.mode.rawValue)
            if let code = card.code { put("code", String(code)) }
            put("prompt", card.prompt)
            put("answer", card.answer)
            for a in card.accepted { put("accept", a) }
            for c in card.choices { put("choice", c) }
            if !card.explanation.isEmpty { put("explanation", card.explanation) }
        }
        return out
    }
}
