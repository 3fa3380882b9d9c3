import Foundation
import StatusDeckTestSupport

/// The built `statusdeck` executable, for tests that check what real Anki makes of its output.
enum StatusDeckBinary {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The binary sits beside the test bundle in the build products directory.
    static var url: URL {
        let here = Bundle.main.bundleURL
        for candidate in [
            here.appendingPathComponent("statusdeck"),
            here.deletingLastPathComponent().appendingPathComponent("statusdeck"),
        ]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("statusdeck")
    }

    /// Runs it and insists on success: these tests are about the output, not the errors.
    static func run(_ arguments: [String]) throws {
        _ = try output(arguments)
    }

    /// Runs it, insists on success, and returns its standard output. Standard error goes to a
    /// scratch file rather than a second pipe, so a chatty failure can never block the child
    /// while this reads standard output; its text is in the thrown failure.
    static func output(_ arguments: [String]) throws -> Data {
        let errorsURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("statusdeck-stderr-\(getpid())-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errorsURL.path, contents: nil) else {
            throw Failure(description: "cannot create \(errorsURL.path)")
        }
        defer { try? FileManager.default.removeItem(at: errorsURL) }
        let errors = try FileHandle(forWritingTo: errorsURL)
        defer { try? errors.close() }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errors
        try process.run()
        let bytes = out.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: errorsURL, encoding: .utf8)) ?? ""
            throw Failure(
                description: "statusdeck \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(text)")
        }
        return bytes
    }
}
