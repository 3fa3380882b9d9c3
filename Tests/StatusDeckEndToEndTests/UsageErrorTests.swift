import Foundation
import Testing

/// Bad command lines get one line on stderr and exit 2, not the parser's default 64.
@Suite struct UsageErrorTests {
    @Test func unknownOptionIsOneLineAndExitTwo() throws {
        let result = try StatusDeckProcess.run(["--frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr == "statusdeck: Unknown option '--frobnicate'; expected what 'statusdeck --help' lists\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func unknownSubcommandIsExitTwo() throws {
        let result = try StatusDeckProcess.run(["catalog", "--lang"])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func helpGoesToStdoutWithExitZero() throws {
        let result = try StatusDeckProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: statusdeck"))
    }
}
