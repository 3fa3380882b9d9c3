import Foundation
import StatusDeckTestSupport
import Testing

@testable import StatusDeckCLI

@Suite struct ExportCommandTests {
    static let tricky = "deck: tricky\nname: Tricky\nlanguage: en\n\nid: t/1\nkind: contrast\nprompt: bell\u{7} and \u{1B}[31mred\nanswer: a\"b,c\n"

    /// Runs the binary in `directory`, to see where a default file name lands.
    static func run(_ arguments: [String], in directory: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = StatusDeckProcess.executableURL
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
    }

    @Test func defaultNameIsDeckAndFormatInTheCurrentDirectory() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let result = try Self.run(["export", "--data-dir", dir.path + "/data", "--deck", "http-everyday-zh", "--format", "csv"], in: dir.path)
        #expect(result.status == 0)
        #expect(result.stderr == "wrote http-everyday-zh.csv: 1 deck, 96 cards\n")
        let csv = try String(contentsOfFile: dir.path + "/http-everyday-zh.csv", encoding: .utf8)
        #expect(csv.hasPrefix("guid,card_id,deck,front,back,extra,tags,class\r\n"))
        #expect(csv.contains(",http/404/code-to-meaning,HTTP 状态码：常用,"))
        let all = try Self.run(["export", "--data-dir", dir.path + "/data", "--all", "--format", "md"], in: dir.path)
        #expect(all.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/statusdeck-all.md"))
        // No temporary files are left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["http-everyday-zh.csv", "statusdeck-all.md"])
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let target = try dir.write("keep me", to: "out.tsv")
        let refused = try StatusDeckProcess.run(["export", "--data-dir", dir.path, "--format", "tsv", "-o", target])
        #expect(refused.status == 2)
        #expect(refused.stderr == "\(target): found an existing file; expected a new name, or --force to replace it\n")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        let forced = try StatusDeckProcess.run(["export", "--data-dir", dir.path, "--format", "tsv", "-o", target, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("#separator:tab\n"))
    }

    @Test func standardOutputGetsTheSameBytesAsAFile() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let file = dir.path + "/en.tsv"
        let written = try StatusDeckProcess.run(["export", "--data-dir", dir.path, "--deck", "http-all-en", "--format", "tsv", "-o", file])
        #expect(written.status == 0)
        let piped = try StatusDeckProcess.run(["export", "--data-dir", dir.path, "--deck", "http-all-en", "--format", "tsv", "-o", "-"])
        #expect(piped.status == 0 && piped.stderr == "")
        #expect(piped.stdout == (try String(contentsOfFile: file, encoding: .utf8)))
    }

    @Test func badChoicesAreOneLineAndExit2() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let format = try StatusDeckProcess.run(["export", "--data-dir", dir.path, "--format", "xlsx"])
        #expect(format.status == 2)
        #expect(format.stderr == "--format xlsx: found an unknown format; expected one of apkg, tsv, csv, json, md\n")
        let both = try StatusDeckProcess.run(["export", "--data-dir", dir.path, "--format", "md", "--all", "--deck", "x"])
        #expect(both.status == 2)
        #expect(both.stderr == "--deck x with --all: found both; expected one of them, or neither\n")
        let missing = try StatusDeckProcess.run(["export", "--data-dir", dir.path, "--format", "md", "--deck", "nope"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("--deck nope: found no such deck; expected one of http-all-zh, http-all-en,"))
        #expect(missing.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: "nope.md"))
    }

    @Test func userDecksExportByPathWithTheirTextIntactInFiles() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let deck = try dir.write(Self.tricky, to: "tricky.deck")
        let out = try StatusDeckProcess.run(["export", "--data-dir", dir.path, "--deck", deck, "--format", "csv", "-o", "-"])
        #expect(out.status == 0)
        // A pipe gets the exact text: the file format, not the terminal, decides what is in it.
        #expect(out.stdout.contains("t/1,Tricky,bell\u{7} and \u{1B}[31mred,\"a\"\"b,c\","))
    }

    @Test func aTerminalSeesControlCharactersDefusedAndTabsKept() {
        let shown = ExportCommand.displayable("a\u{1B}[31mred\tbell\u{7}\r\nnext")
        #expect(!shown.contains("\u{1B}") && !shown.contains("\u{7}"))
        #expect(shown.contains("\t"))
        #expect(shown.hasSuffix("\nnext"))
    }

    /// Runs the binary with a terminal (a pseudo-terminal from util-linux `script`) as its output.
    static func runOnTerminal(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let quoted = ([StatusDeckProcess.executableURL.path] + arguments)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", quoted, "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aTerminalGetsNoApkgAndNoRawControlCharacters() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let apkg = try Self.runOnTerminal(["export", "--data-dir", dir.path, "--format", "apkg", "-o", "-"])
        #expect(apkg.status == 2)
        #expect(apkg.output == "-o -: found a terminal on standard output; expected a pipe or a file for an apkg (or -o FILE)\r\n")
        let deck = try dir.write(Self.tricky, to: "tricky.deck")
        let csv = try Self.runOnTerminal(["export", "--data-dir", dir.path, "--deck", deck, "--format", "csv", "-o", "-"])
        #expect(csv.status == 0)
        #expect(csv.output.contains("bell\u{FFFD} and \u{FFFD}[31mred"))
        #expect(!csv.output.contains("\u{1B}") && !csv.output.contains("\u{7}"))
    }

    @Test func aFullStandardOutputIsOneLineAndExit1() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let process = Process()
        process.executableURL = StatusDeckProcess.executableURL
        process.arguments = ["export", "--data-dir", dir.path, "--format", "csv", "-o", "-"]
        let err = Pipe()
        process.standardOutput = full
        process.standardError = err
        try process.run()
        let errors = String(decoding: err.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(errors.hasPrefix("standard output: cannot write: ") && errors.split(separator: "\n").count == 1)
    }
}

