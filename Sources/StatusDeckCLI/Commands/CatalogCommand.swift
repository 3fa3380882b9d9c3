import ArgumentParser
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckHistory

/// `statusdeck catalog`: the facts behind the decks, as a table for people or JSON for scripts.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Print every registered status code (a table, or JSON), or one code in full.",
        discussion: "The JSON holds every field in both languages; --lang picks the text's language."
    )

    @Argument(help: "One status code to print in full, e.g. 404.") var code: String?

    @Flag(name: .customLong("json"), help: "Print JSON with every field, in both languages.")
    var json = false

    @Option(name: .customLong("lang"), help: "The table's language: zh or en.")
    var lang: String = "en"

    static let width = 80

    func run() throws {
        guard let language = Language(rawValue: lang) else {
            let message = "statusdeck catalog: found --lang '\(MessageText.visible(lang))'; expected zh or en\n"
            writeStandardError(message)
            throw ExitCode(2)
        }
        if let code {
            guard let number = Int(code), let entry = Catalog.entry(number) else {
                let known = Catalog.all.map(\.code)
                writeStandardError(
                    "statusdeck catalog: found `\(MessageText.visible(code))`; expected a registered status code (\(known.first ?? 100)–\(known.last ?? 599), as `statusdeck catalog` lists)\n"
                )
                throw ExitCode(2)
            }
            print(json ? try Self.json([entry]) : Self.full(entry, language: language), terminator: json ? "\n" : "")
        } else if json {
            print(try Self.json(Catalog.all))
        } else {
            print(Self.table(Catalog.all, language: language), terminator: "")
        }
    }

    /// One line per code, never wider than 80 columns: code, phrase, then flags and meaning.
    static func table(_ codes: [StatusCode], language: Language) -> String {
        let phraseColumns = 31
        let header = language == .zh ? ("代码", "短语", "含义") : ("CODE", "PHRASE", "MEANING")
        var out = PrintableText.pad(header.0, to: 6) + PrintableText.pad(header.1, to: phraseColumns + 2) + header.2 + "\n"
        for entry in codes {
            let flags = StatusFlag.allCases.filter(entry.flags.contains).map(\.rawValue)
            let tag = flags.isEmpty ? "" : "[\(flags.joined(separator: ", "))] "
            let meaning =
                language == .zh
                ? "\(tag)\(entry.name.zh)：\(entry.summary.zh)"
                : "\(tag)\(entry.summary.en)"
            let left =
                PrintableText.pad(String(entry.code), to: 6)
                + PrintableText.pad(PrintableText.truncate(entry.phrase, to: phraseColumns), to: phraseColumns + 2)
            out += left + PrintableText.truncate(meaning, to: width - PrintableText.width(left)) + "\n"
        }
        return out
    }

    /// One code in full, wrapped to 80 columns: name, class, reference, flags, meaning, detail,
    /// a scenario, headers, and the codes it is mixed up with and why.
    static func full(_ entry: StatusCode, language: Language) -> String {
        let zh = language == .zh
        var out = "\(entry.code) \(entry.phrase)" + (zh ? " · \(entry.name.zh)" : "") + "\n"
        let flags = StatusFlag.allCases.filter(entry.flags.contains).map(\.rawValue)
        let className = entry.statusClass.map { $0.name[language] } ?? ""
        out += "\(entry.code / 100)xx \(className) · \(entry.reference)" + (flags.isEmpty ? "" : " · " + flags.joined(separator: ", ")) + "\n"
        if !entry.formerPhrases.isEmpty {
            out += (zh ? "旧短语：" : "Former phrases: ") + entry.formerPhrases.joined(separator: ", ") + "\n"
        }
        func section(_ title: String, _ text: String) {
            guard !text.isEmpty else { return }
            out += "\n" + title + "\n"
            for line in TerminalText.wrap(text, width: width - 2) { out += "  " + line + "\n" }
        }
        section(zh ? "含义" : "Meaning", entry.summary[language])
        section(zh ? "详解" : "Detail", entry.detail[language])
        section(zh ? "场景" : "Scenario", entry.scenario[language])
        if !entry.headers.isEmpty { section(zh ? "相关头字段" : "Headers", entry.headers.joined(separator: ", ")) }
        if !entry.confusions.isEmpty {
            out += "\n" + (zh ? "易混" : "Not to be confused with") + "\n"
            for c in entry.confusions {
                let other = Catalog.entry(c.code).map { "\($0.code) \($0.phrase)" } ?? String(c.code)
                for (i, line) in TerminalText.wrap("≠ \(other): \(c.why[language])", width: width - 4).enumerated() {
                    out += (i == 0 ? "  " : "    ") + line + "\n"
                }
            }
        }
        return out
    }

    /// The catalog as JSON; keys sorted so the output is stable and diffable.
    static func json(_ codes: [StatusCode]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(codes.map(Entry.init))
        return String(decoding: data, as: UTF8.self)
    }

    /// The JSON shape of one entry; field names are part of the scripting interface.
    struct Entry: Encodable {
        struct Text: Encodable {
            let zh: String
            let en: String
            init(_ l: Localized) {
                zh = l.zh
                en = l.en
            }
        }
        struct Mixup: Encodable {
            let code: Int
            let why: Text
        }
        let code: Int
        let `class`: String
        let phrase: String
        let formerPhrases: [String]
        let reference: String
        let flags: [String]
        let name: Text
        let summary: Text
        let detail: Text
        let scenario: Text
        let headers: [String]
        let confusions: [Mixup]

        init(_ entry: StatusCode) {
            code = entry.code
            `class` = "\(entry.code / 100)xx"
            phrase = entry.phrase
            formerPhrases = entry.formerPhrases
            reference = entry.reference
            flags = StatusFlag.allCases.filter(entry.flags.contains).map(\.rawValue)
            name = Text(entry.name)
            summary = Text(entry.summary)
            detail = Text(entry.detail)
            scenario = Text(entry.scenario)
            headers = entry.headers
            confusions = entry.confusions.map { Mixup(code: $0.code, why: Text($0.why)) }
        }
    }
}
