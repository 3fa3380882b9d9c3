import StatusDeckCore

/// What must hold for any bytes given to the deck reader.
///
/// - decoding and parsing either succeed or throw a `DeckError` (never trap);
/// - every error is one line without raw control characters, with a line number inside the file;
/// - a deck that parses survives a round trip: `parse(render(deck)) == deck`.
public enum DeckFuzzCheck {
    static let path = "fuzz.deck"

    public static func check(_ bytes: [UInt8]) -> PropertyViolation? {
        let text: String
        do {
            text = try DeckFile.decode(bytes, path: path)
        } catch {
            return shape(of: error, lines: lineCount(bytes))
        }
        let deck: Deck
        do {
            deck = try DeckFile.parse(text, path: path)
        } catch {
            return shape(of: error, lines: lineCount(bytes))
        }
        let rendered = DeckFile.render(deck)
        do {
            let again = try DeckFile.parse(rendered, path: path)
            if again != deck {
                return PropertyViolation("round trip", "parse(render(deck)) differs from deck; rendered: \(MessageShape.visible(rendered))")
            }
        } catch {
            return PropertyViolation("round trip", "render(deck) does not parse: \(MessageShape.visible(error.description))")
        }
        return nil
    }

    /// Every mistake reported (the first and `others`) is one well-formed line, in line order.
    static func shape(of error: DeckError, lines: Int) -> PropertyViolation? {
        var previous = 0
        for e in [error] + error.others {
            if let line = e.line, line < 1 || line > lines {
                return PropertyViolation("line in range", "error names line \(line) of a \(lines)-line file: \(MessageShape.visible(e.firstLine))")
            }
            if let line = e.line {
                if line < previous { return PropertyViolation("line order", MessageShape.visible(error.description)) }
                previous = line
            }
            if !e.firstLine.hasPrefix(path + ":") {
                return PropertyViolation("names the file", MessageShape.visible(e.firstLine))
            }
            if let v = MessageShape.violation(in: e.firstLine, from: "deck") { return v }
        }
        return MessageShape.violation(in: error.description, from: "deck")
    }

    /// Lines as a person counts them: a final newline ends the last line.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        let newlines = bytes.lazy.filter { $0 == 0x0A }.count
        return max(1, bytes.last == 0x0A ? newlines : newlines + 1)
    }
}
