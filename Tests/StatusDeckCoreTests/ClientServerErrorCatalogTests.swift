import Testing

@testable import StatusDeckCore

/// The 4xx and 5xx entries, checked directly so they stand on their own before `Catalog.all` exists.
/// The registry facts below are typed in independently of the catalog, from the IANA registry,
/// so a slip in either copy shows up as a failure.
@Suite struct ClientServerErrorCatalogTests {
    /// The IANA registry's 4xx and 5xx rows: code and description as the registry writes them.
    static let registryPhrases: [Int: String] = [
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
        404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
        407: "Proxy Authentication Required", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
        411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large",
        414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
        417: "Expectation Failed", 418: "(Unused)", 421: "Misdirected Request",
        422: "Unprocessable Content", 423: "Locked", 424: "Failed Dependency", 425: "Too Early",
        426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests",
        431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
        506: "Variant Also Negotiates", 507: "Insufficient Storage", 508: "Loop Detected",
        510: "Not Extended", 511: "Network Authentication Required",
    ]

    /// Every code in the registry, all classes: what a confusion may point at.
    static let registryCodes: Set<Int> = Set(
        [100, 101, 102, 103, 104]
            + Array(200...208) + [226] + Array(300...308)
    ).union(registryPhrases.keys)

    static let entries: [StatusCode] = Catalog.clientErrors + Catalog.serverErrors

    @Test func clientErrorsAreExactlyTheRegistry4xxSortedAndUnique() {
        let codes = Catalog.clientErrors.map(\.code)
        let expected = Self.registryPhrases.keys.filter { $0 / 100 == 4 }.sorted()
        #expect(codes == expected)
        #expect(Catalog.clientErrors.allSatisfy { $0.statusClass == .clientError })
    }

    @Test func serverErrorsAreExactlyTheRegistry5xxSortedAndUnique() {
        let codes = Catalog.serverErrors.map(\.code)
        let expected = Self.registryPhrases.keys.filter { $0 / 100 == 5 }.sorted()
        #expect(codes == expected)
        #expect(Catalog.serverErrors.allSatisfy { $0.statusClass == .serverError })
    }

    @Test func phrasesMatchTheRegistry() {
        for entry in Self.entries {
            #expect(entry.phrase == Self.registryPhrases[entry.code], "code \(entry.code)")
        }
    }

    @Test func formerPhrasesUsersMeetAreKept() {
        let byCode = Dictionary(uniqueKeysWithValues: Self.entries.map { ($0.code, $0) })
        #expect(byCode[413]?.formerPhrases.contains("Payload Too Large") == true)
        #expect(byCode[413]?.formerPhrases.contains("Request Entity Too Large") == true)
        #expect(byCode[414]?.formerPhrases.contains("Request-URI Too Long") == true)
        #expect(byCode[416]?.formerPhrases.contains("Requested Range Not Satisfiable") == true)
        #expect(byCode[418]?.formerPhrases.contains("I'm a teapot") == true)
        #expect(byCode[422]?.formerPhrases.contains("Unprocessable Entity") == true)
    }

    @Test func flagsMatchTheRegistry() {
        let expected: [Int: Set<StatusFlag>] = [
            418: [.unused], 423: [.webdav], 424: [.webdav], 506: [.experimental],
            507: [.webdav], 508: [.webdav, .experimental], 510: [.historic],
        ]
        for entry in Self.entries {
            #expect(entry.flags == expected[entry.code, default: []], "code \(entry.code)")
        }
    }

    @Test func rfc9110ReferencesPointIntoTheRightSection() {
        for entry in Self.entries where entry.reference.hasPrefix("RFC 9110") {
            let section = entry.code / 100 == 4 ? "RFC 9110 §15.5." : "RFC 9110 §15.6."
            #expect(entry.reference.hasPrefix(section), "code \(entry.code): \(entry.reference)")
        }
        for entry in Self.entries {
            #expect(entry.reference.hasPrefix("RFC "), "code \(entry.code)")
            #expect(entry.reference.contains("§"), "code \(entry.code)")
        }
    }

