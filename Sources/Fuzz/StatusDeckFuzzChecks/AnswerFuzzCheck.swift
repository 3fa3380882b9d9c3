import StatusDeckCore

/// What must hold for any typed answer and any expected answer.
///
/// The input is split at its first NUL byte into what was typed and what was expected (no NUL:
/// both are the whole input). Properties: normalizing is idempotent; an answer matches itself
/// unless it has no letters or digits; matching is symmetric; an answer matches when typed in
/// fullwidth forms or in upper case.
public enum AnswerFuzzCheck {
    public static func check(_ bytes: [UInt8]) -> PropertyViolation? {
        let cut = bytes.firstIndex(of: 0) ?? bytes.count
        let typed = String(decoding: bytes[..<cut], as: UTF8.self)
        let expected = cut < bytes.count ? String(decoding: bytes[(cut + 1)...], as: UTF8.self) : typed
        for s in [typed, expected] {
            let once = AnswerMatcher.normalize(s)
            if AnswerMatcher.normalize(once) != once {
                return PropertyViolation("idempotent", "normalize(normalize(x)) != normalize(x) for \(MessageShape.visible(s))")
            }
            if AnswerMatcher.matches(s, expected: s) == once.isEmpty {
                return PropertyViolation("reflexive", "matches(x, x) is \(!once.isEmpty ? "false" : "true") for \(MessageShape.visible(s))")
            }
        }
        if AnswerMatcher.matches(typed, expected: expected) != AnswerMatcher.matches(expected, expected: typed) {
            return PropertyViolation("symmetric", "\(MessageShape.visible(typed)) vs \(MessageShape.visible(expected))")
        }
        let ascii = String(typed.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        if !ascii.isEmpty {
            let fullwidth = String(String.UnicodeScalarView(ascii.unicodeScalars.compactMap { Unicode.Scalar($0.value + 0xFEE0) }))
            if !AnswerMatcher.matches(fullwidth, expected: ascii) || !AnswerMatcher.matches(ascii.uppercased(), expected: ascii) {
                return PropertyViolation("forgiving", "fullwidth or upper-case \(MessageShape.visible(ascii)) does not match it")
            }
        }
        return nil
    }
}
