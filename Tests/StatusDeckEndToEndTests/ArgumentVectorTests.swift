import Testing

@testable import StatusDeckCLI

/// The static build reads its arguments from /proc; without /proc it must refuse to run rather
/// than take `statusdeck --version` for a bare `statusdeck` and start the quiz.
@Suite struct ArgumentVectorTests {
    @Test func anEmptyVectorIsRefusedWithOneLineNamingProc() throws {
        let line = try #require(ArgumentVector.lostArgumentsLine([]))
        #expect(!line.contains("\n"))
        #expect(line.hasPrefix("statusdeck: "))
        #expect(line.contains("/proc"))
    }

    @Test(arguments: [["statusdeck"], ["statusdeck", "--version"], ["/usr/bin/statusdeck", "stats", "--data-dir", "x"]])
    func aVectorWithTheProgramNameIsUsed(_ vector: [String]) {
        #expect(ArgumentVector.lostArgumentsLine(vector) == nil)
    }
}
