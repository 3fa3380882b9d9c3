import Foundation
import Testing

/// A full disk behind stdout or stderr (here /dev/full, which fails every write with ENOSPC):
/// a command must not report success for output it could not write, and must never crash.
@Suite struct OutputFailureTests {
    static func run(_ arguments: [String], stdoutFull: Bool) throws -> (status: Int32, stderr: String, reason: Process.TerminationReason) {
        let process = Process()
        process.executableURL = StatusDeckProcess.executableURL
        process.arguments = arguments
        process.environment = ["SWIFT_BACKTRACE": "enable=no", "HOME": NSTemporaryDirectory()]
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let err = Pipe()
        if stdoutFull {
            process.standardOutput = full
            process.standardError = err
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = full
        }
        try process.run()
        let text = stdoutFull ? String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) : ""
        process.waitUntilExit()
        return (process.terminationStatus, text, process.terminationReason)
    }

    // `--version` alone skips the parser (issue 17); it must still check its one write.
    @Test(arguments: [["catalog", "--json"], ["catalog"], ["decks"], ["stats"], ["stats", "--json"], ["cards"], ["--version"]])
    func aFullStdoutIsARuntimeFailureNotASuccess(arguments: [String]) throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let r = try Self.run(arguments + (["catalog", "--version"].contains(arguments[0]) ? [] : ["--data-dir", dir.path]), stdoutFull: true)
        #expect(r.reason == .exit)
        #expect(r.status == 1)
        // Whether stdio still knows errno depends on which flush met the full disk.
        #expect(
            r.stderr == "statusdeck: could not write the output (No space left on device); expected a standard output with room for it\n"
                || r.stderr == "statusdeck: could not write all of the output; expected a standard output with room for it\n")
    }

    @Test func aFullStdoutDuringGenerateIsARuntimeFailure() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let r = try Self.run(["generate", "--output", dir.path + "/decks"], stdoutFull: true)
        #expect(r.reason == .exit)
        #expect(r.status == 1)
    }

    @Test func aFullStderrKeepsTheExitCodeAndDoesNotCrash() throws {
        let r = try Self.run(["catalog", "--lang", "fr"], stdoutFull: false)
        #expect(r.reason == .exit)
        #expect(r.status == 2)
        let quiz = try Self.run(["review"], stdoutFull: false)
        #expect(quiz.reason == .exit)
        #expect(quiz.status == 2)
        let usage = try Self.run(["--bogus"], stdoutFull: false)
        #expect(usage.reason == .exit)
        #expect(usage.status == 2)
    }
}
