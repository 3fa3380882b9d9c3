import StatusDeckUI
import Testing

@testable import StatusDeckTerminal

/// A terminal that plays back a script of events and counts the frames drawn.
final class ScriptedTerminal: EventTerminal {
    var events: [TerminalEvent]
    var frames = 0
    var reads = 0
    let size: (width: Int, height: Int) = (80, 24)

    init(_ events: [TerminalEvent]) { self.events = events }

    func draw(_ screen: Screen) { frames += 1 }

    func nextEvent() -> TerminalEvent {
        reads += 1
        // Running off the end of the script is a bug in the loop: it asked past an ending event.
        return events.isEmpty ? .signal(-1) : events.removeFirst()
    }
}

/// Shows the same card forever and remembers what it was asked to do.
struct EndlessDriver: QuizDriver {
    var recorded = 0
    let item = QuizItem(
        cardID: "http/404/code-to-meaning", prompt: "What does 404 mean?", answer: "Not Found",
        accepted: [], choices: [], explanation: "", mode: .flip,
        intervals: ["1m", "6m", "10m", "2d"], stage: .new)

    mutating func start(now: Int64) -> [QuizMessage] { [.show(item, QueueCounts(new: 1, learning: 0, due: 0))] }

    mutating func perform(_ effect: QuizEffect, now: Int64) -> [QuizMessage] {
        if case .record = effect { recorded += 1 }
        if case .finish = effect { return [.finished(QueueCounts(new: 0, learning: 0, due: 0), nextDueIn: nil)] }
        return [.show(item, QueueCounts(new: 1, learning: 0, due: 0))]
    }
}

@Suite struct TerminalLoopTests {
    func run(_ events: [TerminalEvent]) -> (end: TerminalLoop.End, terminal: ScriptedTerminal, program: QuizProgram<EndlessDriver>) {
        let terminal = ScriptedTerminal(events)
        var program = QuizProgram(
            quiz: Quiz(deckName: "Test", strings: .of(.en), modeOverride: nil),
            driver: EndlessDriver())
        var t: Int64 = 0
        let end = TerminalLoop.run(
            &program, on: terminal,
            clock: {
                t += 1000
                return t
            })
        return (end, terminal, program)
    }

    @Test func aHangUpEndsTheSessionAtOnce() {
        let r = run([.key(.char(" ")), .hangup, .key(.char("3"))])
        #expect(r.end == .hangup)
        #expect(r.terminal.reads == 2)
        // The quiz heard it too: it asked to leave, like on any interruption.
        #expect(r.program.quitRequested)
        #expect(r.program.driver.recorded == 0)
    }

    @Test func aSignalEndsTheSessionWithThatSignal() {
        let r = run([.key(.char(" ")), .key(.char("3")), .signal(15)])
        #expect(r.end == .signal(15))
        #expect(r.program.driver.recorded == 1)
        #expect(r.terminal.reads == 3)
    }

    @Test func eachEventBeforeTheEndIsDrawn() {
        let r = run([.key(.char(" ")), .resize(width: 40, height: 12), .key(.char("3")), .hangup])
        // The first frame, then one per event that did not end the session.
        #expect(r.terminal.frames == 4)
        #expect(r.end == .hangup)
    }

    @Test func exitAfterFirstFrameReadsNothing() {
        let terminal = ScriptedTerminal([.hangup])
        var program = QuizProgram(
            quiz: Quiz(deckName: "Test", strings: .of(.en), modeOverride: nil),
            driver: EndlessDriver())
        let end = TerminalLoop.run(&program, on: terminal, clock: { 0 }, exitAfterFirstFrame: true)
        #expect(end == .firstFrameDrawn)
        #expect(terminal.reads == 0)
        #expect(terminal.frames == 1)
    }
}
