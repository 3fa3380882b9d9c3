import Foundation
import StatusDeckTestSupport
import Testing

/// The real Anki library, run from the repository's `.venv-oracles` (made by `.ci/setup --tests`), and
/// what it reports after importing files into a fresh collection.
enum AnkiOracle {
    struct Report: Decodable {
        struct Import: Decodable {
            var file, kind: String
            var new, updated, duplicate, conflicting: Int
        }
        struct Card: Decodable {
            var deck: String
            var type, queue, due, ivl, reps, lapses, left: Int
            var due_in_days: Double?
            var stability, difficulty: Double?
        }
        struct Note: Decodable {
            var guid, notetype: String
            var fields: [String: String]
            var tags: [String]
            var cards: [Card]
        }
        struct Review: Decodable {
            var id: Int64
            var guid: String?
            var ease, ivl, last_ivl, time, type: Int
        }
        var anki_version: String
        var imports: [Import]
        var notes: [Note]
        var revlog: [Review]
        var decks: [String]
        var fsrs: Bool
        var integrity_problems: [String]

        func note(_ guid: String) -> Note? { notes.first { $0.guid == guid } }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Which Anki: the current one, or 2.1.50 (the oldest the apkg is for; legacy importer).
    enum Version: String {
        case current = ".venv-oracles"
        case anki2150 = ".venv-oracles-anki2150"

        var python: URL { repository.appendingPathComponent(rawValue).appendingPathComponent("bin/python") }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("anki/import_into_anki.py")

    /// Imports `files` in order into one new collection. Fails, never skips, without the venv.
    static func importing(_ files: [URL], into version: Version = .current) throws -> Report {
        let python = version.python
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(description: "\(python.path) not found; run .ci/setup --tests to create it (python venv with the anki package)")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path] + files.map(\.path)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readAllRetryingInterrupts()
        let errors = err.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "anki import failed (\(process.terminationStatus)): \(String(decoding: errors, as: UTF8.self))")
        }
        let report = try JSONDecoder().decode(Report.self, from: output)
        // Every import in every test must leave a collection Anki's "Check Database" accepts.
        #expect(report.integrity_problems == [], "Anki's Check Database fixed: \(report.integrity_problems)")
        return report
    }

    /// A fresh directory for one test's files.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("statusdeck-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
