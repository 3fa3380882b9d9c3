import Foundation
import StatusDeckTestSupport

/// Runs the built `statusdeck` executable and collects what it printed.
struct StatusDeckProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary sits beside the test bundle in the build products directory.
    static var executableURL: URL {
        let here = Bundle.main.bundleURL
        let candidates = [
            here.appendingPathComponent("statusdeck"),
            here.deletingLastPathComponent().appendingPathComponent("statusdeck"),
        ]
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) { return c }
        // swift test on Linux runs from .build/<config>/; the binary is there.
        let buildDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return buildDir.appendingPathComponent("statusdeck")
    }

    /// The same binary built with `-c release` (whole-module optimisation), the one the README's
    /// first command runs. Tests of the quiz run against both: a release-only bug hid once from
    /// tests that ran the debug build alone. Missing or older than the sources is a failure, never
    /// a skip: build it with `swift build -c release --product statusdeck` (the README's test command does).
    static func releaseExecutable() throws -> URL {
        let debug = executableURL
        let release = debug.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("release").appendingPathComponent("statusdeck")
        let manager = FileManager.default
        guard let built = (try? manager.attributesOfItem(atPath: release.path))?[.modificationDate] as? Date else {
            throw Missing(description: "\(release.path) is missing; expected the release build (swift build -c release --product statusdeck)")
        }
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        if let files = manager.enumerator(at: sources, includingPropertiesForKeys: [.contentModificationDateKey]) {
            for case let file as URL in files {
                if let changed = try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate,
                    changed > built
                {
                    throw Missing(
                        description:
                            "\(release.path) is older than \(file.path); expected a current release build (swift build -c release --product statusdeck)")
                }
            }
        }
        return release
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil,
        executable: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? executableURL
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a chatty child never blocks on a full pipe.
        let outData = out.fileHandleForReading.readAllRetryingInterrupts()
        let errData = err.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
