import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import StatusDeckTestSupport
import Testing

@testable import StatusDeckExport

/// `statusdeck import` of packages real Anki made: a collection built with the `anki` package
/// (answers through Anki's scheduler, FSRS on where Anki has it), exported in every shape that
/// Anki offers, imported by the built binary, and compared with what Anki says about the cards:
/// their wording, how many answers count, and the memory state Anki computes from the log (for
/// 2.1.50, which has no FSRS, the current Anki computes it after importing 2.1.50's package).
@Suite(.serialized) struct AnkiPackageImportTests {
    struct Built: Decodable {
        struct Row: Decodable {
            var id: Int64
            var ease, type, factor, ivl, time: Int
        }
        struct Memory: Decodable {
            var stability, difficulty: Double
        }
        struct Card: Decodable {
            var guid: String
            var ord: Int
            var notetype: String
            var fields: [String]
            var revlog: [Row]
            var memory: Memory?
        }
        var anki_version: String
        var fsrs: Bool
        var exports: [String: String]
        var cards: [Card]
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("anki/build_anki_collection.py")

    /// Builds the collection with `version` of Anki in `dir` and exports it.
    static func build(_ version: AnkiOracle.Version, in dir: URL) throws -> Built {
        let python = version.python
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw AnkiOracle.Failure(description: "\(python.path) not found; run .ci/setup --tests")
        }
        let parameters = "[" + SchedulerConfiguration.defaultParameters.map { "\($0)" }.joined(separator: ", ") + "]"
        let result = try Run.process(python, [script.path, dir.path, parameters])
        guard result.status == 0 else {
            throw AnkiOracle.Failure(description: "build_anki_collection.py failed: \(result.stderr)")
        }
        return try JSONDecoder().decode(Built.self, from: Data(result.stdout.utf8))
    }

    static let memoryScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("anki/memory_states.py")

    /// The memory state the current Anki computes for each card of `package` ("GUID/ORD").
    static func memoryStates(of package: String) throws -> [String: Built.Memory] {
        let parameters = "[" + SchedulerConfiguration.defaultParameters.map { "\($0)" }.joined(separator: ", ") + "]"
        let result = try Run.process(AnkiOracle.Version.current.python, [memoryScript.path, package, parameters])
        guard result.status == 0 else { throw AnkiOracle.Failure(description: "memory_states.py failed: \(result.stderr)") }
        return try JSONDecoder().decode([String: Built.Memory].self, from: Data(result.stdout.utf8))
    }

    /// What the import should make of each Anki card: text without its HTML.
    static let wording: [String: (front: String, back: String)] = [
        "<b>404</b>": ("404", "Not Found"),
        "What does <i>418</i> mean?": ("What does 418 mean?", "I'm a teapot\nAn April Fools' joke"),
        "<div>302</div><div>and 303?</div>": ("302\nand 303?", "Found & See Other"),
        "410": ("410", "Gone"),
        "201": ("201", "Created"),
        "503": ("503", "Service Unavailable (retry later)"),
    ]

    /// The rows Anki's FSRS counts in these collections, by an independent reading of its rule:
    /// rated, not cram, and not before the card's last reset.
    static func counted(_ card: Built.Card) -> [Built.Row] {
        let lastReset = card.revlog.lastIndex { $0.type == 4 && $0.factor == 0 }
        let start = lastReset.map { $0 + 1 } ?? 0
        return card.revlog[start...].filter { $0.ease > 0 && !($0.type == 3 && $0.factor == 0) }
    }

    @Test(arguments: [AnkiOracle.Version.current, .anki2150])
    func everyPackageShapeImportsWithItsHistory(_ version: AnkiOracle.Version) throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var built = try Self.build(version, in: dir)
        if !built.fsrs {
            // An Anki without FSRS: the current Anki imports its package and computes the states.
            let package = try #require(built.exports["apkg-anki21"])
            let states = try Self.memoryStates(of: package)
            for i in built.cards.indices {
                built.cards[i].memory = states["\(built.cards[i].guid)/\(built.cards[i].ord)"]
            }
        }
        // Every shape each Anki writes: current Anki anki21b and (legacy) anki21; 2.1.50 anki21,
        // and anki2 for a v1-scheduler collection; both colpkg as anki21 and anki21b.
        let expectedShapes =
            ["apkg-anki21", "colpkg-anki21", "colpkg-anki21b"]
            + (built.fsrs ? ["apkg-anki21b", "apkg-anki21-notes-only"] : ["apkg-anki2", "apkg-anki2-notes-only"])
        #expect(Set(built.exports.keys) == Set(expectedShapes), "\(built.exports.keys.sorted())")
        let basicCards = built.cards.filter { $0.notetype != "Cloze" }
        #expect(basicCards.count == 8)

