/// What to say when a typed answer is another code's number or name: which code it is, and the
/// one line that tells the two apart (the catalog's confusion between them), or that code's
/// summary when the catalog has no such line.
public struct WrongAnswerHints: Sendable {
    public let language: Language
    /// Normalized number, phrase, former phrase and local name → code.
    private let codes: [String: Int]
    private let entries: [Int: StatusCode]

    public init(catalog: [StatusCode], language: Language) {
        self.language = language
        var codes: [String: Int] = [:]
        var entries: [Int: StatusCode] = [:]
        for entry in catalog {
            entries[entry.code] = entry
            for text in [String(entry.code), entry.phrase, entry.name.en, entry.name.zh] + entry.formerPhrases {
                let key = AnswerMatcher.normalize(text)
                if !key.isEmpty, codes[key] == nil { codes[key] = entry.code }
            }
        }
        self.codes = codes
        self.entries = entries
    }

    /// The hint for `typed` on a card about `code`; nil when it names no other code.
    public func hint(typed: String, cardCode code: Int) -> String? {
        let key = AnswerMatcher.normalize(typed)
        guard !key.isEmpty, let other = codes[key], other != code, let entry = entries[other] else { return nil }
        let name = language == .zh ? "\(other) \(entry.phrase)（\(entry.name.zh)）" : "\(other) \(entry.phrase)"
        let why =
            entries[code]?.confusions.first { $0.code == other }?.why[language]
            ?? entry.confusions.first { $0.code == code }?.why[language]
            ?? entry.summary[language]
        return (language == .zh ? "你输入的是 " : "You typed ") + name + (language == .zh ? "：" : ": ") + why
    }
}
