import ArgumentParser
import FSRS
import Testing

@testable import StatusDeckCLI

/// The hand-read command lines must mean exactly what the parser makes of them, and everything
/// else must be left to the parser.
@Suite struct FastPathTests {
    /// What the parser builds for `arguments`, as the entry point calls it; nil when it refuses them.
    static func parsed(_ arguments: [String]) -> ParsableCommand? {
        try? StatusDeckCommand.parseAsRoot(CommandLineShape.normalize(arguments))
    }

    /// Every property of the command, by its wrappers' descriptions. A property the fast path
    /// forgot to fill would read `Option(*definition*)` here (and trap when the command read it).
    static func fields(_ command: ParsableCommand) -> String {
        "\(type(of: command)) \(String(describing: command))"
    }

    static func expectSameAsParser(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let fast = FastPath.command(arguments) else {
            Issue.record("the fast path left \(arguments) to the parser", sourceLocation: sourceLocation)
            return
        }
        guard let parsed = parsed(arguments) else {
            Issue.record("the parser refuses \(arguments), the fast path took it", sourceLocation: sourceLocation)
            return
        }
        #expect(fields(fast) == fields(parsed), "\(arguments)", sourceLocation: sourceLocation)
        #expect(!fields(fast).contains("*definition*"), sourceLocation: sourceLocation)
    }

    static let recognised: [[String]] = [
        [],
        ["review"],
        ["stats"],
        ["stats", "--json"],
        ["stats", "--csv"],
        ["stats", "--data-dir", "/tmp/d"],
        ["stats", "--data-dir=/tmp/d", "--json"],
        ["--data-dir", "/tmp/d", "stats"],
        ["--data-dir=/tmp/d", "stats", "--json"],
        ["stats", "--json", "--data-dir", "/tmp/d", "--now", "2026-12-01T00:00:00Z"],
        ["stats", "--deck", "http-core", "--days", "7"],
        ["stats", "--days=3650"],
        ["stats", "--days", "007"],
        ["stats", "--now", "not a time"],  // the command's own run() reports it, on both paths
        ["--data-dir", "/tmp/d"],
        ["--lang", "zh"],
        ["--lang", "zh", "--data-dir", "/tmp/d"],
        ["--data-dir", "/tmp/d", "review", "--lang", "zh"],
        ["--lang=zh", "review"],
        ["review", "--data-dir", "/tmp/d", "--exit-after-first-frame"],
        ["review", "--deck", "http-core", "--mode", "type", "--limit", "5", "--lang", "en"],
        ["review", "--deck=./mine.deck", "--limit=1"],
        ["--data-dir", "stats"],  // a data dir named like a command is still a data dir
        ["review", "--deck", "stats"],
    ]

    @Test(arguments: recognised) func anEverydayCommandLineMeansWhatTheParserMakesOfIt(_ arguments: [String]) {
        Self.expectSameAsParser(arguments)
    }

    static let leftToTheParser: [[String]] = [
        ["--version", "stats"],
        ["--help"], ["-h"], ["help"], ["stats", "--help"], ["stats", "-h"], ["review", "--help"],
        ["stats", "--json", "--csv"],
        ["stats", "--days", "0"], ["stats", "--days", "3651"], ["stats", "--days", "-3"], ["stats", "--days", "+5"],
        ["stats", "--days", "99999999999999999999999"], ["stats", "--days", "x"],
        ["stats", "--data-dir"], ["stats", "--data-dir", ""], ["stats", "--data-dir="], ["stats", "--data-dir", "-x"],
        ["stats", "--json", "--json"], ["stats", "--data-dir", "a", "--data-dir", "b"],
        ["--data-dir", "a", "stats", "--data-dir", "b"],
        ["stats", "--json=yes"], ["stats", "--lang", "zh"], ["--lang", "zh", "stats"],
        ["stats", "extra"], ["stats", "--"], ["stats", "--bogus"], ["stats", "-j"],
        ["review", "--limit", "0"], ["review", "--limit", "-3"], ["review", "--mode", "telepathy"],
        ["review", "--lang", "xx"], ["--lang", "xx"], ["review", "--crash-after-first-frame"],
        ["review", "--exit-after-first-frame=1"], ["review", "stats"], ["stats", "review"],
        ["decks"], ["cards", "--json"], ["--data-dir", "/tmp/d", "cards"], ["export", "--format", "csv"],
        ["config", "show"], ["--version"],
    ]

    @Test(arguments: leftToTheParser) func anythingElseIsLeftToTheParser(_ arguments: [String]) {
        #expect(FastPath.command(arguments) == nil)
    }

    /// Random command lines from the tokens the fast path knows and some it must not take: each
    /// one it takes must be what the parser builds. A fixed seed keeps failures reproducible.
    @Test func randomCommandLinesTheFastPathTakesAreTheParsersToo() {
        let tokens = [
            "stats", "review", "decks", "--json", "--csv", "--data-dir", "--data-dir=/d", "/d", "--deck", "http-core",
            "--days", "7", "0", "-3", "--now", "2026-12-01T00:00:00Z", "--lang", "zh", "xx", "--mode", "type",
            "--limit", "5", "--exit-after-first-frame", "--help", "-h", "--", "--version", "=", "",
        ]
        var random = SplitMix64(seed: 17)
        var taken = 0
        for _ in 0..<4000 {
            let count = Int(random.next() % 7)
            let arguments = (0..<count).map { _ in tokens[Int(random.next() % UInt64(tokens.count))] }
            guard FastPath.command(arguments) != nil else { continue }
            taken += 1
            Self.expectSameAsParser(arguments)
        }
        // The generator must reach the fast path often enough for the check to mean something.
        #expect(taken > 100)
    }
}
