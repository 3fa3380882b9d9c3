import FSRS
import Testing

@testable import StatusDeckHistory

@Suite struct HistoryLineParserTests {
    static let id = "0123456789abcdef0123456789abcdef"
    static let canonical =
        #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"http/404/code-to-meaning","at":"2026-11-22T10:00:00.123Z","rating":3,"deck":"http-all-en","mode":"type","ms":4210,"correct":true}"#

    func parse(_ line: String) throws(InputError) -> HistoryRecord {
        var p = HistoryLineParser()
        return try p.parse(line, line: 7)
    }

    func failure(_ line: String) -> String {
        do {
            _ = try parse(line)
            return "parsed"
        } catch {
            return error.description
        }
    }

    @Test func canonicalLineRoundTrips() throws {
        let record = try parse(Self.canonical)
        guard case .review(let e) = record else {
            Issue.record("not a review")
            return
        }
        #expect(e.id.description == Self.id)
        #expect(e.card == "http/404/code-to-meaning")
        #expect(e.at == Instant(milliseconds: 1_795_341_600_123))
        #expect(e.rating == .good)
        #expect(e.deck == "http-all-en")
        #expect(e.mode == "type")
        #expect(e.answerMilliseconds == 4210)
        #expect(e.correct == true)
        #expect(HistoryLineEncoder.line(record) == Self.canonical)
    }

    @Test func undoRoundTrips() throws {
        let line = #"{"v":1,"id":"ffffffffffffffff0000000000000001","undo":"0123456789abcdef0123456789abcdef","at":"2026-11-22T10:00:01.000Z"}"#
        let record = try parse(line)
        #expect(record == .undo(UndoEvent(id: EventID(high: .max, low: 1), target: EventID(Self.id)!, at: Instant(milliseconds: 1_795_341_601_000))))
        #expect(HistoryLineEncoder.line(record) == line)
    }

    @Test func anyKeyOrderWhitespaceEscapesAndNulls() throws {
        let line =
            " { \"rating\" : 4 , \"at\":\"2026-11-22T18:00:00+08:00\", \"card\":\"x\\u002fy\\\\z \\ud83d\\ude00 \\u4e2d\",\r\n\"id\":\"01234567-89AB-CDEF-0123-456789ABCDEF\", \"v\":1, \"deck\":null, \"ms\":null, \"correct\":false } "
        guard case .review(let e) = try parse(line) else {
            Issue.record("not a review")
            return
        }
        #expect(e.card == "x/y\\z 😀 中")
        #expect(e.at == Instant(milliseconds: 1_795_341_600_000))
        #expect(e.id.description == Self.id)
        #expect(e.deck == nil && e.answerMilliseconds == nil && e.correct == false && e.rating == .easy)
    }

    @Test func escapedKeysAreRecognised() throws {
        let line = #"{"\u0076":1,"id":"0123456789abcdef0123456789abcdef","card":"c","at":"2026-11-22T10:00:00Z","r\u0061ting":1}"#
        guard case .review(let e) = try parse(line) else {
            Issue.record("not a review")
            return
        }
        #expect(e.rating == .again)
    }

    @Test func encoderEscapesWhatJSONRequires() throws {
        let e = ReviewEvent(id: EventID(high: 1, low: 2), card: "a\"b\\c\nd\u{1}e中", at: Instant(milliseconds: 0), rating: .hard)
        let line = HistoryLineEncoder.line(.review(e))
        #expect(line.contains(#""card":"a\"b\\c\nd\u0001e中""#))
        #expect(try parse(line) == .review(e))
    }

