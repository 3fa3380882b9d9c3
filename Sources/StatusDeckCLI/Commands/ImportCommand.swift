import ArgumentParser
import FoundationEssentials
import StatusDeckCore
import StatusDeckExport
import StatusDeckHistory
import StatusDeckStore

#if canImport(Glibc)
import Glibc
#endif

/// `statusdeck import FILE`: cards and review history from Anki (packages and text exports) and
/// answers from a py-fsrs review log, committed all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an Anki package (.apkg, .colpkg), Anki text export or py-fsrs review log (CSV).",
        discussion: """
            Notes become a deck in DATA_DIR/decks/ID.deck (cards anki/GUID/ORD); Anki's review log \
            becomes answers in the history. Importing the same file again updates the wording and \
            adds only answers the history lacks. Nothing is written when the file is bad or with \
            --dry-run.
            """
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The file to import.") var file: String

    @Option(name: .customLong("deck-id"), help: "The deck to import into (default: from the Anki deck or the file name).")
    var deckID: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would be imported and write nothing.")
    var dryRun = false

    enum Kind {
        case package, text, reviewLog
    }

    func run() throws {
        let dir = try CommandContext.directory(data)
        if let deckID, !DeckFile.isValidDeckID(deckID) {
            throw Report.fail(
                "--deck-id \(MessageText.visible(deckID)): found a deck id with other characters; expected letters, digits, '-', '_' or '.'", code: 2)
        }
        let kind = try kindOfFile()
        let baseName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent

        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var plan: ImportPlan
        var deck = deckID ?? Self.slug(baseName)
        do throws(ImportFailure) {
            switch kind {
            case .package:
                plan = try AnkiPackageImporter.plan(path: file, scratch: scratch)
            case .text:
                plan = try AnkiTextImporter.plan(text: try readText(), path: file, name: baseName)
            case .reviewLog:
                plan = try ReviewLogImporter.plan(text: try readText(), path: file, name: baseName, deck: deck)
            }
        } catch {
            throw Report.fail(error.description, code: error.exitCode)
        }
        if deckID == nil, kind != .reviewLog { deck = Self.slug(plan.suggestedName, fallback: Self.slug(baseName)) }
        if BuiltInDecks.headers.contains(where: { $0.id == deck }) {
            throw Report.fail("--deck-id \(deck): found the id of a built-in deck; expected another deck id", code: 2)
        }
        for warning in plan.warnings { Report.warn("\(file): \(warning)") }

        // The deck file: the existing one's cards keep their place and take the new wording.
        let deckPath = dir.path + "/decks/\(deck).deck"
        var deckText: String?
        var newCards = 0, updatedCards = 0, keptCards = 0
        if !plan.cards.isEmpty {
            var existing: Deck?
            if FileManager.default.fileExists(atPath: deckPath) {
                do { existing = try DeckDirectory.load(path: deckPath, inDataDir: true) } catch {
                    let disk = if case .unreadable = error { true } else { false }
                    throw Report.fail(error.description, code: disk ? 1 : 2)
                }
            }
            let before = Dictionary((existing?.cards ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for card in plan.cards {
                if let old = before[card.id] { updatedCards += old == card ? 0 : 1 } else { newCards += 1 }
            }
            keptCards = (existing?.cards.count ?? 0) - (plan.cards.count - newCards)
            let merged = Deck(
                id: deck, name: existing?.name ?? plan.suggestedName, language: existing?.language ?? plan.language,
                cards: plan.mergedCards(with: existing?.cards ?? []))
            let text = "# Imported by statusdeck from \(URL(fileURLWithPath: file).lastPathComponent.filter { !$0.isNewline }).\n" + DeckFile.render(merged)
            // What is written must read back: a value the format cannot hold would be found here.
            do { _ = try DeckFile.parse(text, path: deckPath) } catch {
                throw Report.fail("\(file): found cards the deck format cannot hold (\(error.description)); expected text that fits a .deck file", code: 2)
            }
            deckText = text
        }

        let store = HistoryStore(directory: dir, clock: CommandContext.now)
        let answers = plan.reviews.count
        if dryRun {
            let history = try CommandContext.loadHistory(store)
            let event = plan.events(deck: deck)
            let present = plan.reviews.indices.filter { history.contains(event($0).id) }.count
            print("would import \(Report.clean(file)) (\(plan.format)):")
            if deckText != nil {
                print(
                    "  deck \(deck) in \(Report.clean(deckPath)): \(deckSummary(plan.cards.count, newCards, updatedCards, keptCards))"
                )
            }
            print("  \(Report.count(answers - present, "answer")) added to the history (\(present) already there)")
            printSkipped(plan)
            return
        }
        CommandContext.prepareForWriting()
        _ = try CommandContext.loadHistory(store)  // sets aside a torn tail of our own first, with its warning
        let commit: HistoryStore.ImportCommit
        do {
            commit = try store.commitImport(
                deck: deckText.map { ($0, deckPath) }, count: answers, event: plan.events(deck: deck))
        } catch {
            throw Report.fail(error)
        }
        print("imported \(Report.clean(file)) (\(plan.format)):")
        if deckText != nil {
            print("  deck \(deck) in \(Report.clean(deckPath)): \(deckSummary(plan.cards.count, newCards, updatedCards, keptCards))")
        }
        print("  \(Report.count(commit.added, "answer")) added to the history (\(commit.alreadyPresent) already there)")
        printSkipped(plan)
    }

    /// "3 cards imported (1 new, 1 with new wording), 1 kept from before".
    private func deckSummary(_ imported: Int, _ new: Int, _ updated: Int, _ kept: Int) -> String {
        return "\(Report.count(imported, "card")) imported (\(new) new, \(updated) with new wording)"
            + (kept > 0 ? ", \(kept) kept from before" : "")
    }

    private func printSkipped(_ plan: ImportPlan) {
        for (what, count) in plan.skipped { print("  skipped: \(what): \(count)") }
    }

    /// By content, then by name: a zip is a package; a CSV whose header is py-fsrs's is a review log.
    private func kindOfFile() throws -> Kind {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw Report.fail("\(file): found no such file; expected a file to import", code: 2)
        }
        if isDirectory { throw Report.fail("\(file): found a directory; expected a file to import", code: 2) }
        let lower = file.lowercased()
        if lower.hasSuffix(".apkg") || lower.hasSuffix(".colpkg") { return .package }
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw Report.fail("\(file): cannot be read; expected a readable file", code: 1)
        }
        var head = [UInt8](repeating: 0, count: 64)
        let got = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        head.removeSubrange(max(got, 0)...)
        close(fd)
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .package }
        let start = String(decoding: head, as: UTF8.self)
        // Anki's text export starts with its header lines, whatever the file is called.
        if start.hasPrefix("#") || start.hasPrefix("\u{FEFF}#") { return .text }
        if start.hasPrefix("card_id,") || lower.hasSuffix(".csv") { return .reviewLog }
        return .text
    }

    private func readText() throws(ImportFailure) -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .system("\(file): cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .input(InputError(path: file, found: "bytes that are not UTF-8", expected: "a UTF-8 text file"))
        }
        return text
    }

    private func makeScratch() throws -> String {
        var template = Array((TemporaryDirectory.path + "/statusdeck-import-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw Report.fail("\(TemporaryDirectory.path): cannot create a temporary folder: \(String(cString: strerror(errno)))", code: 1)
        }
        return String(cString: made)
    }

    /// A deck id from a name: lowercase letters and digits, other runs as one `-`.
    static func slug(_ name: String, fallback: String = "anki-import") -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : out
    }
}
