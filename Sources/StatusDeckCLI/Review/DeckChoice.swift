import Foundation
import StatusDeckCore
import StatusDeckStore

/// Finds the deck `--deck` names among the built-in decks and the user's own.
enum DeckChoice {
    /// The deck a bare `statusdeck` studies: the everyday codes in the session's language.
    static func defaultID(for language: Language) -> String { "http-everyday-\(language.rawValue)" }

    /// `name` may be a deck id ("http-all-zh"), an id without its language ("http-all", the
    /// session's language is added), or a deck's display name.
    static func find(_ name: String?, language: Language, dataDirectory: DataDirectory?) throws(DeckChoiceError) -> Deck {
        var decks = BuiltInDecks.all()
        if let dataDirectory {
            for path in DeckDirectory.userDeckPaths(in: dataDirectory) {
                do { decks.append(try DeckDirectory.load(path: path)) } catch {
                    throw .badDeck(error.description)
                }
            }
        }
        let wanted = name ?? defaultID(for: language)
        if let d = decks.first(where: { $0.id == wanted }) { return d }
        if let d = decks.first(where: { $0.id == wanted + "-" + language.rawValue }) { return d }
        if let d = decks.first(where: { $0.name == wanted }) { return d }
        throw .unknown(found: wanted, known: decks.map(\.id))
    }
}

enum DeckChoiceError: Error {
    case unknown(found: String, known: [String])
    case badDeck(String)

    var message: String {
        switch self {
        case .unknown(let found, let known):
            "statusdeck: --deck: found \"\(TerminalText.sanitizeLine(found))\"; expected one of "
                + known.map(TerminalText.sanitizeLine).joined(separator: ", ")
        case .badDeck(let line):
            TerminalText.sanitizeLine(line)
        }
    }
}
