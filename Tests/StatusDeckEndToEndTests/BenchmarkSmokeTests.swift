import Foundation
import Testing

/// End-to-end: the benchmark's seconds-long smoke mode runs to the end and prints a well-formed
/// table. Speed itself is never asserted here: timings belong to the benchmark, not to tests.
@Suite struct BenchmarkSmokeTests {
    static let header = ["measurement", "size", "median", "p90", "runs", "CPU median", "peak RSS", "target", "result"]
    static let measurements = [
        "load + replay, no snapshot", "load + replay, no snapshot peak memory",
        "load + replay", "load + replay peak memory", "cards --json", "stats", "stats --json",
        "export apkg --all --with-history", "export apkg --all --with-history peak memory",
        "import apkg (one revlog row per answer) into an empty data dir", "import apkg peak memory",
        "sync, 5 device files, none changed", "sync, 5 device files, all read", "sync + load (a command's start), none changed",
        "sync + load (a command's start), one file grown by 100 answers",
        "sync, new machine (every event new to it)", "load (snapshot), beside the sync", "load (no snapshot), beside the sync",
        "scheduler alone (reviews/s)", "optimize fit (12,580-review sample)", "optimize fit", "optimize fit",
        "TUI first frame (exec → exit)",
        "key → frame (update + view 80×24)", "append + fsync (one answer)",
        // Issue 17: each start-up case for both builds, side by side (the smoke run passes the
        // same binary as the static one, so the rows do not depend on a static build existing).
        "start-up: --version (dynamic)", "start-up: --version (static)",
        "start-up: stats (dynamic)", "start-up: stats (static)", "start-up: stats (dynamic)", "start-up: stats (static)",
        "start-up: TUI first frame (dynamic)", "start-up: TUI first frame (static)",
    ]

    @Test func quickRunPrintsEveryMeasurementInAWellFormedTable() throws {
        let work = try TempDirectory()
        defer { work.remove() }
        let result = try Self.runBench([
            "--quick", "--no-peers", "--work-dir", work.path, "--static-statusdeck", StatusDeckProcess.executableURL.path,
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")

        let tableLines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("|") }
        try #require(tableLines.count >= 2 + Self.measurements.count)
        #expect(Self.cells(tableLines[0]) == Self.header)
        #expect(tableLines[1].allSatisfy { $0 == "|" || $0 == "-" })
        let rows = tableLines.dropFirst(2).map(Self.cells)
        for row in rows {
            #expect(row.count == Self.header.count, "row: \(row)")
            // The optimizer's row always fits the same real sample, whatever size the run uses.
            #expect(
                row[1] == "1k" || row[1] == "—" || row[0].hasPrefix("optimize fit") && row[1].hasPrefix("12.5k")
                    || row[0].hasPrefix("start-up: stats") && row[1] == "empty", "row: \(row)")
            // A figure is either measured (a number with a unit, and as many runs as asked for)
            // or says why not; never a blank cell.
            if row[8].hasPrefix("not measured (") {
                #expect(row[8].hasSuffix(")") && row[2] == "—" && row[4] == "0")
            } else {
                #expect(["pass", "FAIL", "—"].contains(row[8]), "row: \(row)")
                #expect(row[2].range(of: #"^[0-9.]+ (s|ms|µs|M/s|k/s|/s|MB)$"#, options: .regularExpression) != nil, "row: \(row)")
                #expect(Int(row[4]).map { $0 >= 1 } == true, "row: \(row)")
            }
        }
        #expect(rows.map { $0[0] } == Self.measurements)
        // Load + replay reads the generated file through the real store: it must be measured.
        #expect(rows.first?[8] != nil && rows.first?[8].hasPrefix("not measured") == false)
        #expect(result.stdout.contains("history 1k: 1000 lines"))
        #expect(result.stdout.contains("\nTargets: "))
        // The generated history was written in the real format and stays for inspection.
        #expect(FileManager.default.fileExists(atPath: work.path + "/1k/history.jsonl"))
    }

    @Test func badSizesAreOneLineAndExitTwo() throws {
        let result = try Self.runBench(["--quick", "--sizes", "lots"])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--sizes: found `lots`; expected sizes like 10k,100k,1M"))
    }

    static func cells(_ line: Substring) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The benchmark binary is built beside `statusdeck`.
    static func runBench(_ arguments: [String]) throws -> StatusDeckProcess.Result {
        let process = Process()
        process.executableURL = StatusDeckProcess.executableURL.deletingLastPathComponent()
            .appendingPathComponent("statusdeck-bench")
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read stderr on its own thread: the run's progress must never fill a pipe and stall it.
        let errData = ErrorCollector(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return StatusDeckProcess.Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.wait(), as: UTF8.self))
    }
}

/// Drains a pipe on a background thread and hands back everything once it closes.
final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