    @Test func requiredHeadersAreListed() {
        let byCode = Dictionary(uniqueKeysWithValues: Self.entries.map { ($0.code, $0) })
        let required: [Int: String] = [
            401: "WWW-Authenticate", 405: "Allow", 407: "Proxy-Authenticate", 413: "Retry-After",
            416: "Content-Range", 426: "Upgrade", 429: "Retry-After", 503: "Retry-After",
        ]
        for (code, header) in required {
            #expect(byCode[code]?.headers.contains(header) == true, "code \(code) lacks \(header)")
        }
    }

    @Test func noTextIsEmpty() {
        for entry in Self.entries {
            #expect(!entry.phrase.isEmpty && !entry.reference.isEmpty, "code \(entry.code)")
            #expect(!entry.formerPhrases.contains(""), "code \(entry.code)")
            #expect(!entry.headers.contains(""), "code \(entry.code)")
            for text in Self.localizedTexts(of: entry) {
                #expect(!text.zh.isEmpty && !text.en.isEmpty, "code \(entry.code)")
            }
        }
    }

    @Test func noControlCharactersOrTrailingWhitespace() {
        for entry in Self.entries {
            let plain = [entry.phrase, entry.reference] + entry.formerPhrases + entry.headers
            let texts = plain + Self.localizedTexts(of: entry).flatMap { [$0.zh, $0.en] }
            for text in texts {
                let controls = text.unicodeScalars.filter { $0.properties.generalCategory == .control }
                #expect(controls.isEmpty, "code \(entry.code): \(text)")
                #expect(text == text.trimmingSpaces, "code \(entry.code): \(text)")
            }
        }
    }

    @Test func scenariosDoNotGiveAwayTheirCode() {
        for entry in Self.entries {
            let number = String(entry.code)
            let names = [entry.phrase] + entry.formerPhrases
            for scenario in [entry.scenario.zh, entry.scenario.en] {
                #expect(!scenario.contains(number), "code \(entry.code): \(scenario)")
                for name in names {
                    #expect(
                        !scenario.lowercased().contains(name.lowercased()),
                        "code \(entry.code) scenario names \(name)")
                }
            }
            #expect(!entry.scenario.zh.contains(entry.name.zh), "code \(entry.code)")
            #expect(
                !entry.scenario.en.lowercased().contains(entry.name.en.lowercased()),
                "code \(entry.code)")
        }
    }

    @Test func confusionsPointAtOtherRegisteredCodes() {
        for entry in Self.entries {
            #expect(!entry.confusions.isEmpty, "code \(entry.code)")
            let targets = entry.confusions.map(\.code)
            #expect(Set(targets).count == targets.count, "code \(entry.code)")
            for target in targets {
                #expect(Self.registryCodes.contains(target), "code \(entry.code) -> \(target)")
                #expect(target != entry.code, "code \(entry.code) confused with itself")
            }
        }
    }

    @Test func chineseTextIsChineseAndEnglishTextHasNoChinese() {
        for entry in Self.entries {
            for text in Self.localizedTexts(of: entry) {
                #expect(Self.hasCJK(text.zh), "code \(entry.code): \(text.zh)")
                #expect(!Self.hasCJK(text.en), "code \(entry.code): \(text.en)")
            }
            let plain = [entry.phrase, entry.reference] + entry.formerPhrases + entry.headers
            #expect(!plain.contains(where: Self.hasCJK), "code \(entry.code)")
        }
    }

    // MARK: - Helpers

    static func localizedTexts(of entry: StatusCode) -> [Localized] {
        [entry.name, entry.summary, entry.detail, entry.scenario] + entry.confusions.map(\.why)
    }

    /// CJK ideographs and the CJK punctuation and full-width forms that only Chinese text uses.
    static func hasCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
                0xFF00...0xFFEF, 0x20000...0x2FA1F:
                true
            default:
                false
            }
        }
    }
}

private extension String {
    /// Without Foundation: the string minus leading and trailing spaces.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}
