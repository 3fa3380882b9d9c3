import FSRS

/// Anki guids for StatusDeck cards: a pure function of the language and the card id.
///
/// The same card in the same language always gets the same guid, so importing a newer export
/// updates the notes already in Anki instead of adding copies; the English and Chinese versions of
/// a card are different notes, so a learner can keep both decks.
public enum NoteGUID {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// An 11-character base-62 rendering of a 64-bit FNV-1a hash: only letters and digits, so
    /// the guid needs no quoting in CSV or TSV and never starts a `#` comment line.
    public static func make(cardID: String, language: String) -> String {
        var hash = StableHash.fnv1a("statusdeck\u{1F}\(language)\u{1F}\(cardID)")
        var digits: [Character] = []
        for _ in 0..<11 {
            digits.append(alphabet[Int(hash % 62)])
            hash /= 62
        }
        return String(digits.reversed())
    }
}
