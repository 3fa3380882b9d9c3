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

    /// The id, name, language and card count of every built-in deck, in the order of `all()`,
    /// counted from the cards' keys: `statusdeck decks` prints no more, and writing every card of
    /// six decks to count them was most of its work.
    public static func summaries() -> [(id: String, name: String, language: Language, cardCount: Int)] {
        DeckGroup.allCases.flatMap { group in
            let count = cardKeys(group, codes: Catalog.all, contrasts: Catalog.contrasts).count
            return Language.allCases.map { (id: deckID(group, $0), name: group.name[$0], language: $0, cardCount: count) }
        }
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
        let cards = compose(
            group, codes: codes, contrasts: contrasts,
            entry: { factory.card(kind: $1, for: $0) }, contrast: factory.card(for:))
        return Deck(id: deckID(group, language), name: group.name[language], language: language, cards: cards)
    }

    /// The id and code of every card of the built-in deck with this id, in deck order, without
    /// writing any card: `stats` needs only these, and writing the text was most of its start-up.
    public static func cardKeys(id: String) -> [CardKey]? {
        for group in DeckGroup.allCases {
            for language in Language.allCases where deckID(group, language) == id {
                return cardKeys(group, codes: Catalog.all, contrasts: Catalog.contrasts)
            }
        }
        return nil
    }

    /// The keys of every built-in deck, deck after deck in the order of `all()`.
    public static func allCardKeys() -> [CardKey] {
        // Both languages of a group have the same cards, so each group is listed once per language.
        DeckGroup.allCases.flatMap { group in
            let keys = cardKeys(group, codes: Catalog.all, contrasts: Catalog.contrasts)
            return Language.allCases.flatMap { _ in keys }
        }
    }

    static func cardKeys(_ group: DeckGroup, codes: [StatusCode], contrasts: [Contrast]) -> [CardKey] {
        compose(
            group, codes: codes, contrasts: contrasts,
            entry: { CardKey(id: CardFactory.id($0.code, $1), code: $0.code) },
            contrast: { CardKey(id: CardFactory.contrastID($0), code: nil) })
    }

    /// Which cards a deck of `group` holds, in order, as whatever `entry` and `contrast` make of
    /// them: the one definition behind both the cards and their keys.
    static func compose<Item>(
        _ group: DeckGroup, codes: [StatusCode], contrasts: [Contrast],
        entry: (StatusCode, CardKind) -> Item, contrast: (Contrast) -> Item
    ) -> [Item] {
        func all(of code: StatusCode) -> [Item] { CardFactory.kinds(of: code).map { entry(code, $0) } }
        switch group {
        case .all:
            return codes.flatMap(all(of:)) + contrasts.map(contrast)
        case .everyday:
            let everyday = Set(everydayCodes)
            return codes.filter { everyday.contains($0.code) }.flatMap(all(of:))
        case .contrasts:
            // A contrast is learned by telling the codes apart, so each is followed by
            // the scenario cards of the codes it names (the same cards, ids and all, as
            // in the other decks).
            let contrasted = Set(contrasts.flatMap(\.codes))
            return contrasts.map(contrast)
                + codes.filter { contrasted.contains($0.code) && CardFactory.kinds(of: $0).contains(.meaningToCode) }
                .map { entry($0, .meaningToCode) }
        }
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
