/// A named list of notes to export, in the order they should be studied.
public struct ExportDeck: Hashable, Sendable {
    /// The StatusDeck deck id, e.g. `http-en`.
    public var id: String
    /// The human name, e.g. `HTTP (English)`; Anki gets it under `StatusDeck::`.
    public var name: String
    /// BCP 47 language tag of the text, e.g. `en` or `zh`.
    public var language: String
    public var notes: [ExportNote]

    public init(id: String, name: String, language: String, notes: [ExportNote]) {
        self.id = id
        self.name = name
        self.language = language
        self.notes = notes
    }

    /// The deck's name in Anki, nested under one parent so all StatusDeck decks sit together.
    public var ankiName: String { "StatusDeck::" + name.replacing("::", with: ":") }
}
