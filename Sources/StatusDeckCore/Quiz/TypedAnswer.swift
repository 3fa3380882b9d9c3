/// A typed answer judged against the card's: right, right but for one slip, or wrong; and where
/// the two differ, character by character, for the back of the card.
public struct TypedAnswer: Hashable, Sendable {
    public enum Verdict: Hashable, Sendable {
        /// Means the answer (`AnswerMatcher`'s rules).
        case right
        /// One letter added, dropped, changed or two swapped, in an answer of 5 or more letters
        /// and digits: the learner knew it, and the grade suggested is Hard, not Good.
        case slip
        case wrong
    }

    /// A run of characters of the typed text or of the answer, and whether the other one has it.
    public struct Piece: Hashable, Sendable {
        public var text: String
        /// False for characters the other side lacks: typed ones that are not in the answer,
        /// or answer ones that were not typed.
        public var matched: Bool

        public init(text: String, matched: Bool) {
            self.text = text
            self.matched = matched
        }
    }

    public let verdict: Verdict
    /// The typed text, split where it differs from the answer it was compared with.
    public let typed: [Piece]
    /// That answer, split the same way.
    public let expected: [Piece]

    /// Shortest answer, in letters and digits, where one slip still counts: below it one edit
    /// turns a word into another ("Gone" and "Done").
    public static let slipMinimum = 5

    public init(_ typed: String, expected: String, alternates: [String] = []) {
        let candidates = [expected] + alternates
        if AnswerMatcher.matches(typed, expected: expected, alternates: alternates) {
            verdict = .right
        } else {
            let t = Array(AnswerMatcher.normalize(typed))
            let slip = candidates.contains { candidate in
                let e = Array(AnswerMatcher.normalize(candidate))
                return e.count >= Self.slipMinimum && Self.withinOneEdit(t, e)
            }
            verdict = slip ? .slip : .wrong
        }
        // Compare with the written answer the typed text is closest to, so a learner who typed
        // the other language's name sees that one marked, not a wall of differences.
        let closest =
            candidates.min {
                Self.distance(Array(AnswerMatcher.normalize(typed)), Array(AnswerMatcher.normalize($0)))
                    < Self.distance(Array(AnswerMatcher.normalize(typed)), Array(AnswerMatcher.normalize($1)))
            } ?? expected
        (self.typed, self.expected) = Self.pieces(typed, closest)
    }

    /// Whether one insertion, deletion, substitution or swap of neighbours turns `a` into `b`.
    static func withinOneEdit(_ a: [Character], _ b: [Character]) -> Bool {
        if a == b { return true }
        if a.count == b.count {
            let diffs = a.indices.filter { a[$0] != b[$0] }
            if diffs.count == 1 { return true }
            return diffs.count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]]
        }
        guard abs(a.count - b.count) == 1 else { return false }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        var i = 0
        while i < short.count, long[i] == short[i] { i += 1 }
        return long[(i + 1)...].elementsEqual(short[i...])
    }

    /// Edit distance (Levenshtein), for picking the closest answer; strings here are short.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = a[i - 1] == b[j - 1] ? previous : min(previous, row[j], row[j - 1]) + 1
                previous = current
            }
        }
        return row[b.count]
    }

    /// Both texts cut into runs of characters on a longest common subsequence, compared case-
    /// blind; spaces and punctuation always count as matched (the check ignores them).
    static func pieces(_ typed: String, _ expected: String) -> ([Piece], [Piece]) {
        let a = Array(typed), b = Array(expected)
        func key(_ c: Character) -> String { String(c).lowercased() }
        func ignored(_ c: Character) -> Bool { AnswerMatcher.normalize(String(c)).isEmpty }
        // Longest common subsequence table, from the ends.
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        if !a.isEmpty && !b.isEmpty {
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                for j in stride(from: b.count - 1, through: 0, by: -1) {
                    lcs[i][j] = key(a[i]) == key(b[j]) ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
        }
        var inA = [Bool](repeating: false, count: a.count), inB = [Bool](repeating: false, count: b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if key(a[i]) == key(b[j]) {
                inA[i] = true
                inB[j] = true
                i += 1
                j += 1
            } else if lcs[i + 1][j] >= lcs[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        func runs(_ chars: [Character], _ matched: [Bool]) -> [Piece] {
            var out: [Piece] = []
            for (c, m) in zip(chars, matched) {
                let ok = m || ignored(c)
                if let last = out.last, last.matched == ok {
                    out[out.count - 1].text.append(c)
                } else {
                    out.append(Piece(text: String(c), matched: ok))
                }
            }
            return out
        }
        return (runs(a, inA), runs(b, inB))
    }
}
