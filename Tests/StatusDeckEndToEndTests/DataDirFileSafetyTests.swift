import FSRS
import Foundation
import StatusDeckStore
import Testing

@testable import StatusDeckCLI

/// Issue 20: files a hostile or careless data dir can turn against the user, as a user meets them.
@Suite struct DataDirFileSafetyTests {
    static let secret = "root:x:0:0:SECRET-FIRST-LINE:/root:/bin/bash"
    static let line =
        #"{"v":1,"id":"00000000000000000000000000000001","card":"http/404/code-to-meaning","at":"2026-11-20T10:00:00.000Z","rating":3,"deck":"http-all-en"}"#

    /// Runs `script` under /bin/sh with `$SD` set to the binary, for redirections and limits.
    static func shell(_ script: String) throws -> StatusDeckProcess.Result {
        try StatusDeckProcess.run(
            ["-c", script], environment: ["SD": StatusDeckProcess.executableURL.path],
            executable: URL(fileURLWithPath: "/bin/sh"))
    }

    static func mode(_ path: String) -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aDanglingHistoryLinkIsOneClearLineAndCreatesNothingOutside() throws {
        let c = try BadInputCase()
        defer { c.dir.remove() }
        let target = c.root + "/outside.jsonl"
        try FileManager.default.createSymbolicLink(atPath: c.data + "/history.jsonl", withDestinationPath: target)
        let r = try StatusDeckProcess.run(["history", "append-test", "--count", "1", "--data-dir", c.data])
        BadInputCase.expectFailure(r, status: 2, line: c.data + "/history.jsonl: found a symbolic link; expected a regular file in the data dir")
        #expect(r.stdout == "", "no answer was acknowledged")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func aHistoryLinkToAnotherFileNeverQuotesIt() throws {
        let c = try BadInputCase()
        defer { c.dir.remove() }
        let outside = try c.file("passwd", Self.secret + "\n")
        try FileManager.default.createSymbolicLink(atPath: c.data + "/history.jsonl", withDestinationPath: outside)
        let r = try c.run(["stats", "--data-dir", c.data])
        BadInputCase.expectFailure(r, status: 2, line: c.data + "/history.jsonl: found a symbolic link; expected a regular file in the data dir")
        #expect(!r.stderr.contains("SECRET"))
    }

    @Test func anOldSkipListThatIsALinkIsNeitherFollowedNorItsTargetRemoved() throws {
        let c = try BadInputCase()
        defer { c.dir.remove() }
        let skips = SkipList(directory: DataDirectory(path: c.data))
        let day = Instant(milliseconds: 1_780_000_000_000)
        let outside = try c.file("skips-elsewhere", "1780000000000 +http/404/class\n")
        try FileManager.default.createSymbolicLink(atPath: skips.path, withDestinationPath: outside)
        #expect(skips.load(dayStart: day).isEmpty, "the linked file is not read")
        var rng = SplitMix64(seed: 1)
        let store = HistoryStore(directory: skips.directory, clock: { day })
        #expect(try skips.migrate(into: store, dayStart: day, now: day, ids: &rng) == 0)
        #expect(!FileManager.default.fileExists(atPath: skips.path), "the link itself is gone")
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "1780000000000 +http/404/class\n")
    }

    @Test func anExportWithHistoryIsPrivateAndOneWithoutIsNot() throws {
        let c = try BadInputCase()
        defer { c.dir.remove() }
        try c.file("data/history.jsonl", Self.line + "\n")
        let with = try StatusDeckProcess.run(["export", "--format", "csv", "--with-history", "-o", c.root + "/with.csv", "--data-dir", c.data])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(Self.mode(c.root + "/with.csv") == 0o600)
        let without = try StatusDeckProcess.run(["export", "--format", "csv", "-o", c.root + "/without.csv", "--data-dir", c.data])
        #expect(without.status == 0, "\(without.stderr)")
        #expect(Self.mode(c.root + "/without.csv") == 0o644)
        // --force replaces a file with the temporary's mode, not the old file's.
        let forced = try StatusDeckProcess.run(["export", "--format", "csv", "--with-history", "--force", "-o", c.root + "/without.csv", "--data-dir", c.data])
        #expect(forced.status == 0)
        #expect(Self.mode(c.root + "/without.csv") == 0o600)
    }

    @Test func closedStandardOutputAndErrorNeverReachTheHistory() throws {
        let c = try BadInputCase()
        defer { c.dir.remove() }
        let history = try c.file("data/history.jsonl", Self.line + "\n")
        let before = try Data(contentsOf: URL(fileURLWithPath: history))
        let r = try Self.shell(#""$SD" stats --data-dir "\#(c.data)" >&-; echo "out=$?"; "$SD" stats --data-dir "\#(c.data)" 2>&- >&- ; echo "both=$?" >&2"#)
        #expect(r.stdout == "out=0\n")
        #expect(r.stderr == "both=0\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: history)) == before)
    }

    @Test func aNegativeDaysSaysWhatRangeIsExpected() throws {
        let c = try BadInputCase()
        defer { c.dir.remove() }
        let r = try c.run(["stats", "--days", "-3", "--data-dir", c.data])
        BadInputCase.expectFailure(r, status: 2, line: "statusdeck: --days: found -3; expected a whole number of days from 1 to 3650")
    }

    @Test func exportShowsControlCharactersInADeckNameLikeEveryOtherMessage() throws {
        let c = try BadInputCase()
        defer { c.dir.remove() }
        let r = try c.run(["export", "--format", "csv", "--deck", "a\u{1B}[31mb", "--data-dir", c.data])
        BadInputCase.expectFailure(r, status: 2, prefix: #"--deck a\u{1B}[31mb: found no such deck; expected one of http-all-zh, "#)
    }

    @Test func anExportThatCannotBeWrittenNamesTheFileAskedForAndLeavesNoTemporary() throws {
        let c = try BadInputCase()
        defer { c.dir.remove() }
        // ulimit -f counts 1024-byte blocks; every deck as JSON is far larger than 4 KiB.
        let r = try Self.shell(#"cd "\#(c.root)" && ulimit -f 4 && exec "$SD" export --all --format json -o out.json --data-dir "\#(c.data)""#)
        BadInputCase.expectFailure(r, status: 1, line: "out.json: cannot write: File too large")
        #expect(try FileManager.default.contentsOfDirectory(atPath: c.root) == ["data"])
    }

    @Test func aFullImportSpeaksOfTheImportNotAnAnswer() throws {
        let c = try BadInputCase()
        defer { c.dir.remove() }
        let padding = String(repeating: "x", count: 200)
        let lines = (1...100).map { n in
            #"{"v":1,"id":"\#(String(format: "%032x", n))","card":"http/404/code-to-meaning","at":"2026-11-20T10:00:00.000Z","rating":3,"deck":"d\#(padding)"}"#
        }
        let other = try c.file("other.jsonl", lines.joined(separator: "\n") + "\n")
        let r = try Self.shell(#"ulimit -f 4 && exec "$SD" history import "\#(other)" --data-dir "\#(c.data)""#)
        BadInputCase.expectFailure(
            r, status: 1,
            line: c.data
                + "/history.jsonl: cannot append: File too large; the import was not saved and nothing was half-written (free some space, then import again)")
        let size = (try? FileManager.default.attributesOfItem(atPath: c.data + "/history.jsonl")[.size] as? NSNumber)?.intValue ?? 0
        #expect(size == 0, "nothing half-written")
    }
}
