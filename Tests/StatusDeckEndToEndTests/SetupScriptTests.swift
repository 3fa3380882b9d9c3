import Foundation
import Testing

/// `.ci/setup`'s virtualenv repair: a venv left half-made by an interrupted setup is made again,
/// instead of failing every later run.
@Suite struct SetupScriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func ensureVenv(_ dir: String) throws -> StatusDeckProcess.Result {
        try StatusDeckProcess.run(
            ["-c", "source \"$0\" && ensure_venv \"$1\"", root.appendingPathComponent(".ci/venv.sh").path, dir],
            executable: URL(fileURLWithPath: "/bin/bash"))
    }

    static func pipWorks(_ venv: String) throws -> Bool {
        try StatusDeckProcess.run(["-m", "pip", "--version"], executable: URL(fileURLWithPath: venv + "/bin/python")).status == 0
    }

    static func temporary() throws -> String {
        let dir = NSTemporaryDirectory() + "statusdeck-setup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aVenvInterruptedBeforePipIsMadeAgain() throws {
        let dir = try Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let venv = dir + "/.venv-oracles"
        // What `python3 -m venv` leaves when stopped before ensurepip finishes: python, no pip.
        let half = try StatusDeckProcess.run(
            ["python3", "-m", "venv", "--without-pip", venv],
            executable: URL(fileURLWithPath: "/usr/bin/env"))
        try #require(half.status == 0, "\(half.stderr)")
        #expect(try !Self.pipWorks(venv))
        let r = try Self.ensureVenv(venv)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("is not a working virtualenv"))
        #expect(try Self.pipWorks(venv))
    }

    @Test func aFolderWithNoPythonIsMadeAgain() throws {
        let dir = try Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let venv = dir + "/.venv-oracles"
        try FileManager.default.createDirectory(atPath: venv + "/lib", withIntermediateDirectories: true)
        let r = try Self.ensureVenv(venv)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.pipWorks(venv))
    }

    @Test func aWorkingVenvIsKeptWithWhatIsInIt() throws {
        let dir = try Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let venv = dir + "/.venv-oracles"
        try #require(try Self.ensureVenv(venv).status == 0)
        let marker = venv + "/installed-before"
        try #require(FileManager.default.createFile(atPath: marker, contents: Data("x".utf8)))
        let again = try Self.ensureVenv(venv)
        #expect(again.status == 0)
        #expect(again.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: marker))
    }

    @Test func anUnknownOptionIsRefusedInOneLine() throws {
        let r = try StatusDeckProcess.run(
            [Self.root.appendingPathComponent(".ci/setup").path, "--test"],
            executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(r.status == 2)
        #expect(r.stderr == "setup: unknown option --test; expected --tests or nothing\n")
    }
}
