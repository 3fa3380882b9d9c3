/// Decides whether a typed answer means the expected one.
///
/// A learner who types "not found", "Not-Found" or "ＮｏｔＦｏｕｎｄ" knows the answer; the
/// check compares only letters and digits, case-folded, with fullwidth forms read as ASCII.
public enum AnswerMatcher {
    /// True when `typed` matches `expected` or any of `alternates` after normalizing. An empty
    /// (or all-punctuation) answer never matches.
    public static func matches(_ typed: String, expected: String, alternates: [String] = []) -> Bool {
        let t = normalize(typed)
        guard !t.isEmpty else { return false }
        if t == normalize(expected) { return true }
        return alternates.contains { normalize($0) == t }
    }

    /// Letters and digits only, lower-cased; fullwidth ASCII (U+FF01–FF5E) folded to ASCII.
    ///
    /// Combining marks are kept on the letter they follow, so "é" typed as e + U+0301 still
    /// equals a precomposed "é" (String equality is canonical), and lower-casing "İ" to
    /// i + U+0307 gives a result that normalizes to itself (fuzz-answer found both).
    public static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var lastKept = false
        for scalar in s.unicodeScalars {
            var v = scalar
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                v = ascii
            }
            guard isKept(v, afterKept: lastKept) else {
                lastKept = false
                continue
            }
            let p = v.properties
            if p.changesWhenLowercased {
                for lower in p.lowercaseMapping.unicodeScalars where isKept(lower, afterKept: true) {
                    out.append(lower)
                }
            } else {
                out.append(v)
            }
            lastKept = true
        }
        return String(out)
    }

    static func isKept(_ v: Unicode.Scalar, afterKept: Bool) -> Bool {
        let p = v.properties
        if p.isAlphabetic || p.numericType != nil { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return afterKept
        default: return false
        }
    }
}
