import Foundation
import Testing

/// One end-to-end bad-input case: a fresh folder with the data dir at `ROOT/data`, the files the
/// case needs, then one run of `statusdeck` whose failure is checked the same way every time.
/// A class so the folder goes with the case: a struct had no place to remove it, and every run
/// left hundreds of folders in /tmp.
final class BadInputCase {
    let dir: TempDirectory
    var root: String { dir.path }
    var data: String { dir.path + "/data" }

    init() throws {
        dir = try TempDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/data", withIntermediateDirectories: true)
    }

    deinit { dir.remove() }

    @discardableResult
    func file(_ relative: String, _ text: String) throws -> String {
        try dir.write(text, to: relative)
    }

    @discardableResult
    func file(_ relative: String, bytes: [UInt8]) throws -> String {
        try dir.write(Data(bytes), to: relative)
    }

    /// Runs the command and checks that no file under the root was created, changed or removed.
    func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> StatusDeckProcess.Result {
        let before = DiskSnapshot(root)
        let result = try StatusDeckProcess.run(arguments)
        let after = DiskSnapshot(root)
        #expect(before == after, "files changed: before [\(before)] after [\(after)]", sourceLocation: sourceLocation)
        return result
    }

    /// The promise for bad input: exactly this one line on stderr, this exit code, no crash report,
    /// nothing a terminal would obey.
    static func expectFailure(
        _ result: StatusDeckProcess.Result, status: Int32, line: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == status, "exit status", sourceLocation: sourceLocation)
        #expect(result.stderr == line + "\n", sourceLocation: sourceLocation)
        expectCleanStderr(result, sourceLocation: sourceLocation)
    }

    /// For messages whose tail is the system's wording: the line starts with `prefix`.
    static func expectFailure(
        _ result: StatusDeckProcess.Result, status: Int32, prefix: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == status, "exit status", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix(prefix), "\(result.stderr)", sourceLocation: sourceLocation)
        expectCleanStderr(result, sourceLocation: sourceLocation)
    }

    static func expectCleanStderr(_ result: StatusDeckProcess.Result, sourceLocation: SourceLocation) {
        #expect(
            result.stderr.hasSuffix("\n") && result.stderr.filter { $0 == "\n" }.count == 1,
            "not one line: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            !result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace")
                && !result.stderr.contains("Crash") && !result.stderr.contains("💣"), sourceLocation: sourceLocation)
        #expect(
            !result.stderr.dropLast().unicodeScalars.contains { TerminalSafety.isHostile($0) },
            "raw control character in: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.utf8.count < 600, "a bad-input message is a short line", sourceLocation: sourceLocation)
        // Exit codes above 3 (e.g. 134 for SIGABRT) would mean a crash or an undocumented code.
        #expect((1...3).contains(result.status), sourceLocation: sourceLocation)
    }
}

/// What must never reach a terminal raw from a deck, history or config.
enum TerminalSafety {
    static func isHostile(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x00...0x08).contains(v) || (0x0B...0x1F).contains(v) || (0x7F...0x9F).contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200B || v == 0x200C || v == 0x200D || v == 0x200E || v == 0x200F || v == 0x2060 || v == 0xFEFF
            || v == 0x061C
    }

    /// Nil when the text is safe; else the first hostile scalar, for the failure message.
    static func firstHostile(in text: String) -> String? {
        text.unicodeScalars.first(where: isHostile).map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }
}
