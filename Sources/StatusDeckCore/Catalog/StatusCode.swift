/// One entry of the HTTP status code catalog: the facts a learner should know about a code.
///
/// Entries are data: the catalog files hold literal values of this type and nothing else, so the
/// facts can be reviewed (and corrected) without reading any logic.
public struct StatusCode: Sendable, Hashable {
    /// The three-digit code, e.g. 404.
    public let code: Int
    /// The current reason phrase (RFC 9110 where it defines one, else the IANA registry's).
    public let phrase: String
    /// Older or informal names a user meets in the wild, e.g. "Payload Too Large" for 413.
    public let formerPhrases: [String]
    /// The defining document and section, e.g. "RFC 9110 §15.5.5".
    public let reference: String
    /// Registry facts worth knowing: WebDAV, unused, temporary, …
    public let flags: Set<StatusFlag>
    /// A short name in each language ("未找到" / "Not Found").
    public let name: Localized
    /// One line: what the code means.
    public let summary: Localized
    /// A fuller explanation: when a server sends it, what the client should do.
    public let detail: Localized
    /// A concrete situation that calls for this code, for scenario → code cards.
    public let scenario: Localized
    /// Header fields that belong with this code, e.g. ["Allow"] for 405.
    public let headers: [String]
    /// Codes this one is often confused with, and what tells them apart.
    public let confusions: [Confusion]

    public init(
        code: Int, phrase: String, formerPhrases: [String] = [], reference: String,
        flags: Set<StatusFlag> = [], name: Localized, summary: Localized, detail: Localized,
        scenario: Localized, headers: [String] = [], confusions: [Confusion] = []
    ) {
        self.code = code
        self.phrase = phrase
        self.formerPhrases = formerPhrases
        self.reference = reference
        self.flags = flags
        self.name = name
        self.summary = summary
        self.detail = detail
        self.scenario = scenario
        self.headers = headers
        self.confusions = confusions
    }

    /// The class is the first digit; it is derived, never stored, so it cannot disagree.
    public var statusClass: StatusClass? { StatusClass(rawValue: code / 100) }
}

/// Text in both of the product's languages.
public struct Localized: Sendable, Hashable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}

/// A code that learners mix up with another, and the fact that separates them.
public struct Confusion: Sendable, Hashable {
    public let code: Int
    public let why: Localized
    /// The other code fits the entry's scenario just as well, so the scenario card accepts it
    /// (and never offers it as a wrong choice).
    public let alsoFitsScenario: Bool

    public init(code: Int, why: Localized, alsoFitsScenario: Bool = false) {
        self.code = code
        self.why = why
        self.alsoFitsScenario = alsoFitsScenario
    }
}

/// Facts the IANA registry records about a code besides its name.
public enum StatusFlag: String, Sendable, Hashable, CaseIterable {
    /// Defined by WebDAV (RFC 4918 and relatives), not by core HTTP.
    case webdav
    /// Defined by an experimental RFC.
    case experimental
    /// Still registered, but its use is discouraged.
    case deprecated
    /// Reserved: registered as "(Unused)", never to be sent (306, 418).
    case unused
    /// A temporary (provisional) registration, e.g. 104.
    case temporary
    /// The defining specification was obsoleted by a later one that dropped the code (102).
    case obsoleted
    /// The defining RFC was moved to Historic status, and the registry marks the code OBSOLETED (510).
    case historic
}

/// The five classes, named by their first digit.
public enum StatusClass: Int, Sendable, Hashable, CaseIterable {
    case informational = 1
    case successful = 2
    case redirection = 3
    case clientError = 4
    case serverError = 5

    public var name: Localized {
        switch self {
        case .informational: Localized(zh: "信息响应", en: "Informational")
        case .successful: Localized(zh: "成功", en: "Successful")
        case .redirection: Localized(zh: "重定向", en: "Redirection")
        case .clientError: Localized(zh: "客户端错误", en: "Client error")
        case .serverError: Localized(zh: "服务器错误", en: "Server error")
        }
    }
}

/// The product's two languages.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case zh
    case en
}

/// The catalog of every registered status code. Its entries live in one file per class.
public enum Catalog {}
