import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckStore

/// Finds the deck `--deck` names among the built-in decks and the user's own.
enum DeckChoice {
    /// The deck a bare `statusdeck` studies: the everyday codes in the session's language.
    static func defaultID(for language: Language) -> String { "http-everyday-\(language.rawValue)" }

    /// `name` may be a path, a deck id ("http-all-zh"), an id without its language ("http-all", the
    /// session's language is added), or a deck's display name.
    /// A path to a `.deck` file (it holds a `/` or ends in `.deck`) is read from there, as
    /// `export --deck` and `decks` take one.
    static func find(_ name: String?, language: Language, dataDirectory: DataDirectory?) throws(DeckChoiceError) -> Deck {
        if let name, name.contains("/") || name.hasSuffix(".deck") {
            do { return try DeckDirectory.load(path: name) } catch { throw .badDeck(error.description) }
        }
        // Only the chosen built-in deck is generated; the others are matched by id and name.
        // User decks are still all read, so a broken one is reported as before.
        var userDecks: [Deck] = []
        if let dataDirectory {
            for path in DeckDirectory.userDeckPaths(in: dataDirectory) {
                do { userDecks.append(try DeckDirectory.load(path: path, inDataDir: true)) } catch {
                    throw .badDeck(error.description)
                }
            }
        }
        let builtIn = BuiltInDecks.headers
        let wanted = name ?? defaultID(for: language)
        // Built-in decks come before the user's, as they always have, in each of the three tries.
        let tries: [(String, Bool)] = [(wanted, false), (wanted + "-" + language.rawValue, false), (wanted, true)]
        for (key, byName) in tries {
            if let h = builtIn.first(where: { (byName ? $0.name : $0.id) == key }),
                let d = BuiltInDecks.deck(id: h.id)
            {
                return d
            }
            if let d = userDecks.first(where: { (byName ? $0.name : $0.id) == key }) { return d }
        }
        let decks = builtIn.map(\.id) + userDecks.map(\.id)
        throw .unknown(found: wanted, known: decks)
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