        for (shape, file) in built.exports.sorted(by: { $0.key < $1.key }) {
            let data = dir.appendingPathComponent("data-\(shape)")
            let first = try Run.statusdeck(["import", "--data-dir", data.path, file])
            #expect(first.status == 0, "\(shape): \(first.stderr)")
            let entry = "collection." + shape.split(separator: "-")[1]
            #expect(first.stdout.contains("(\(entry)))"), "\(shape): \(first.stdout)")
            #expect(first.stderr.contains("1 media file in the package not imported"), "\(shape): \(first.stderr)")
            #expect(first.stdout.contains("skipped: cloze notes: 1"), "\(shape): \(first.stdout)")

            let deck = try ImportedData.deck(in: data)
            #expect(deck.id == "http-codes" && deck.name == "HTTP codes" && deck.language == .en)
            #expect(deck.cards.count == 8, "\(shape)")
            for card in basicCards {
                let id = "anki/\(card.guid)/\(card.ord)"
                let imported = try #require(deck.cards.first { $0.id == id }, "\(shape): \(id)")
                let words = try #require(Self.wording[card.fields[0]])
                let (front, back) = card.ord == 0 ? words : (words.back, words.front)
                #expect(imported.prompt == front && imported.answer == back, "\(shape): \(imported)")
                #expect(imported.mode == .flip)
            }

            let history = try ImportedData.history(in: data)
            // Without scheduling, a package carries no review log.
            let withLog = !shape.hasSuffix("-notes-only")
            let expectedAnswers = withLog ? basicCards.reduce(0) { $0 + Self.counted($1).count } : 0
            #expect(history.reviews.count == expectedAnswers, "\(shape)")
            guard withLog else { continue }
            for card in basicCards {
                let id = "anki/\(card.guid)/\(card.ord)"
                let events = history.reviews.filter { $0.card == id }.sorted { $0.at < $1.at }
                #expect(events.map(\.at.milliseconds) == Self.counted(card).map(\.id), "\(shape): \(id)")
                #expect(events.map(\.rating.rawValue) == Self.counted(card).map(\.ease), "\(shape): \(id)")
            }

            // Anki's memory state, from the same log with the same parameters.
            let replay = Replay(history: history, scheduler: try Scheduler(.default))
            var compared = 0
            for card in basicCards {
                guard let memory = card.memory else { continue }
                compared += 1
                let record = try #require(replay.cards["anki/\(card.guid)/\(card.ord)"], "\(shape)")
                let s = try #require(record.schedule.stability), d = try #require(record.schedule.difficulty)
                #expect(abs(s - memory.stability) <= 1e-4 * max(1, memory.stability), "\(shape) \(card.guid)/\(card.ord): S \(s) vs Anki \(memory.stability)")
                #expect(abs(d - memory.difficulty) <= 1e-4, "\(shape) \(card.guid)/\(card.ord): D \(d) vs Anki \(memory.difficulty)")
            }
            #expect(compared == 8)

            // Again: the same ids, so nothing is added; the deck file is rewritten the same.
            let deckBefore = try ImportedData.deckText(in: data)
            let again = try Run.statusdeck(["import", "--data-dir", data.path, file])
            #expect(again.status == 0)
            #expect(again.stdout.contains("0 answers added to the history (\(expectedAnswers) already there)"), "\(again.stdout)")
            #expect(try ImportedData.history(in: data).reviews.count == expectedAnswers)
            #expect(try ImportedData.deckText(in: data) == deckBefore)
        }
    }
}

/// What an import left in a data dir.
enum ImportedData {
    static func deckText(in data: URL) throws -> String {
        let folder = data.appendingPathComponent("decks")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".deck") }
        guard names.count == 1, let name = names.first else {
            throw AnkiOracle.Failure(description: "expected one deck file in \(folder.path), found \(names)")
        }
        return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func deck(in data: URL) throws -> Deck {
        try DeckFile.parse(deckText(in: data), path: "imported.deck")
    }

    static func history(in data: URL) throws -> History {
        let url = data.appendingPathComponent("history.jsonl")
        guard FileManager.default.fileExists(atPath: url.path) else { return History() }
        var parser = HistoryLineParser()
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        return try History(lines.enumerated().map { try parser.parse(String($0.element), line: $0.offset + 1) })
    }
}

/// Child processes with their output.
enum Run {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func process(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        if let directory { process.currentDirectoryURL = directory }
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes at once: a child that fills one while we wait on the other would hang.
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let group = DispatchGroup()
        let handle = err.fileHandleForReading
        DispatchQueue.global().async(group: group) { errors.data = handle.readAllRetryingInterrupts() }
        let output = out.fileHandleForReading.readAllRetryingInterrupts()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors.data, as: UTF8.self))
    }

    static func statusdeck(_ arguments: [String]) throws -> Result {
        try process(StatusDeckBinary.url, arguments)
    }
}
