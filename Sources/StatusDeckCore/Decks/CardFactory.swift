/// Turns catalog entries into cards in one language.
///
/// Ids are built from codes, kinds and contrast slugs only, never from text, so rewording the
/// catalog (or translating it) leaves every card's history attached.
struct CardFactory {
    let language: Language
    // Plain codes and strings, not `StatusCode`s: an entry is a large struct of strings, and
    // copying entries into filtered, sorted arrays for every card's distractors was most of the
    // cost of generating a deck.
    /// The phrase and the name (in `language`) of each code; the first entry wins on a repeat.
    private let phraseByCode: [Int: String]
    private let nameByCode: [Int: String]
    /// Codes that may be offered as a wrong answer (every code but the unused ones).
    private let offerable: Set<Int>
    /// The offerable codes of each class (keyed by first digit), ascending.
    private let offerableByClass: [Int: [Int]]

    /// How many wrong answers a card offers the quiz to pick from.
    static let distractorCount = 5

    init(codes: [StatusCode], language: Language) {
        self.language = language
        var phrases: [Int: String] = [:]
        var names: [Int: String] = [:]
        var offerable: Set<Int> = []
        var byClass: [Int: [Int]] = [:]
        for entry in codes where phrases[entry.code] == nil {
            phrases[entry.code] = entry.phrase
            names[entry.code] = entry.name[language]
            guard !entry.flags.contains(.unused) else { continue }
            offerable.insert(entry.code)
            byClass[Self.classKey(entry), default: []].append(entry.code)
        }
        self.phraseByCode = phrases
        self.nameByCode = names
        self.offerable = offerable
        self.offerableByClass = byClass.mapValues { $0.sorted() }
    }

    /// The first digit for a code in a class; codes outside every class share one key, as they
    /// shared the nil class before.
    private static func classKey(_ entry: StatusCode) -> Int { entry.statusClass?.rawValue ?? -1 }

    static func id(_ code: Int, _ kind: CardKind) -> String { "http/\(code)/\(kind.rawValue)" }

    static func contrastID(_ contrast: Contrast) -> String { "contrast/\(contrast.slug)" }

    /// The cards of one code, in a fixed order. An unused code has no scenario and its phrase
    /// "(Unused)" names two codes, so it only gets the cards that still make sense.
    func cards(for entry: StatusCode) -> [Card] {
        Self.kinds(of: entry).map { card(kind: $0, for: entry) }
    }

    /// The kinds of card a code gets, in deck order. The one place that decides it, so the cards
    /// `cards(for:)` writes and the ids `BuiltInDecks.cardKeys` lists without writing them agree.
    static func kinds(of entry: StatusCode) -> [CardKind] {
        var kinds: [CardKind] = [.codeToMeaning]
        if !entry.flags.contains(.unused) { kinds += [.meaningToCode, .phraseToCode] }
        if entry.statusClass != nil { kinds.append(.classRecognition) }
        return kinds
    }

    /// The card of one kind for a code; `kind` must be one of `kinds(of:)`.
    func card(kind: CardKind, for entry: StatusCode) -> Card {
        let made: Card?
        switch kind {
        case .codeToMeaning: made = codeToMeaning(entry)
        case .meaningToCode: made = scenarioCard(for: entry)
        case .phraseToCode: made = phraseCard(entry)
        case .classRecognition: made = classCard(entry)
        case .contrast: made = nil
        }
        guard let made else { preconditionFailure("no \(kind.rawValue) card for \(entry.code)") }
        return made
    }

    func codeToMeaning(_ entry: StatusCode) -> Card {
        let prompt = text(zh: "状态码 \(entry.code) 是什么意思？", en: "What does \(entry.code) mean?")
        let name = entry.name[language]
        var accepted = [entry.phrase] + entry.formerPhrases
        if language == .zh { accepted.append(entry.name.en) }
        return Card(
            id: Self.id(entry.code, .codeToMeaning), kind: .codeToMeaning, code: entry.code,
            prompt: prompt, answer: name, accepted: unique(accepted, excluding: name),
            choices: distractors(for: entry).map { nameByCode[$0] ?? "" },
            explanation: explanation(entry), mode: CardKind.codeToMeaning.defaultMode)
    }

    func scenarioCard(for entry: StatusCode) -> Card? {
        guard !entry.flags.contains(.unused) else { return nil }
        let prompt = entry.scenario[language] + text(zh: "应该用哪个状态码？", en: " Which status code fits?")
        // Where another code fits the scenario as well, it is right too, never a wrong choice.
        let alsoRight = entry.confusions.filter(\.alsoFitsScenario).map(\.code)
        return Card(
            id: Self.id(entry.code, .meaningToCode), kind: .meaningToCode, code: entry.code,
            prompt: prompt, answer: String(entry.code), accepted: alsoRight.map(String.init),
            choices: distractors(for: entry, excluding: Set(alsoRight)).map(String.init),
            explanation: explanation(entry), mode: CardKind.meaningToCode.defaultMode)
    }

    func phraseCard(_ entry: StatusCode) -> Card? {
        guard !entry.flags.contains(.unused) else { return nil }
        let prompt = text(
            zh: "原因短语“\(entry.phrase)”对应哪个状态码？",
            en: "Which status code has the reason phrase \"\(entry.phrase)\"?")
        return Card(
            id: Self.id(entry.code, .phraseToCode), kind: .phraseToCode, code: entry.code,
            prompt: prompt, answer: String(entry.code),
            choices: distractors(for: entry).map(String.init),
            explanation: explanation(entry), mode: CardKind.phraseToCode.defaultMode)
    }

