/// Text on its way to a terminal: made harmless, measured in columns, and wrapped by columns.
///
/// Decks, history and config are data a user (or someone else) wrote; a terminal treats some
/// characters in them as commands. Everything shown passes through `sanitize` first. Widths follow
/// what a UTF-8 terminal does (East Asian Wide and Fullwidth take two columns, combining marks
/// none), because byte or `Character` counts misalign the moment Chinese appears.
public enum TerminalText {
    /// What stands in for a control character, so a hostile byte is seen rather than obeyed.
    public static let replacement: Character = "\u{FFFD}"

    /// The text with escape sequences and bidi/zero-width controls removed and other control
    /// characters replaced by U+FFFD. Newlines are kept (explanations have paragraphs); a tab
    /// becomes a space; `\r\n` becomes `\n`.
    public static func sanitize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            switch v {
            case 0x1B:
                i = endOfEscape(scalars, from: i)
                continue
            case 0x9B:  // C1 CSI: same grammar as ESC [
                i = endOfCSI(scalars, from: i + 1)
                continue
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F:  // C1 OSC, DCS, SOS, PM, APC: strings
                i = endOfString(scalars, from: i + 1)
                continue
            case 0x0A:
                out.append("\n")
            case 0x0D:
                // A lone CR would return the cursor to the line start and let text overwrite
                // itself; as part of CRLF it is just a line end.
                if i + 1 < scalars.count, scalars[i + 1].value == 0x0A { break }
                out.append("\n")
            case 0x09:
                out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F:
                out.append(replacementScalar)
            case 0x2028, 0x2029:
                out.append("\n")
            default:
                if isInvisibleControl(v) { break }
                out.append(scalars[i])
            }
            i += 1
        }
        return String(out)
    }

    /// Like `sanitize`, for places that hold one line: line breaks become spaces.
    public static func sanitizeLine(_ s: String) -> String {
        String(sanitize(s).map { $0 == "\n" ? " " : $0 })
    }

    /// Columns the text takes on a terminal. Call on sanitized text; control characters count 0.
    public static func width(_ s: String) -> Int {
        var total = 0
        for c in s { total += width(of: c) }
        return total
    }

    /// Columns one grapheme takes: its first spacing scalar decides; an emoji presentation
    /// selector widens a narrow base; a cluster of only combining marks takes none.
    public static func width(of c: Character) -> Int {
        var w = 0
        var sawBase = false
        for scalar in c.unicodeScalars {
            let sw = width(of: scalar)
            if !sawBase {
                if sw > 0 {
                    w = sw
                    sawBase = true
                }
            } else if scalar.value == 0xFE0F {
                w = 2
            }
        }
        return w
    }

    /// Columns one scalar takes: 0, 1 or 2.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if isInvisibleControl(v) || (0x1160...0x11FF).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(v) ? 2 : 1
    }

    /// The text cut to at most `columns` columns, ending in `…` when something was cut. A wide
    /// glyph that would straddle the limit is left out whole.
    public static func truncate(_ s: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(s) <= columns { return s }
        var out = ""
        var used = 0
        for c in s {
            let w = width(of: c)
            if used + w > columns - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// Lines of at most `columns` columns. Latin text breaks at spaces (a word longer than a line
    /// is cut); wide (CJK) glyphs may break between any two; a glyph is never split. Newlines in
    /// the text start new lines; spaces at a break are dropped.
    public static func wrap(_ s: String, width columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        for paragraph in s.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(String(paragraph), columns: columns, into: &lines)
        }
        return lines
    }

    // MARK: - Wrapping

    private struct Token {
        var text: String
        var width: Int
        var isSpace: Bool
    }

    /// Spaces, runs of narrow non-space glyphs (words), and each wide glyph on its own, since a
    /// line may break before or after any wide glyph.
    private static func tokens(_ s: String) -> [Token] {
        var result: [Token] = []
        var current = Token(text: "", width: 0, isSpace: false)
        func flush() {
            if !current.text.isEmpty { result.append(current) }
            current = Token(text: "", width: 0, isSpace: false)
        }
        for c in s {
            let w = width(of: c)
            if c == " " {
                if !current.isSpace {
                    flush()
                    current.isSpace = true
                }
                current.text.append(c)
                current.width += 1
            } else if w == 2 {
                // Closing punctuation stays with what it closes (no line starts with "，").
                if isClosingPunctuation(c) {
                    if !current.isSpace, !current.text.isEmpty {
                        current.text.append(c)
                        current.width += 2
                        continue
                    }
                    if current.text.isEmpty, let last = result.last, !last.isSpace {
                        result[result.count - 1].text.append(c)
                        result[result.count - 1].width += 2
                        continue
                    }
                }
                flush()
                current = Token(text: String(c), width: 2, isSpace: false)
                flush()
            } else {
                if current.isSpace { flush() }
                if w == 0 && current.text.isEmpty, let last = result.last, !last.isSpace {
                    // A lone combining mark belongs to the glyph before it.
                    result[result.count - 1].text.append(c)
                    continue
                }
                current.text.append(c)
                current.width += w
            }
        }
        flush()
        return result
    }

    private static func wrapParagraph(_ paragraph: String, columns: Int, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        var pending = ""  // spaces between the line so far and the next word
        var pendingWidth = 0
        var startedAny = false
        for token in tokens(paragraph) {
            if token.isSpace {
                // Keep leading indentation of a paragraph; drop spaces at a wrap.
                if lineWidth == 0 && startedAny { continue }
                if lineWidth == 0 && !startedAny {
                    if token.width < columns {
                        line = token.text
                        lineWidth = token.width
                    }
                    continue
                }
                pending = token.text
                pendingWidth = token.width
                continue
            }
            startedAny = true
            if lineWidth + pendingWidth + token.width <= columns {
                line += pending + token.text
                lineWidth += pendingWidth + token.width
            } else if token.width <= columns {
                if lineWidth > 0 { lines.append(line) }
                line = token.text
                lineWidth = token.width
            } else {
                // A word wider than a line: fill this line, then cut it glyph by glyph.
                var rest = Substring(token.text)
                if lineWidth > 0 {
                    if lineWidth + pendingWidth < columns {
                        line += pending
                        lineWidth += pendingWidth
                    } else {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                }
                while let c = rest.first {
                    let w = width(of: c)
                    if lineWidth + w > columns {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(c)
                    lineWidth += w
                    rest = rest.dropFirst()
                }
            }
            pending = ""
            pendingWidth = 0
        }
        lines.append(line)
    }

    // MARK: - Character classes

    private static let replacementScalar: Unicode.Scalar = "\u{FFFD}"

    /// Bidi embeddings, overrides and isolates, zero-width spaces and joiners' cousins, the BOM:
    /// invisible characters that can reorder or hide what a reader sees.
    static func isInvisibleControl(_ v: UInt32) -> Bool {
        switch v {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF,
            0x061C, 0x00AD, 0x180E:
            return true
        default:
            return false
        }
    }

    private static func isClosingPunctuation(_ c: Character) -> Bool {
        "，。、；：！？）】」』》〉”’…".contains(c)
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, plus the emoji that terminals draw wide.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
            0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
            0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
            0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
            0x2B50, 0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E,
            0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F320, 0x1F32D...0x1F335,
            0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3,
            0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440, 0x1F442...0x1F4FC,
            0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A, 0x1F595...0x1F596,
            0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC, 0x1F6D0...0x1F6D2,
            0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
            0x1F7E0...0x1F7EB, 0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
            0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

// MARK: - Escape sequences (ECMA-48 shapes), skipped whole so no parameter bytes leak through.
extension TerminalText {
    /// Index just past the escape sequence that starts with ESC at `start`.
    static func endOfEscape(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start + 1
        guard i < s.count else { return i }
        switch s[i].value {
        case 0x5B:  // [
            return endOfCSI(s, from: i + 1)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // ] P X ^ _
            return endOfString(s, from: i + 1)
        default:
            while i < s.count, (0x20...0x2F).contains(s[i].value) { i += 1 }
            if i < s.count, (0x30...0x7E).contains(s[i].value) { i += 1 }
            return i
        }
    }

    /// Index past a control sequence's parameters, intermediates and final byte.
    static func endOfCSI(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count, (0x20...0x3F).contains(s[i].value) { i += 1 }
        if i < s.count, (0x40...0x7E).contains(s[i].value) { i += 1 }
        return i
    }

    /// Index past a control string (OSC, DCS, …): up to BEL, ST (ESC \ or U+009C), or a newline,
    /// which is kept so one bad line cannot swallow the rest of a text.
    static func endOfString(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count {
            switch s[i].value {
            case 0x07, 0x9C: return i + 1
            case 0x1B: return (i + 1 < s.count && s[i + 1].value == 0x5C) ? i + 2 : i + 1
            case 0x0A: return i
            default: i += 1
            }
        }
        return i
    }
}