@Suite struct ExportWithHistoryCommandTests {
    @Test func jsonCarriesTheScheduleAndAnswersFromTheDataDir() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let lines = """
            {"v":1,"id":"00000000000000000000000000000001","card":"http/404/code-to-meaning","at":"2026-11-01T10:00:00.000Z","rating":3,"ms":2500}
            {"v":1,"id":"00000000000000000000000000000002","card":"http/404/code-to-meaning","at":"2026-11-01T10:10:00.000Z","rating":3}

            """
        _ = try dir.write(lines, to: "data/history.jsonl")
        let result = try StatusDeckProcess.run([
            "export", "--data-dir", dir.path + "/data", "--deck", "http-everyday-en",
            "--format", "json", "--with-history", "-o", "-",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"with_history\": true"))
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let cards = ((object?["decks"] as? [[String: Any]])?.first?["cards"] as? [[String: Any]]) ?? []
        let card = try #require(cards.first { $0["id"] as? String == "http/404/code-to-meaning" })
        let scheduling = try #require(card["scheduling"] as? [String: Any])
        #expect(scheduling["state"] as? String == "review")
        #expect(scheduling["reps"] as? Int == 2)
        let reviews = try #require(card["reviews"] as? [[String: Any]])
        #expect(reviews.map { $0["at"] as? String } == ["2026-11-01T10:00:00.000Z", "2026-11-01T10:10:00.000Z"])
        #expect(reviews.first?["duration_ms"] as? Int == 2500)
        let untouched = try #require(cards.first { $0["id"] as? String == "http/200/code-to-meaning" })
        #expect((untouched["scheduling"] as? [String: Any])?["state"] as? String == "new")
    }

    @Test func withoutADataDirThereIsNoHistoryToExport() throws {
        let result = try StatusDeckProcess.run(
            ["export", "--format", "json", "--with-history", "-o", "-"],
            environment: ["HOME": "", "STATUSDECK_HOME": "", "XDG_DATA_HOME": ""])
        #expect(result.status == 2)
        #expect(result.stderr == "--with-history: found no data directory; expected --data-dir DIR, $STATUSDECK_HOME or $HOME\n")
    }
}