    @Test(arguments: [
        (
            #"{"v":2,"id":"0123456789abcdef0123456789abcdef","card":"c","at":"2026-11-22T10:00:00Z","rating":3}"#,
            ":7: unknown version 2; expected \"v\":1 (a newer StatusDeck wrote this line?)"
        ),
        (
            #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"c","at":"2026-11-22T10:00:00Z","rating":5}"#,
            ":7: rating 5; expected 1 (again), 2 (hard), 3 (good) or 4 (easy)"
        ),
        (
            #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"c","at":"2026-11-22T10:00:00Z","rating":"3"}"#,
            ":7: \"rating\" is a string `\"3\"`; expected 1 to 4"
        ),
        (
            #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"c","at":"2026-02-30T10:00:00Z","rating":3}"#,
            ":7: \"at\" \"2026-02-30T10:00:00Z\"; expected an RFC 3339 instant like \"2026-11-22T10:00:00.000Z\""
        ),
        (
            #"{"v":1,"id":"xyz","card":"c","at":"2026-11-22T10:00:00Z","rating":3}"#,
            ":7: \"id\" \"xyz\"; expected an event id of 32 hex digits"
        ),
        (
            #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":3,"at":"2026-11-22T10:00:00Z","rating":3}"#,
            ":7: \"card\" is a number `3`; expected a card id string"
        ),
        (
            #"{"v":1,"id":"0123456789abcdef0123456789abcdef","at":"2026-11-22T10:00:00Z","rating":3}"#,
            ":7: no \"card\"; expected a card id (or \"undo\" for an undo line)"
        ),
        (
            #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"c","at":"2026-11-22T10:00:00Z","rating":3,"extra":1}"#,
            ":7: unknown key \"extra\"; expected one of v, id, card, at, rating, deck, mode, ms, correct, undo, mark, setting, value"
        ),
        (#"{"v":1,"v":1}"#, ":7: key \"v\" twice; expected each key once"),
        (
            #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"\ud800x","at":"2026-11-22T10:00:00Z","rating":3}"#,
            ":7: a lone high surrogate \\ud800; expected a \\uDC00–\\uDFFF low surrogate after it"
        ),
        (#"{"v":1} x"#, ":7: text after the object: `x`; expected one JSON object per line"),
        ("", ":7: an empty line; expected a JSON object `{...}` per line"),
        (
            #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"c","at":"2026-11-22T10:00:00Z","rating":3.0}"#,
            ":7: \"rating\" is a number `3.0`; expected 1 to 4"
        ),
        (
            #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"c","at":"2026-11-22T10:00:00Z","rating":3,"mode":"shout"}"#,
            ":7: mode \"shout\"; expected \"flip\", \"type\" or \"choice\""
        ),
    ])
    func rejectsWithFoundAndExpected(line: String, message: String) {
        #expect(failure(line) == message)
    }

    @Test func rejectsInvalidUTF8() {
        var bytes = Array(#"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"#.utf8)
        bytes += [0x22, 0xff, 0xfe, 0x22]
        bytes += Array(#","at":"2026-11-22T10:00:00Z","rating":3}"#.utf8)
        var parser = HistoryLineParser()
        let result = bytes.withUnsafeBufferPointer { b -> String in
            do throws(InputError) {
                _ = try parser.parse(b, line: 2)
                return "parsed"
            } catch { return error.description }
        }
        #expect(result == ":2: invalid UTF-8 in \"card\"; expected UTF-8 text")
    }

    @Test func interningSharesCardStrings() throws {
        var p = HistoryLineParser()
        guard case .review(let a) = try p.parse(Self.canonical, line: 1),
            case .review(let b) = try p.parse(Self.canonical.replacingFirst("0123", with: "9999"), line: 2)
        else {
            Issue.record("not reviews")
            return
        }
        #expect(a.card == b.card)
        #expect(a.id != b.id)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        var parts = split(separator: target, maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return self }
        parts.insert(replacement, at: 1)
        return parts.joined()
    }
}

/// Mark lines: written canonically, read back in any key order, refused when they mix in review
/// fields or name an unknown mark, and never sharing an id with another event.
@Suite struct CardMarkLineTests {
    static let mark = CardMarkEvent(
        id: EventID(high: 0xAB, low: 1), card: "http/404/class", at: Instant(milliseconds: 1_795_341_600_000), mark: .suspend)

    @Test func aMarkLineRoundTrips() throws {
        let line = HistoryLineEncoder.line(.mark(Self.mark))
        #expect(line == #"{"v":1,"id":"00000000000000ab0000000000000001","card":"http/404/class","at":"2026-11-22T10:00:00.000Z","mark":"suspend"}"#)
        var parser = HistoryLineParser()
        #expect(try parser.parse(line) == .mark(Self.mark))
        let shuffled = #"{ "mark" : "suspend", "at":"2026-11-22T10:00:00Z", "card":"http/404/class", "id":"00000000000000ab0000000000000001","v":1}"#
        #expect(try parser.parse(shuffled) == .mark(Self.mark))
    }

    @Test(arguments: [
        (
            #"{"v":1,"id":"00000000000000ab0000000000000001","card":"c","at":"2026-11-22T10:00:00Z","mark":"freeze"}"#,
            #"mark "freeze"; expected "suspend", "unsuspend", "bury", "unbury""#
        ),
        (
            #"{"v":1,"id":"00000000000000ab0000000000000001","card":"c","at":"2026-11-22T10:00:00Z","mark":"bury","rating":3}"#,
            "a mark with review fields; expected a mark line to hold only v, id, card, at and mark"
        ),
        (
            #"{"v":1,"id":"00000000000000ab0000000000000001","undo":"00000000000000ab0000000000000002","at":"2026-11-22T10:00:00Z","mark":"bury"}"#,
            "an undo with review fields"
        ),
    ])
    func badMarkLinesAreRefused(line: String, message: String) {
        var parser = HistoryLineParser()
        #expect(throws: InputError.self) { try parser.parse(line) }
        do { _ = try parser.parse(line) } catch { #expect(error.description.contains(message), "\(error.description)") }
    }

    /// The reader indexes reviews in batches without looking at marks, so both orders are checked.
    @Test func aMarkAndAReviewCannotShareAnID() throws {
        let review = HistoryLineEncoder.encode(
            .review(ReviewEvent(id: Self.mark.id, card: "http/404/class", at: Self.mark.at, rating: .good)))
        let mark = HistoryLineEncoder.encode(.mark(Self.mark))
        for (bytes, line) in [(review + mark, 2), (mark + review, 2)] {
            #expect(throws: InputError.self) { try HistoryReader.read(bytes, path: "h") }
            do { _ = try HistoryReader.read(bytes, path: "h") } catch {
                #expect(
                    error.description.hasPrefix("h:\(line): event id 00000000000000ab0000000000000001 again with different content"), "\(error.description)")
            }
        }
        // The same mark twice is a duplicate, as with answers.
        let (twice, _) = try HistoryReader.read(mark + mark, path: "h")
        #expect(twice.marks == [Self.mark] && twice.duplicates == 1)
        // And the line check agrees with the reader.
        let check = (review + mark).withUnsafeBufferPointer { HistoryLineCheck($0, path: "h") }
        #expect(check.bad.map(\.line) == [2])
    }
}
