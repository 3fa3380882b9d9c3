import FSRS
import Foundation
import StatusDeckCore
import StatusDeckStore
import StatusDeckTestSupport
import Testing

/// The history under hostile conditions, driven through the real binary: SIGKILL mid-append,
/// two writers at once, a file size limit, a data dir the user may not write.
/// The writer is `statusdeck history append-test` (hidden), which prints each event id only
/// after its append (write + fsync) returned.
@Suite struct HistoryCrashTests {
    static func freshDir() -> String {
        let path = NSTemporaryDirectory() + "statusdeck-cli-" + UUID().uuidString
        try? FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        return path
    }

    static func load(_ dir: String) throws -> HistoryStore.Loaded {
        try HistoryStore(directory: DataDirectory(path: dir), clock: { Instant(milliseconds: 0) }).load()
    }

    static func ids(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }

    @Test func sigkillNeverLosesAnAcknowledgedAnswer() throws {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<20 {
            let dir = Self.freshDir() + "/data"
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let process = Process()
            process.executableURL = StatusDeckProcess.executableURL
            // Long lines (up to 256 KiB) widen the window in which a kill lands inside a write.
            let padding = Int.random(in: 0...262_144, using: &rng)
            process.arguments = ["history", "append-test", "--count", "1000000", "--padding", String(padding), "--data-dir", dir]
            var env = ProcessInfo.processInfo.environment
            env["SWIFT_BACKTRACE"] = "enable=no"
            process.environment = env
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let wanted = Int.random(in: 1...12, using: &rng)
            var acknowledged = Data()
            while acknowledged.filter({ $0 == 10 }).count < wanted {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                acknowledged += chunk
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            acknowledged += out.fileHandleForReading.readAllRetryingInterrupts()
            // Only whole printed lines were acknowledged.
            let text = String(decoding: acknowledged, as: UTF8.self)
            let complete = text.hasSuffix("\n") ? text : String(text[..<(text.lastIndex(of: "\n") ?? text.startIndex)])
            let expected = Set(Self.ids(complete))
            #expect(expected.count >= min(wanted, 1), "trial \(trial)")
            let loaded = try Self.load(dir)
            if let saved = loaded.tornTailSavedAs {
                // A kill inside a write: the partial line is kept aside, not dropped.
                #expect(((try? Data(contentsOf: URL(fileURLWithPath: saved)))?.count ?? 0) > 0, "trial \(trial)")
            }
            let present = Set(loaded.history.reviews.map(\.id.description))
            #expect(expected.isSubset(of: present), "trial \(trial): lost \(expected.subtracting(present))")
            // After setting aside any torn tail the file is whole lines only.
            let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/history.jsonl"))
            #expect(bytes.isEmpty || bytes.last == 10)
        }
    }

    @Test func aTornTailIsSetAsideWithAWarningThenAppendsContinue() throws {
        let dir = Self.freshDir() + "/data"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try StatusDeckProcess.run(["history", "append-test", "--count", "2", "--data-dir", dir])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/history.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"v":1,"id":"abc"#.utf8))
        try handle.close()
        let cards = try StatusDeckProcess.run(["cards", "--data-dir", dir])
        #expect(cards.status == 0)
        #expect(cards.stderr.contains("history.jsonl: the last line had no newline (a write was interrupted); moved it to"))
        let again = try StatusDeckProcess.run(["cards", "--data-dir", dir])
        #expect(again.stderr.isEmpty)
        let more = try StatusDeckProcess.run(["history", "append-test", "--count", "1", "--data-dir", dir])
        #expect(more.status == 0)
        let loaded = try Self.load(dir)
        #expect(loaded.history.reviews.count == 3)
        let torn = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("history.torn-") }
        #expect(torn.count == 1)
        let kept = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + (torn.first ?? "")))
        #expect(String(decoding: kept, as: UTF8.self) == #"{"v":1,"id":"abc"#)
    }

    @Test func twoWritersAtOnceLoseNothingAndNeverInterleave() throws {
        let dir = Self.freshDir() + "/data"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = ["history", "append-test", "--count", "300", "--padding", "3000", "--data-dir", dir]
        // Both start before either is read; 300 ids fit in a pipe's buffer, so neither blocks.
        var running: [(Process, Pipe)] = []
        for i in 0..<2 {
            let process = Process()
            process.executableURL = StatusDeckProcess.executableURL
            process.arguments = arguments + ["--card", "card-\(i)"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            running.append((process, out))
        }
        var printed: [String] = []
        for (process, out) in running {
            printed += Self.ids(String(decoding: out.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self))
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(printed.count == 600)
        let lines = try String(contentsOfFile: dir + "/history.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 600)
        let loaded = try Self.load(dir)
        #expect(loaded.history.reviews.count == 600)
        #expect(loaded.history.duplicates == 0)
        #expect(Set(loaded.history.reviews.map(\.id.description)) == Set(printed))
    }

    @Test func aFileSizeLimitIsReportedAndNothingIsHalfWritten() throws {
        let dir = Self.freshDir() + "/data"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // ulimit -f counts 1024-byte blocks: the file may not grow past 4096 bytes.
        let r = try StatusDeckProcess.run(
            [
                "-c", "ulimit -f 4 && exec \"$0\" \"$@\"", StatusDeckProcess.executableURL.path,
                "history", "append-test", "--count", "100", "--padding", "300", "--data-dir", dir,
            ],
            executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(r.status == 1)
        #expect(r.stderr.contains("history.jsonl: cannot append: File too large; the answer was not saved and nothing was half-written"))
        let printed = Self.ids(r.stdout)
        #expect(printed.count > 0 && printed.count < 100)
        let loaded = try Self.load(dir)
        #expect(loaded.tornTailSavedAs == nil)
        #expect(loaded.history.reviews.map(\.id.description) == printed)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/history.jsonl"))
        #expect(bytes.last == 10 && bytes.count <= 4096)
    }

    /// Runs as an unprivileged user when the tests run as root (root ignores permissions).
    static func asUser(_ arguments: [String]) throws -> StatusDeckProcess.Result {
        if geteuid() == 0 {
            return try StatusDeckProcess.run(
                ["--reuid=65534", "--regid=65534", "--clear-groups", StatusDeckProcess.executableURL.path] + arguments,
                executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        }
        return try StatusDeckProcess.run(arguments)
    }

    @Test func aReadOnlyDataDirStillLoadsAndRefusesToWriteClearly() throws {
        let dir = Self.freshDir() + "/data"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try StatusDeckProcess.run(["history", "append-test", "--count", "2", "--data-dir", dir])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/history.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"v\":1".utf8))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/history.jsonl"))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: dir + "/history.jsonl")
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dir) }
        let cards = try Self.asUser(["cards", "--json", "--data-dir", dir])
        #expect(cards.status == 0)
        #expect(cards.stderr.contains("it is ignored and left in place because the file is read-only"))
        #expect(cards.stdout.contains("\"reps\":2"))
        let append = try Self.asUser(["history", "append-test", "--count", "1", "--data-dir", dir])
        #expect(append.status == 1)
        #expect(append.stderr == dir + "/history.jsonl: cannot open the history for appending: Permission denied\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/history.jsonl")) == before)
    }

    @Test func anUnreadableDataDirIsAClearError() throws {
        let dir = Self.freshDir() + "/data"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try StatusDeckProcess.run(["history", "append-test", "--count", "1", "--data-dir", dir])
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: dir)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dir) }
        let r = try Self.asUser(["cards", "--data-dir", dir])
        #expect(r.status == 1)
        #expect(r.stderr == dir + "/config: cannot read the config: Permission denied\n")
    }
}
