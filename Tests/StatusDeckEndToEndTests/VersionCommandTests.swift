import Foundation
import Testing

/// End-to-end: runs the built `statusdeck` binary as a user would.
@Suite struct VersionCommandTests {
    @Test func versionFlagPrintsVersion() throws {
        let result = try StatusDeckProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }
}
