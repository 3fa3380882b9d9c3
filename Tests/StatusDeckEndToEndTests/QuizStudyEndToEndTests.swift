import Foundation
import Testing

/// Issue 14 in the real TUI, debug and release: siblings are not asked back to back, `@`
/// suspends for good, a one-letter slip is right but Hard.
@Suite struct QuizStudyEndToEndTests {
    static func cards(_ lines: [String]) -> [String] {
        lines.compactMap { line in
            guard let r = line.range(of: #""card":""#) else { return nil }
            return String(line[r.upperBound...].prefix { $0 != "\"" })
        }
    }

    @Test(arguments: TmuxSession.Build.allCases) func siblingsAreNotAskedInTheSameDay(_ build: TmuxSession.Build) throws {
        let t = try TmuxSession(build, ["review", "--mode", "flip", "--lang", "en", "--limit", "4"])
        for n in 1...4 {
            try t.flipAndGrade("3")
            try t.waitFor("progress \(n)/") { QuizEndToEndTests.progress($0)?.hasPrefix("\(n)/") == true }
        }
        // --limit 4: the summary comes on its own.
        try t.waitFor(text: "Session over")
        try t.send("Enter")
        #expect(try t.waitForExit().status == 0)
        let answered = Self.cards(try QuizEndToEndTests.historyLines(t.dataDir))
        #expect(answered.count == 4)
        // Distinct cards (a learning card may come back itself), never two of one code.
        let distinct = Array(Set(answered))
        let codes = Set(distinct.map { $0.split(separator: "/").dropLast().joined(separator: "/") })
        #expect(codes.count == distinct.count, "\(answered)")
    }

    @Test(arguments: TmuxSession.Build.allCases) func aSuspendedCardStaysAwayUntilUnsuspended(_ build: TmuxSession.Build) throws {
        let first = try TmuxSession(build, ["review", "--mode", "flip", "--lang", "en"])
        let front = try first.waitFor(text: "Space show answer")
        let suspended = QuizEndToEndTests.prompt(front)
        try first.send("@")
        let next = try first.waitFor(text: "Suspended")
        #expect(QuizEndToEndTests.prompt(next) != suspended)
        try first.send("C-c")
        #expect(try first.waitForExit().status == 0)
        let lines = try QuizEndToEndTests.historyLines(first.dataDir)
        #expect(lines.count == 1 && lines[0].contains(#""mark":"suspend""#))
        let card = try #require(Self.cards(lines).first)

        // Tomorrow and after, still away; `cards` says so.
        let listed = try StatusDeckProcess.run(["cards", "--json", "--data-dir", first.dataDir.path])
        #expect(listed.stdout.contains(#"{"id":"\#(card)","#))
        #expect(listed.stdout.split(separator: "\n").contains { $0.contains(#""id":"\#(card)""#) && $0.contains(#""suspended":true"#) })
        let second = try TmuxSession(build, ["review", "--mode", "flip", "--lang", "en"], dataDir: first.dataDir)
        #expect(QuizEndToEndTests.prompt(try second.waitFor(text: "Space show answer")) != suspended)
        try second.send("C-c")
        #expect(try second.waitForExit().status == 0)
        let back = try StatusDeckProcess.run(["cards", "unsuspend", card, "--data-dir", first.dataDir.path])
        #expect(back.status == 0)
        let third = try TmuxSession(build, ["review", "--mode", "flip", "--lang", "en"], dataDir: first.dataDir)
        #expect(QuizEndToEndTests.prompt(try third.waitFor(text: "Space show answer")) == suspended)
        try third.send("C-c")
        #expect(try third.waitForExit().status == 0)
    }

    @Test(arguments: TmuxSession.Build.allCases) func aSlipIsRightButHard(_ build: TmuxSession.Build) throws {
        let data = try TmuxSession.freshDirectory()
        try FileManager.default.createDirectory(at: data.appendingPathComponent("decks"), withIntermediateDirectories: true)
        try """
        deck: slips-en
        name: Slips
        language: en

        id: slips/301/phrase
        kind: code-to-meaning
        mode: type
        code: 301
        prompt: Which reason phrase goes with 301?
        answer: Moved Permanently

        """.write(to: data.appendingPathComponent("decks/slips.deck"), atomically: true, encoding: .utf8)
        let t = try TmuxSession(build, ["review", "--deck", "slips-en", "--lang", "en", "--limit", "1"], dataDir: data)
        try t.waitFor(text: "Which reason phrase goes with 301?")
        try t.type("Moved Permanetly")
        try t.send("Enter")
        let back = try t.waitFor(text: "right but for one slip")
        #expect(back.contains("you typed: Moved Permanetly"))
        #expect(back.contains("Answer:    Moved Permanently"))
        #expect(back.contains("Enter Hard"))
        try t.send("Enter")
        try t.waitFor(text: "Session over")
        try t.send("Enter")
        #expect(try t.waitForExit().status == 0)
        let line = try #require(try QuizEndToEndTests.historyLines(data).first)
        #expect(line.contains(#""rating":2"#) && line.contains(#""correct":true"#))
    }
}
