/// Cards that ask about the same fact from different sides. Asked one after the other, the second
/// is answered from short-term memory and the scheduler is told of a success that was not one, so
/// answering a card buries its siblings until the next study day, as Anki does.
///
/// Siblings are read off card ids, so user and imported decks get them too: cards whose ids differ
/// only in the last part (`http/404/code-to-meaning` and `http/404/meaning-to-code`, or
/// `anki/GUID/0` and `anki/GUID/1`) are siblings; contrast cards (`contrast/301-302-303-307-308`)
/// are siblings when their leading codes share a pair.
public enum Siblings {
    /// The keys a card shares with its siblings: two cards are siblings when they share one.
    public static func keys(of card: String) -> [String] {
        let parts = card.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0] == "contrast" {
            var codes: [Substring] = []
            for part in parts[1].split(separator: "-") {
                guard part.count == 3, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber) else { break }
                codes.append(part)
            }
            let sorted = codes.sorted()
            var keys: [String] = []
            for i in sorted.indices {
                for j in sorted.indices where j > i { keys.append("contrast/\(sorted[i])-\(sorted[j])") }
            }
            return keys
        }
        guard parts.count >= 3 else { return [] }
        return [parts.dropLast().joined(separator: "/")]
    }
}

/// Which cards the answers of today bury: those with a sibling answered today (a card never
/// buries itself).
public struct SiblingBurial: Sendable {
    /// Each key of a card answered today → the first such card, or nil once two differ.
    private var answered: [String: String?] = [:]

    public init<S: Sequence>(answeredToday cards: S) where S.Element == String {
        for card in cards {
            for key in Siblings.keys(of: card) {
                if let seen = answered[key] {
                    if seen != card { answered[key] = .some(nil) }
                } else {
                    answered[key] = .some(card)
                }
            }
        }
    }

    /// Whether a sibling of `card` (not `card` itself) was answered today.
    public func buries(_ card: String) -> Bool {
        guard !answered.isEmpty else { return false }
        for key in Siblings.keys(of: card) {
            guard let seen = answered[key] else { continue }
            if seen != card { return true }
        }
        return false
    }
}
