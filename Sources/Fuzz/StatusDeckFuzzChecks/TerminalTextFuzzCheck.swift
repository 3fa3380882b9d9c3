import StatusDeckCore

/// What must hold for any text on its way to a terminal.
///
/// `sanitize` leaves nothing a terminal obeys (no C0/C1 control but newline, no escape sequence,
/// no bidi or zero-width control), is idempotent, and `sanitizeLine` adds no line break;
/// `truncate` and `wrap` never exceed their columns (2 or more).
public enum TerminalTextFuzzCheck {
    public static func check(_ bytes: [UInt8]) -> PropertyViolation? {
        // At least 2 columns: a wide glyph cannot fit in 1, and the quiz never draws that narrow.
        let columns = Int(bytes.first ?? 40) % 99 + 2
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let clean = TerminalText.sanitize(text)
        for scalar in clean.unicodeScalars where scalar != "\n" && MessageShape.isHostile(scalar.value) {
            return PropertyViolation("sanitized", "U+\(MessageShape.hex(scalar.value)) survived in \(MessageShape.visible(clean))")
        }
        if TerminalText.sanitize(clean) != clean {
            return PropertyViolation("idempotent", "sanitize(sanitize(x)) != sanitize(x) for \(MessageShape.visible(text))")
        }
        let line = TerminalText.sanitizeLine(text)
        if line.unicodeScalars.contains(where: { MessageShape.isLineBreak($0.value) || MessageShape.isHostile($0.value) }) {
            return PropertyViolation("one line", "sanitizeLine kept a break or control: \(MessageShape.visible(line))")
        }
        let cut = TerminalText.truncate(line, to: columns)
        if TerminalText.width(cut) > columns {
            return PropertyViolation("truncate", "width \(TerminalText.width(cut)) > \(columns) for \(MessageShape.visible(line))")
        }
        let lines = TerminalText.wrap(clean, width: columns)
        for l in lines where TerminalText.width(l) > columns {
            return PropertyViolation("wrap", "a line of width \(TerminalText.width(l)) > \(columns): \(MessageShape.visible(l))")
        }
        return nil
    }
}
