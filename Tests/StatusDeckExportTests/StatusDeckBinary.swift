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
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errors = err.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "statusdeck \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self))")
        }
    }
}

extension StatusDeckBinary {
    /// Runs it, insists on success, and returns its standard output.
    static func output(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let bytes = out.fileHandleForReading.readAllRetryingInterrupts()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "statusdeck \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return bytes
    }
}
