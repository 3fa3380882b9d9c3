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
        for group in DeckGroup.allCases {
            for language in Language.allCases {
                decks.append(generate(group, language, codes: codes, contrasts: contrasts))
            }
        }
        return decks
    }

    /// The id and name of every built-in deck, in the order of `all()`, without generating any
    /// cards: enough to pick a deck by id or name.
    public static let headers: [(id: String, name: String)] = DeckGroup.allCases.flatMap { group in
        Language.allCases.map { (id: deckID(group, $0), name: group.name[$0]) }
    }

    /// The built-in deck with this id, generated alone: starting a review needs one deck, and
    /// generating all six was a fifth of the work before the first frame.
    public static func deck(id: String) -> Deck? {
        for group in DeckGroup.allCases {
            for language in Language.allCases where deckID(group, language) == id {
                return generate(group, language, codes: Catalog.all, contrasts: Catalog.contrasts)
            }
        }
        return nil
    }

    static func deckID(_ group: DeckGroup, _ language: Language) -> String {
        "http-\(group.rawValue)-\(language.rawValue)"
    }

    static func generate(
        _ group: DeckGroup, _ language: Language,
        codes: [StatusCode], contrasts: [Contrast]
    ) -> Deck {
        let factory = CardFactory(codes: codes, language: language)
        let cards: [Card]
        switch group {
        case .all:
            cards = codes.flatMap(factory.cards(for:)) + contrasts.map(factory.card(for:))
        case .everyday:
            let everyday = Set(everydayCodes)
            cards = codes.filter { everyday.contains($0.code) }.flatMap(factory.cards(for:))
        case .contrasts:
            // A contrast is learned by telling the codes apart, so each is followed by
            // the scenario cards of the codes it names (the same cards, ids and all, as
            // in the other decks).
            let contrasted = Set(contrasts.flatMap(\.codes))
            cards =
                contrasts.map(factory.card(for:))
                + codes.filter { contrasted.contains($0.code) }.compactMap(factory.scenarioCard(for:))
        }
        return Deck(id: deckID(group, language), name: group.name[language], language: language, cards: cards)
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