    func classCard(_ entry: StatusCode) -> Card? {
        guard let statusClass = entry.statusClass else { return nil }
        // "(Unused)" names two codes (306 and 418), so their prompts name the code as well.
        let prompt: String
        if entry.flags.contains(.unused) {
            prompt = text(zh: "已保留不用的状态码 \(entry.code) 属于哪一类？", en: "Which class does the reserved, unused code \(entry.code) belong to?")
        } else if language == .zh {
            prompt = entry.name.zh == entry.phrase ? "“\(entry.phrase)”属于哪一类状态码？" : "“\(entry.phrase)”（\(entry.name.zh)）属于哪一类状态码？"
        } else {
            prompt = "Which class of status code is \"\(entry.phrase)\"?"
        }
        let others = StatusClass.allCases.filter { $0 != statusClass }.map(classLabel)
        return Card(
            id: Self.id(entry.code, .classRecognition), kind: .classRecognition, code: entry.code,
            prompt: prompt, answer: classLabel(statusClass),
            accepted: ["\(statusClass.rawValue)xx", statusClass.name[language]],
            choices: others, explanation: explanation(entry),
            mode: CardKind.classRecognition.defaultMode)
    }

    func card(for contrast: Contrast) -> Card {
        Card(
            id: Self.contrastID(contrast), kind: .contrast, code: nil,
            prompt: contrast.prompt[language], answer: contrast.answer[language],
            explanation: contrast.explanation[language], mode: CardKind.contrast.defaultMode)
    }

    func classLabel(_ c: StatusClass) -> String { "\(c.rawValue)xx \(c.name[language])" }

    /// Wrong answers that teach something, as codes: the codes the entry is confused with
    /// first, then its nearest neighbours in the same class (the lower first on a tie). Unused
    /// codes never appear.
    func distractors(for entry: StatusCode, excluding right: Set<Int> = []) -> [Int] {
        var picked: [Int] = []
        picked.reserveCapacity(Self.distractorCount)
        func take(_ code: Int) {
            guard picked.count < Self.distractorCount, code != entry.code, offerable.contains(code),
                !right.contains(code), !picked.contains(code)
            else { return }
            picked.append(code)
        }
        for confusion in entry.confusions { take(confusion.code) }
        // Walk outwards from the entry through its class's sorted codes, nearest first: the
        // same order as sorting by (distance, code), without sorting anything.
        let sameClass = offerableByClass[Self.classKey(entry)] ?? []
        var above = sameClass.firstIndex { $0 >= entry.code } ?? sameClass.count
        var below = above - 1
        while picked.count < Self.distractorCount, below >= 0 || above < sameClass.count {
            if above >= sameClass.count
                || (below >= 0 && entry.code - sameClass[below] <= sameClass[above] - entry.code)
            {
                take(sameClass[below])
                below -= 1
            } else {
                take(sameClass[above])
                above += 1
            }
        }
        return picked
    }

    /// The back-of-card text shared by every card of a code.
    func explanation(_ entry: StatusCode) -> String {
        var lines: [String] = []
        let className = entry.statusClass.map { classLabel($0) } ?? ""
        let name = entry.name[language] == entry.phrase ? "" : " · \(entry.name[language])"
        lines.append("\(entry.code) \(entry.phrase)\(name) · \(className) · \(entry.reference)")
        lines.append(entry.summary[language])
        lines.append(entry.detail[language])
        if !entry.headers.isEmpty {
            lines.append(text(zh: "相关头字段：", en: "Headers: ") + entry.headers.joined(separator: ", "))
        }
        if !entry.formerPhrases.isEmpty {
            lines.append(text(zh: "旧称：", en: "Also known as: ") + entry.formerPhrases.joined(separator: ", "))
        }
        let flags = StatusFlag.allCases.filter(entry.flags.contains).map(flagName)
        if !flags.isEmpty {
            lines.append(text(zh: "注册信息：", en: "Registry: ") + flags.joined(separator: text(zh: "、", en: ", ")))
        }
        for confusion in entry.confusions {
            let other = phraseByCode[confusion.code].map { " \($0)" } ?? ""
            lines.append(
                text(zh: "≠ \(confusion.code)\(other)：", en: "≠ \(confusion.code)\(other): ")
                    + confusion.why[language])
        }
        return lines.joined(separator: "\n")
    }

    func flagName(_ flag: StatusFlag) -> String {
        switch flag {
        case .webdav: "WebDAV"
        case .experimental: text(zh: "实验性", en: "experimental")
        case .deprecated: text(zh: "已弃用", en: "deprecated")
        case .unused: text(zh: "保留未用", en: "unused")
        case .temporary: text(zh: "临时注册", en: "temporary registration")
        case .obsoleted: text(zh: "定义它的规范已被取代", en: "defining specification obsoleted")
        case .historic: text(zh: "定义它的 RFC 已改为历史状态，注册表标为已废弃", en: "defining RFC moved to Historic; marked OBSOLETED in the registry")
        }
    }

    func text(zh: String, en: String) -> String { Localized(zh: zh, en: en)[language] }

    func unique(_ values: [String], excluding answer: String) -> [String] {
        var seen: Set<String> = [answer]
        return values.filter { seen.insert($0).inserted }
    }
}
