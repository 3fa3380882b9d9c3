/// RFC 4180 CSV: a header row, every record ended by CRLF, fields quoted only when they hold a
/// comma, a quote or a line break (inner quotes doubled). With history, the scheduling columns
/// follow the card's text.
public enum CSVEncoder {
    public static func encode(_ decks: [ExportDeck], withHistory: Bool) -> String {
        var out = ""
        encode(decks, withHistory: withHistory) { out += $0 }
        return out
    }

    /// The same text, handed to `write` a record at a time.
    public static func encode<E: Error>(
        _ decks: [ExportDeck], withHistory: Bool, into write: (String) throws(E) -> Void
    ) throws(E) {
        var header = ["guid", "card_id", "deck", "front", "back", "extra", "tags", "class"]
        if withHistory {
            header += ["state", "due", "last_review", "stability", "difficulty", "reps", "lapses", "reviews"]
        }
        try write(record(header))
        for deck in decks {
            for note in deck.notes {
                var row = [
                    note.guid, note.cardID, deck.name, note.front, note.back, note.extra,
                    DelimitedField.tags(note.tags), note.statusClass.map { "\($0)xx" } ?? "",
                ]
                if withHistory {
                    let s = note.scheduling ?? ExportScheduling(state: .new)
                    row += [
                        s.state.rawValue, s.due.map(Timestamp.format) ?? "",
                        s.lastReview.map(Timestamp.format) ?? "", s.stability.map { "\($0)" } ?? "",
                        s.difficulty.map { "\($0)" } ?? "", "\(s.reps)", "\(s.lapses)", "\(note.reviews.count)",
                    ]
                }
                try write(record(row))
            }
        }
    }

    private static func record(_ fields: [String]) -> String {
        fields.map { DelimitedField.quoted($0, separator: ",") }.joined(separator: ",") + "\r\n"
    }
}
