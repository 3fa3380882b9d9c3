/// Trimming as Foundation's `trimmingCharacters(in: .whitespaces)` and `.whitespacesAndNewlines`
/// do it, scalar by scalar, without corelibs Foundation (which would bring ICU into the binary).
extension StringProtocol {
    /// Without leading and trailing spaces (Unicode category Zs, and U+200B) and tabs.
    func trimmingWhitespace() -> String {
        trimming(where: Whitespace.isSpace)
    }

    /// Without leading and trailing spaces, tabs and line breaks (categories Z*, U+000A to
    /// U+000D and U+0085).
    func trimmingWhitespaceAndNewlines() -> String {
        trimming(where: Whitespace.isSpaceOrNewline)
    }

    private func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[first...last])
        return String(kept)
    }
}

/// The two sets, as Foundation's `CharacterSet` defines them (which, beyond its documentation,
/// also counts U+200B ZERO WIDTH SPACE as a space).
enum Whitespace {
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }

    static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x200B: return true
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }
}
