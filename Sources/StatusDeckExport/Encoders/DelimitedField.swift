/// Quoting shared by the CSV and Anki text encoders (RFC 4180 rules, which Anki's reader follows).
enum DelimitedField {
    /// The field as is when it is safe; otherwise in double quotes with inner quotes doubled.
    static func quoted(_ field: String, separator: Character) -> String {
        let needsQuotes = field.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        guard needsQuotes else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// One Anki tag: Anki splits tags on spaces, so a space inside one becomes `_`.
    static func tag(_ tag: String) -> String {
        String(tag.map { $0.isWhitespace ? "_" : $0 })
    }

    static func tags(_ tags: [String]) -> String {
        tags.map(tag).filter { !$0.isEmpty }.joined(separator: " ")
    }
}
