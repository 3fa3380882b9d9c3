import Foundation
import Testing

/// Command lines people type that the parser read otherwise: options before the command, a
/// negative number after an option, a deck given by path.
@Suite struct CommandLineShapeTests {
    @Test func dataDirBeforeTheCommandIsTheCommandsOwn() throws {
        let c = try BadInputCase()
        try c.file(
            "data/history.jsonl", #"{"v":1,"id":"00000000000000000000000000000001","card":"http/404/class","at":"2026-11-20T10:00:00.000Z","rating":3}"# + "\n")
        let before = try c.run(["--data-dir", c.data, "cards", "--json"])
        let after = try c.run(["cards", "--json", "--data-dir", c.data])
        #expect(before.status == 0 && before.stdout == after.stdout)
        #expect(before.stdout.contains(#""id":"http/404/class","deck":null,"state":"learning""#))
        // Nested commands too, and the `=` form.
        let nested = try c.run(["--data-dir=" + c.data, "history", "check"])
        #expect(nested.status == 0, "\(nested.stderr)")
        #expect(nested.stdout.contains("1 line"))
    }

    @Test func aNegativeNumberIsNamedByItsOption() throws {
        let c = try BadInputCase()
        let days = try c.run(["stats", "--days", "-3", "--data-dir", c.data])
        BadInputCase.expectFailure(days, status: 2, line: "statusdeck: --days: found -3; expected a whole number of days from 1 to 3650")
        let limit = try c.run(["review", "--limit", "-3", "--data-dir", c.data])
        BadInputCase.expectFailure(limit, status: 2, line: "statusdeck: --limit: found -3; expected a whole number of cards, 1 or more")
    }

    @Test(arguments: TmuxSession.Build.allCases) func reviewTakesADeckByPath(_ build: TmuxSession.Build) throws {
        let data = try TmuxSession.freshDirectory()
        let path = data.deletingLastPathComponent().appendingPathComponent("mine.deck")
        try """
        deck: mine-en
        name: Mine
        language: en

        id: mine/418/teapot
        kind: code-to-meaning
        mode: flip
        code: 418
        prompt: What does 418 say?
        answer: I'm a teapot

        """.write(to: path, atomically: true, encoding: .utf8)
        let t = try TmuxSession(build, ["review", "--deck", path.path], dataDir: data)
        try t.waitFor(text: "What does 418 say?")
        try t.send("C-c")
        #expect(try t.waitForExit().status == 0)
        let missing = try TmuxSession(build, ["review", "--deck", "/nonexistent/x.deck"], dataDir: data)
        let end = try missing.waitForExit()
        #expect(end.status == 2)
        #expect(end.screen.contains("/nonexistent/x.deck"))
    }
}
