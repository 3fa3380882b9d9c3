import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckStore

/// Issue 18's cold load: the file is read and parsed in 512 KiB parts, and the snapshot can be
/// written after the load returns. Neither may change what a load gives, and a file cut short
/// by another program while it is read is a short file, not a crash.
@Suite struct PartedLoadTests {
    let temp = TempDir()

    /// Over 9 MiB of lines, so parts end mid-line, then a torn last line.
    @Test func aFileOfSeveralPartsLoadsAsParsingItWholeDoes() throws {
        var bytes = HistorySnapshotTests.lines(1...60_000)
        #expect(bytes.count > 9 << 20)
        try temp.write("history.jsonl", bytes)
        let full = try HistoryReader.read(bytes, path: "h").0
        bytes += Array(#"{"v":1,"id":"torn"#.utf8)
        try temp.write("history.jsonl", bytes)
        let store = HistoryStore(directory: temp.dir, clock: { HistorySnapshotTests.t0 }, snapshotAfter: .max)
        let loaded = try store.load()
        #expect(HistorySnapshotTests.same(loaded.history, full))
        #expect(loaded.tornTailSavedAs != nil)
        #expect(!loaded.wroteSnapshot)
    }

    /// A bad line past the first part is reported at its line, as before.
    @Test func aBadLineInALaterPartIsReportedAtItsLine() throws {
        let good = HistorySnapshotTests.lines(1...60_000)
        let lineCount = good.split(separator: 0x0a).count
        try temp.write("history.jsonl", good + Array("{\"v\":1,\"id\":\"nope\"}\n".utf8) + HistorySnapshotTests.lines(60_001...60_010))
        let store = HistoryStore(directory: temp.dir, clock: { HistorySnapshotTests.t0 })
        #expect(throws: StoreError.self) { try store.load() }
        do {
            _ = try store.load()
        } catch .input(let e) {
            #expect(e.line == lineCount + 1)
        } catch {
            Issue.record("expected a bad line, got \(error)")
        }
    }

    @Test func aSnapshotWrittenInTheBackgroundIsThereForTheNextLoad() throws {
        try temp.write("history.jsonl", HistorySnapshotTests.lines(1...80))
        let store = HistoryStore(
            directory: temp.dir, clock: { HistorySnapshotTests.t0 }, snapshotAfter: 2_000, snapshotInBackground: true)
        let first = try store.load()
        #expect(!first.readFromSnapshot)
        #expect(first.wroteSnapshot)  // waits for the write
        let second = try store.load()
        #expect(second.readFromSnapshot)
        #expect(HistorySnapshotTests.same(second.history, first.history))
        SnapshotWrites.waitForAll()
        #expect(!temp.files().contains { $0.contains(".tmp-") })
    }

    /// The history cut mid-line by another program after the first part is read (a mapped file
    /// would fault with SIGBUS on the pages past the new end): the load gives the whole lines
    /// before the cut and sets the torn one aside, as for any torn last line.
    @Test func aFileTruncatedMidLineDuringTheLoadGivesTheLinesBeforeTheCut() throws {
        let bytes = HistorySnapshotTests.lines(1...20_000)
        let cut = 1_500_000 + 7  // past the first part, and not at a line's end
        #expect(bytes.count > cut + (512 << 10) && bytes[cut - 1] != 0x0a)
        try temp.write("history.jsonl", bytes)
        let lastNewline = try #require(bytes[..<cut].lastIndex(of: 0x0a))
        let expected = try HistoryReader.read(Array(bytes[...lastNewline]), path: "h").0
        let path = temp.dir.historyPath
        var store = HistoryStore(directory: temp.dir, clock: { HistorySnapshotTests.t0 }, snapshotAfter: .max)
        store.afterEachPart = { offset in
            if offset == 512 << 10 { #expect(truncate(path, off_t(cut)) == 0) }
        }
        let loaded = try store.load()
        #expect(loaded.history.count == expected.count)
        #expect(HistorySnapshotTests.same(loaded.history, expected))
        #expect(loaded.tornTailSavedAs != nil)
        #expect(temp.read("history.jsonl") == Array(bytes[...lastNewline]))
    }

    /// Cut at a line's end: the lines before it, and nothing torn.
    @Test func aFileTruncatedAtALineEndDuringTheLoadGivesTheLinesBeforeIt() throws {
        let bytes = HistorySnapshotTests.lines(1...20_000)
        let cut = try #require(bytes[..<1_500_000].lastIndex(of: 0x0a)) + 1
        try temp.write("history.jsonl", bytes)
        let expected = try HistoryReader.read(Array(bytes[..<cut]), path: "h").0
        let path = temp.dir.historyPath
        var store = HistoryStore(directory: temp.dir, clock: { HistorySnapshotTests.t0 }, snapshotAfter: .max)
        store.afterEachPart = { offset in
            if offset == 512 << 10 { #expect(truncate(path, off_t(cut)) == 0) }
        }
        let loaded = try store.load()
        #expect(HistorySnapshotTests.same(loaded.history, expected))
        #expect(loaded.tornTailSavedAs == nil)
    }

    /// A line longer than a part (a hand edit, say) is read whole: the buffer grows for it.
    @Test func aLineLongerThanAPartIsReadWhole() throws {
        let card = String(repeating: "x", count: 700 << 10)
        let long = Array(
            #"{"v":1,"id":"0000000000000000000000000000abcd","card":"\#(card)","at":"2026-11-22T10:00:00.000Z","rating":3}"#.utf8)
        let bytes = HistorySnapshotTests.lines(1...3_000) + long + [0x0a] + HistorySnapshotTests.lines(3_001...6_000)
        try temp.write("history.jsonl", bytes)
        let expected = try HistoryReader.read(bytes, path: "h").0
        let store = HistoryStore(directory: temp.dir, clock: { HistorySnapshotTests.t0 }, snapshotAfter: .max)
        let loaded = try store.load()
        #expect(HistorySnapshotTests.same(loaded.history, expected))
        #expect(loaded.history.reviews.contains { $0.card == card })
    }

    /// Lines of 60 KiB and 100 KiB around the ends of parts: the unfinished line at the end of a
    /// part is carried in front of the part read ahead when it fits the 64 KiB gap left for it,
    /// and read on without reading ahead when it does not. Either way the load is the whole parse.
    @Test(arguments: [60 << 10, 100 << 10])
    func longLinesAcrossTheEndsOfPartsLoadWhole(length: Int) throws {
        var bytes: [UInt8] = []
        var straddling = 0
        var n: UInt64 = 0
        for k in 0..<4 {
            // Ordinary lines up to half the long line before the end of part k + 1.
            while bytes.count < (k + 1) * (512 << 10) - length / 2 {
                n += 1
                bytes += HistorySnapshotTests.lines(n...n)
            }
            let card = String(repeating: "y", count: length) + "\(k)"
            let id = String(format: "%032x", 0xabc0 + k)
            let start = bytes.count
            bytes += Array(#"{"v":1,"id":"\#(id)","card":"\#(card)","at":"2026-11-22T10:00:00.000Z","rating":3}"#.utf8) + [0x0a]
            if start / (512 << 10) != bytes.count / (512 << 10) { straddling += 1 }
        }
        #expect(straddling == 4)
        try temp.write("history.jsonl", bytes)
        let expected = try HistoryReader.read(bytes, path: "h").0
        let store = HistoryStore(directory: temp.dir, clock: { HistorySnapshotTests.t0 }, snapshotAfter: .max)
        let loaded = try store.load()
        #expect(HistorySnapshotTests.same(loaded.history, expected))
        #expect(loaded.history.reviews.filter { $0.card.count > length }.count == 4)
        #expect(loaded.history.count == expected.count)
    }
}
