import FSRS
import Testing

@testable import StatusDeckExport

@Suite struct ExportModelTests {
    @Test func guidsAreStablePerCardAndLanguage() {
        let en = NoteGUID.make(cardID: "http/404/code-to-meaning", language: "en")
        #expect(en == NoteGUID.make(cardID: "http/404/code-to-meaning", language: "en"))
        #expect(en != NoteGUID.make(cardID: "http/404/code-to-meaning", language: "zh"))
        #expect(en != NoteGUID.make(cardID: "http/410/code-to-meaning", language: "en"))
        #expect(en.count == 11 && en.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    @Test func rfc3339CoversLeapDaysAndTimesBeforeTheEpoch() {
        #expect(Timestamp.format(Instant(milliseconds: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(Instant(milliseconds: 951_782_400_123)) == "2000-02-29T00:00:00.123Z")
        #expect(Timestamp.format(Instant(milliseconds: -1)) == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp.format(ExportFixtures.exportedAt) == "2026-11-22T03:00:00.000Z")
    }

    @Test func sha1MatchesTheStandardVectors() {
        let hex = { (s: String) in SHA1.digest(Array(s.utf8)).map { String(format: "%02x", $0) }.joined() }
        #expect(hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(String(repeating: "a", count: 1000)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    }

    @Test func intervalsAreWholeDaysOnceAnswered() {
        let s = ExportFixtures.reviewed.scheduling
        #expect(s?.intervalDays == 3)
        #expect(s?.intervalSeconds == Int64(3 * 86_400))
        #expect(ExportScheduling(state: .new).intervalDays == 0)
    }
}
