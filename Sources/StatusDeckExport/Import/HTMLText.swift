import FoundationEssentials
import Glibc

/// Anki field HTML reduced to the plain text a deck file holds: line-breaking tags become line
/// breaks, other tags (images too), `<style>`/`<script>` contents and `[sound:…]` references go,
/// entities are decoded, and blank lines and surrounding spaces are dropped (a deck value has no
/// blank lines).
enum HTMLText {
    static let breaking: Set<String> = ["br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ul", "ol", "table"]

    static func plain(_ html: String) -> String {
        var html = html
        // Sound references name media files, which are not imported.
        while let open = html.firstRange(of: "[sound:"), let close = html[open.upperBound...].firstIndex(of: "]") {
            html.removeSubrange(open.lowerBound...close)
        }
        var out = ""
        var i = html.startIndex
        while i < html.endIndex {
            let c = html[i]
            if c == "<", let close = html[i...].firstIndex(of: ">") {
                let inside = html[html.index(after: i)..<close]
                let name = String(inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
                if (name == "style" || name == "script") && inside.first != "/" {
                    // Skip to the matching end tag (or the end).
                    if let end = endTag(name, in: html, from: close),
                        let gt = html[end.upperBound...].firstIndex(of: ">")
                    {
                        i = html.index(after: gt)
                    } else {
                        i = html.endIndex
                    }
                    continue
                }
                if breaking.contains(name) { out += "\n" }
                i = html.index(after: close)
                continue
            }
            if c == "&", let semi = html[i...].prefix(12).firstIndex(of: ";"),
                let decoded = entity(html[html.index(after: i)..<semi])
            {
                out += decoded
                i = html.index(after: semi)
                continue
            }
            // A control character would show as garbage or break the deck file's lines.
            let control = c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control } && c != "\n" && c != "\r\n"
            out.append(c == "\u{A0}" || control ? " " : c)
            i = html.index(after: i)
        }
        return tidy(out)
    }

    /// Lines trimmed, blank ones dropped, runs of spaces and tabs inside a line made one space.
    /// Where `</name` first starts at or after `start`, in any letter case: the end of a `style`
    /// or `script` element. The name is ASCII, so the bytes are compared with ASCII case folded.
    static func endTag(_ name: String, in html: String, from start: String.Index) -> Range<String.Index>? {
        let pattern = Array(("</" + name).utf8).map(asciiLower)
        let bytes = html.utf8
        var i = start
        while i < bytes.endIndex {
            var j = i
            var matched = 0
            while matched < pattern.count, j < bytes.endIndex, asciiLower(bytes[j]) == pattern[matched] {
                matched += 1
                j = bytes.index(after: j)
            }
            if matched == pattern.count { return i..<j }
            i = bytes.index(after: i)
        }
        return nil
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    static func tidy(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { line in
                line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    static func entity(_ name: Substring) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default: break
        }
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let value =
            digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return scalar == "\u{A0}" ? " " : String(Character(scalar))
    }
}
