/// Turns catalog entries into cards in one language.
///
/// Ids are built from codes, kinds and contrast slugs only, never from text, so rewording the
/// catalog (or translating it) leaves every card's history attached.
struct CardFactory {
    let codes: [StatusCode]
    let language: Language
    private let byCode: [Int: StatusCode]

    /// How many wrong answers a card offers the quiz to pick from.
    static let distractorCount = 5

    init(codes: [StatusCode], language: Language) {
        self.codes = codes
        self.language = language
        self.byCode = Dictionary(codes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func id(_ code: Int, _ kind: CardKind) -> String { "http/\(code)/\(kind.rawValue)" }

    /// The cards of one code, in a fixed order. An unused code has no scenario and its phrase
    /// "(Unused)" names two codes, so it only gets the cards that still make sense.
    func cards(for entry: StatusCode) -> [Card] {
        [codeToMeaning(entry), scenarioCard(for: entry), phraseCard(entry), classCard(entry)].compactMap { $0 }
    }

    func codeToMeaning(_ entry: StatusCode) -> Card {
        let prompt = text(zh: "状态码 \(entry.code) 是什么意思？", en: "What does \(entry.code) mean?")
        let name = entry.name[language]
        var accepted = [entry.phrase] + entry.formerPhrases
        if language == .zh { accepted.append(entry.name.en) }
        return Card(
            id: Self.id(entry.code, .codeToMeaning), kind: .codeToMeaning, code: entry.code,
            prompt: prompt, answer: name, accepted: unique(accepted, excluding: name),
            choices: distractors(for: entry).map { $0.name[language] },
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
            choices: distractors(for: entry, excluding: Set(alsoRight)).map { String($0.code) },
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
            choices: distractors(for: entry).map { String($0.code) },
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
            id: "contrast/\(contrast.slug)", kind: .contrast, code: nil,
            prompt: contrast.prompt[language], answer: contrast.answer[language],
            explanation: contrast.explanation[language], mode: CardKind.contrast.defaultMode)
    }

    func classLabel(_ c: StatusClass) -> String { "\(c.rawValue)xx \(c.name[language])" }

    /// Wrong answers that teach something: the codes the entry is confused with first, then
    /// its nearest neighbours in the same class. Unused codes never appear.
    func distractors(for entry: StatusCode, excluding right: Set<Int> = []) -> [StatusCode] {
        var picked: [StatusCode] = []
        func take(_ candidate: StatusCode?) {
            guard let candidate, candidate.code != entry.code, !right.contains(candidate.code), !candidate.flags.contains(.unused),
                !picked.contains(where: { $0.code == candidate.code }),
                picked.count < Self.distractorCount
            else { return }
            picked.append(candidate)
        }
        for confusion in entry.confusions { take(byCode[confusion.code]) }
        let neighbours =
            codes
            .filter { $0.statusClass == entry.statusClass }
            .sorted { (abs($0.code - entry.code), $0.code) < (abs($1.code - entry.code), $1.code) }
        for neighbour in neighbours { take(neighbour) }
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
            let other = byCode[confusion.code].map { " \($0.phrase)" } ?? ""
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
