import FSRS
import Testing

@testable import StatusDeckHistory

/// Setting lines (issue 19): written canonically, read back in any key order and with escapes,
/// refused when they name no synced setting, lack a field or mix in card fields, and never
/// sharing an id with another kind of event.
@Suite struct SettingLineTests {
    static let at = Instant(milliseconds: 1_795_341_600_000)  // 2026-11-22T10:00:00Z
    static let setting = SettingEvent(id: EventID(high: 0xCD, low: 1), at: at, key: "desired_retention", value: "0.85")

    func failure(_ line: String) -> String {
        var parser = HistoryLineParser()
        do {
            _ = try parser.parse(line, line: 4)
            return "parsed"
        } catch {
            return error.description
        }
    }

    @Test func aSettingLineRoundTrips() throws {
        let line = HistoryLineEncoder.line(.setting(Self.setting))
        #expect(
            line
                == #"{"v":1,"id":"00000000000000cd0000000000000001","at":"2026-11-22T10:00:00.000Z","setting":"desired_retention","value":"0.85"}"#
        )
        var parser = HistoryLineParser()
        #expect(try parser.parse(line) == .setting(Self.setting))
        let shuffled =
            #"{ "value" : "0.8\u0035", "setting":"desired_retention", "at":"2026-11-22T11:00:00+01:00", "id":"00000000000000cd0000000000000001","v":1}"#
        #expect(try parser.parse(shuffled) == .setting(Self.setting))
        // A value with characters JSON must escape comes back as it was.
        let odd = SettingEvent(id: EventID(high: 1, low: 2), at: Self.at, key: "learning_steps", value: "1m \"10m\"\\\t")
        #expect(try parser.parse(HistoryLineEncoder.line(.setting(odd))) == .setting(odd))
    }

    @Test(arguments: [
        (
            #"{"v":1,"id":"00000000000000cd0000000000000001","at":"2026-11-22T10:00:00Z","setting":"colour","value":"red"}"#,
            ":4: setting \"colour\"; expected one of desired_retention, learning_steps"
        ),
        // Machine-local settings never travel, so a line naming one is a mistake.
        (
            #"{"v":1,"id":"00000000000000cd0000000000000001","at":"2026-11-22T10:00:00Z","setting":"language","value":"zh"}"#,
            ":4: setting \"language\"; expected one of"
        ),
        (
            #"{"v":1,"id":"00000000000000cd0000000000000001","at":"2026-11-22T10:00:00Z","setting":"sync_dir","value":"/x"}"#,
            ":4: setting \"sync_dir\"; expected one of"
        ),
        (
            #"{"v":1,"id":"00000000000000cd0000000000000001","at":"2026-11-22T10:00:00Z","setting":"fuzz"}"#,
            ":4: setting fuzz without \"value\"; expected its value as a string"
        ),
        (
            #"{"v":1,"id":"00000000000000cd0000000000000001","at":"2026-11-22T10:00:00Z","value":"0.9"}"#,
            ":4: \"value\" without \"setting\"; expected one of desired_retention"
        ),
        (
            #"{"v":1,"id":"00000000000000cd0000000000000001","at":"2026-11-22T10:00:00Z","setting":"fuzz","value":false}"#,
            ":4: \"value\" is a boolean; expected the setting's value as a string"
        ),
        (
            #"{"v":1,"id":"00000000000000cd0000000000000001","setting":"fuzz","value":"false"}"#,
            ":4: no \"at\"; expected an RFC 3339 instant"
        ),
        (
            #"{"v":1,"at":"2026-11-22T10:00:00Z","setting":"fuzz","value":"false"}"#,
            ":4: no \"id\"; expected an event id"
        ),
        (
            #"{"v":1,"id":"00000000000000cd0000000000000001","card":"c","at":"2026-11-22T10:00:00Z","setting":"fuzz","value":"false"}"#,
            ":4: a setting with card fields; expected a setting line to hold only v, id, at, setting and value"
        ),
        (
            #"{"v":1,"id":"00000000000000cd0000000000000001","at":"2026-11-22T10:00:00Z","setting":"fuzz","value":"a","value":"b"}"#,
            ":4: key \"value\" twice; expected each key once"
        ),
        (
            #"{"v":1,"id":"00000000000000cd0000000000000001","undo":"00000000000000cd0000000000000002","at":"2026-11-22T10:00:00Z","setting":"fuzz","value":"false"}"#,
            ":4: an undo with review fields"
        ),
    ])
    func badSettingLinesAreRefused(line: String, message: String) {
        #expect(failure(line).hasPrefix(message), "\(failure(line))")
    }

    /// Every kind of event against a setting with its id, both orders, through the reader (which
    /// keeps settings out of its batch) and the line check (which must agree with it).
    @Test func aSettingSharesNoIDWithAnyOtherEvent() throws {
        let id = Self.setting.id
        let others: [HistoryRecord] = [
            .review(ReviewEvent(id: id, card: "http/404/class", at: Self.at, rating: .good)),
            .undo(UndoEvent(id: id, target: EventID(high: 9, low: 9), at: Self.at)),
            .mark(CardMarkEvent(id: id, card: "http/404/class", at: Self.at, mark: .bury)),
            .setting(SettingEvent(id: id, at: Self.at, key: "desired_retention", value: "0.86")),
        ]
        let setting = HistoryLineEncoder.encode(.setting(Self.setting))
        for other in others {
            let o = HistoryLineEncoder.encode(other)
            for bytes in [o + setting, setting + o] {
                #expect(throws: InputError.self) { try HistoryReader.read(bytes, path: "h") }
                do { _ = try HistoryReader.read(bytes, path: "h") } catch {
                    #expect(error.description.hasPrefix("h:2: event id \(id) again with different content"), "\(error.description)")
                }
                let check = bytes.withUnsafeBufferPointer { HistoryLineCheck($0, path: "h") }
                #expect(check.bad.map(\.line) == [2])
            }
        }
        // The same setting twice is a duplicate, as with answers.
        let (twice, _) = try HistoryReader.read(setting + setting, path: "h")
        #expect(twice.settings == [Self.setting] && twice.duplicates == 1 && twice.count == 1)
        #expect(twice.find(id) == .setting(Self.setting) && twice.contains(id))
    }

    /// Settings are kept in file order beside the reviews, whatever lines surround them, and the
    /// reviews they sit among are read as before.
    @Test func settingsAreKeptApartFromReviewsInFileOrder() throws {
        var bytes: [UInt8] = []
        var expected: [SettingEvent] = []
        for n in UInt64(1)...300 {
            bytes += HistoryLineEncoder.encode(
                .review(ReviewEvent(id: EventID(high: 1, low: n), card: "c\(n % 5)", at: Self.at.adding(seconds: Int64(n)), rating: .good)))
            if n % 50 == 0 {
                let e = SettingEvent(id: EventID(high: 2, low: n), at: Self.at.adding(seconds: Int64(n)), key: "new_per_day", value: "\(n)")
                expected.append(e)
                bytes += HistoryLineEncoder.encode(.setting(e))
            }
        }
        let (history, _) = try HistoryReader.read(bytes, path: "h")
        #expect(history.settings == expected)
        #expect(history.packed.count == 300 && history.count == 306)
        #expect(history.marks.isEmpty)
    }
}
