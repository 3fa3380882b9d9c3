import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckStore

/// Issue 18's cold load: the file is mapped and parsed in 2 MiB parts, and the snapshot can be
/// written after the load returns. Neither may change what a load gives.
@Suite struct MappedLoadTests {
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
}
