/// Anki's text import format (File › Import of a `.txt`/`.tsv`): header lines that tell Anki the
/// separator, note type, deck and which columns hold the guid and the tags, then one note a line.
///
/// Anki looks the note type up by name. Where `StatusDeck` exists (the apkg was imported once)
/// the Front, Back and Extra columns land in their fields and known guids update their notes;
/// in a collection without it Anki falls back to its current note type and maps the columns by
/// name (Basic keeps Front and Back).
public enum AnkiTextEncoder {
    public static let noteTypeName = "StatusDeck"

    public static func encode(_ decks: [ExportDeck]) -> String {
        // One row per guid, as in the apkg: Anki would read a repeated guid as an update.
        let decks = AnkiCollection.uniqueNotes(decks).filter { !$0.notes.isEmpty }
        let oneDeck = decks.count == 1
        var columns = ["GUID"]
        if !oneDeck { columns.append("Deck") }
        columns += ["Front", "Back", "Extra", "Tags"]
        var out = "#separator:tab\n#html:false\n#notetype:\(noteTypeName)\n"
        if oneDeck, let deck = decks.first { out += "#deck:\(headerValue(deck.ankiName))\n" }
        out += "#columns:" + columns.joined(separator: "\t") + "\n"
        out += "#guid column:1\n"
        if !oneDeck { out += "#deck column:2\n" }
        out += "#tags column:\(columns.count)\n"
        for deck in decks {
            for note in deck.notes {
                var row = [note.guid]
                if !oneDeck { row.append(deck.ankiName) }
                row += [note.front, note.back, note.extra, DelimitedField.tags(note.tags)]
                out += row.map { DelimitedField.quoted($0, separator: "\t") }.joined(separator: "\t") + "\n"
            }
        }
        return out
    }

    /// A header value ends at the line's end: line breaks and tabs inside it would end it early.
    private static func headerValue(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}
