import Testing

@testable import FSRS

@Suite struct InstantTests {
    @Test func addingSecondsMovesByMilliseconds() {
        let t = Instant(milliseconds: 1_000)
        #expect(t.adding(seconds: 60).milliseconds == 61_000)
        #expect(t.adding(seconds: -1) < t)
    }
}
