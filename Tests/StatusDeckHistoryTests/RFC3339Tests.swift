import FSRS
import Testing

@testable import StatusDeckHistory

@Suite struct RFC3339Tests {
    @Test func formatsUTCWithMilliseconds() {
        #expect(RFC3339.format(Instant(milliseconds: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(RFC3339.format(Instant(milliseconds: 1_795_341_600_123)) == "2026-11-22T10:00:00.123Z")
        #expect(RFC3339.format(Instant(milliseconds: -1)) == "1969-12-31T23:59:59.999Z")
        #expect(RFC3339.format(Instant(milliseconds: 951_782_400_000)) == "2000-02-29T00:00:00.000Z")
    }

    @Test func parsesOffsetsFractionsAndLowercase() {
        #expect(RFC3339.parse("2026-11-22T10:00:00Z")?.milliseconds == 1_795_341_600_000)
        #expect(RFC3339.parse("2026-11-22t10:00:00.5z")?.milliseconds == 1_795_341_600_500)
        #expect(RFC3339.parse("2026-11-22T10:00:00.123456789Z")?.milliseconds == 1_795_341_600_123)
        #expect(RFC3339.parse("2026-11-22T05:30:00-04:30")?.milliseconds == 1_795_341_600_000)
        #expect(RFC3339.parse("2026-11-23T00:00:00+14:00")?.milliseconds == 1_795_341_600_000)
    }

    @Test(arguments: [
        "2026-11-22", "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2026-11-22T24:00:00Z",
        "2026-11-22T10:00:00", "2026-11-22T10:00:00.Z", "2026-11-22T10:00:00+0800",
        "2026-11-22 10:00:00Z", "2026-11-22T10:00:60Z", "2026-11-22T10:00:00Zjunk",
    ])
    func rejects(_ text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test func roundTripsAcrossCenturies() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2000 {
            let ms = Int64(bitPattern: rng.next() % 253_402_300_799_999)
            let text = RFC3339.format(Instant(milliseconds: ms))
            #expect(RFC3339.parse(text)?.milliseconds == ms)
        }
    }
}
