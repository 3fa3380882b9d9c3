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
    public static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            var v = scalar
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                v = ascii
            }
            let p = v.properties
            guard p.isAlphabetic || p.numericType != nil else { continue }
            if p.changesWhenLowercased {
                out.append(contentsOf: p.lowercaseMapping.unicodeScalars)
            } else {
                out.append(v)
            }
        }
        return String(out)
    }
}
