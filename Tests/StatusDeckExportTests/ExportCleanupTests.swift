import FSRS
import Foundation
import StatusDeckHistory
import StatusDeckTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// An export that fails or is interrupted leaves nothing beside its target: no temporary folder,
/// no half-written package, and no file under the target's name.
@Suite struct ExportCleanupTests {
    /// A data dir whose history is long enough that an apkg export takes a while.
    static func dataDir(_ dir: URL, answers: Int) throws -> URL {
        let data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let cards = ["http/404/code-to-meaning", "http/200/code-to-meaning", "http/301/code-to-meaning", "http/500/class"]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(answers * 180)
        for n in 0..<answers {
            bytes += HistoryLineEncoder.encode(
                .review(
                    ReviewEvent(
                        id: EventID(high: 0xc1ea, low: UInt64(n)), card: cards[n % cards.count],
                        at: Instant(milliseconds: 1_780_000_000_000 + Int64(n) * 60_000), rating: .good,
                        deck: n % 2 == 0 ? "http-all-en" : "http-all-zh")))
        }
        try Data(bytes).write(to: data.appendingPathComponent("history.jsonl"))
        return data
    }

    static func leftovers(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "data" }.sorted()
    }

    /// The file size limit stands in for a full disk: every write past it fails with EFBIG.
    @Test(arguments: ["apkg", "json"])
    func aWriteThatFailsRemovesItsTemporaries(format: String) throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try Self.dataDir(dir, answers: 2_000)
        let target = dir.appendingPathComponent("out.\(format)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "ulimit -f 16 && exec \"$0\" \"$@\"", StatusDeckBinary.url.path, "export", "--data-dir", data.path,
            "--all", "--format", format, "--with-history", "-o", target,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(message)")
        #expect(message.contains("out.\(format)") || message.contains("failed"), "\(message)")
        #expect(try Self.leftovers(dir) == [])
    }

    @Test func ctrlCRemovesTheTemporaryFolderAndExits130() throws {
        let dir = try AnkiOracle.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try Self.dataDir(dir, answers: 60_000)
        let target = dir.appendingPathComponent("out.apkg").path
        let process = Process()
        process.executableURL = StatusDeckBinary.url
        process.arguments = ["export", "--data-dir", data.path, "--all", "--format", "apkg", "--with-history", "-o", target]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        try process.run()
        // Wait for the scratch folder, then interrupt the export while it writes there.
        let deadline = Date().addingTimeInterval(60)
        while try Self.leftovers(dir).isEmpty, process.isRunning, Date() < deadline { usleep(2_000) }
        let during = try Self.leftovers(dir)
        kill(process.processIdentifier, SIGINT)
        let message = String(decoding: err.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        process.waitUntilExit()
        #expect(during.count == 1 && during[0].hasPrefix(".out.apkg.export-"), "\(during)")
        #expect(process.terminationReason == .exit && process.terminationStatus == 130, "\(message)")
        #expect(message.contains("interrupted"), "\(message)")
        #expect(try Self.leftovers(dir) == [])
    }
}
