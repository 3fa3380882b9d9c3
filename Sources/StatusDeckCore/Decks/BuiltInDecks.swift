/// The decks that ship with StatusDeck, generated from the catalog.
///
/// Generation is a pure function of the catalog: the same entries give the same decks, card for
/// card and byte for byte once rendered, which is what lets a test hold `Decks/` to it.
public enum BuiltInDecks {
    /// The codes of everyday web work: those of the first seed document (the codes a beginner's
    /// guide covers) plus the ones modern APIs lean on.
    public static let everydayCodes: [Int] = [
        200, 201, 202, 204, 206,
        301, 302, 303, 304, 307, 308,
        400, 401, 403, 404, 405, 409, 410, 422, 429,
        500, 502, 503, 504,
    ]

    /// Every built-in deck, generated from `Catalog`.
    public static func all() -> [Deck] {
        generate(codes: Catalog.all, contrasts: Catalog.contrasts)
    }

    /// Every built-in deck, generated from the given entries; the seam for testing rewordings.
    public static func generate(codes: [StatusCode], contrasts: [Contrast]) -> [Deck] {
        var decks: [Deck] = []
        let everyday = Set(everydayCodes)
        let contrasted = Set(contrasts.flatMap(\.codes))
        for group in DeckGroup.allCases {
            for language in Language.allCases {
                let factory = CardFactory(codes: codes, language: language)
                let cards: [Card]
                switch group {
                case .all:
                    cards = codes.flatMap(factory.cards(for:)) + contrasts.map(factory.card(for:))
                case .everyday:
                    cards = codes.filter { everyday.contains($0.code) }.flatMap(factory.cards(for:))
                case .contrasts:
                    // A contrast is learned by telling the codes apart, so each is followed by
                    // the scenario cards of the codes it names (the same cards, ids and all, as
                    // in the other decks).
                    cards = contrasts.map(factory.card(for:))
                        + codes.filter { contrasted.contains($0.code) }.compactMap(factory.scenarioCard(for:))
                }
                decks.append(Deck(id: "http-\(group.rawValue)-\(language.rawValue)",
                                  name: group.name[language], language: language, cards: cards))
            }
        }
        return decks
    }

    enum DeckGroup: String, CaseIterable {
        case all, everyday, contrasts

        var name: Localized {
            switch self {
            case .all: Localized(zh: "HTTP 状态码：全部", en: "HTTP status codes: all")
            case .everyday: Localized(zh: "HTTP 状态码：常用", en: "HTTP status codes: everyday")
            case .contrasts: Localized(zh: "HTTP 状态码：易混辨析", en: "HTTP status codes: contrasts")
            }
        }
    }
}
