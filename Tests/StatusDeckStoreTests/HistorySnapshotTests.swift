import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckStore

/// `history.snapshot` is a cache of the parsed history: whatever happens to it or to the file,
/// a load must give exactly what parsing the whole file gives.
@Suite struct HistorySnapshotTests {
    static let t0 = Instant(milliseconds: 1_795_341_600_000)
    let temp = TempDir()
    /// Snapshots after 2 KB instead of 4 MiB, so a few dozen lines exercise them.
    var store: HistoryStore { HistoryStore(directory: temp.dir, clock: { Self.t0 }, snapshotAfter: 2_000) }

    static func review(_ n: UInt64) -> HistoryRecord {
        .review(
            ReviewEvent(
                id: EventID(high: 9, low: n), card: "http/\(400 + n % 7)/code-to-meaning", at: t0.adding(seconds: Int64(n) * 600),
                rating: Rating(rawValue: Int(n % 4) + 1) ?? .good, deck: n % 3 == 0 ? nil : "http-all-\(n % 2 == 0 ? "en" : "zh")",
                mode: n % 5 == 0 ? nil : "flip", answerMilliseconds: n % 4 == 0 ? nil : Int(n) * 10, correct: n % 6 == 0 ? nil : n % 2 == 0))
    }

    static func lines(_ range: ClosedRange<UInt64>) -> [UInt8] {
        var out: [UInt8] = []
        for n in range {
            out += HistoryLineEncoder.encode(review(n))
            if n % 17 == 0 {
                out += HistoryLineEncoder.encode(
                    .undo(UndoEvent(id: EventID(high: 10, low: n), target: EventID(high: 9, low: n - 1), at: t0.adding(seconds: Int64(n) * 600 + 1))))
            }
            // Marks travel in the snapshot too (as lines), and so do undos of them.
            if n % 13 == 0 {
                let marks: [CardMark] = [.suspend, .bury, .unsuspend, .unbury]
                out += HistoryLineEncoder.encode(
                    .mark(
                        CardMarkEvent(
                            id: EventID(high: 11, low: n), card: "http/\(400 + n % 7)/class", at: t0.adding(seconds: Int64(n) * 600 + 2),
                            mark: marks[Int(n / 13) % 4])))
            }
            // Settings too (as lines; issue 19).
            if n % 19 == 0 {
                out += HistoryLineEncoder.encode(
                    .setting(
                        SettingEvent(
                            id: EventID(high: 13, low: n), at: t0.adding(seconds: Int64(n) * 600 + 4), key: "new_per_day",
                            value: String(n))))
            }
            if n % 26 == 0 {
                out += HistoryLineEncoder.encode(
                    .undo(UndoEvent(id: EventID(high: 12, low: n), target: EventID(high: 11, low: n), at: t0.adding(seconds: Int64(n) * 600 + 3))))
            }
        }
        return out
    }

    /// What parsing the file from its first byte gives, with no snapshot anywhere near.
    func parsedInFull() throws -> History {
        try HistoryReader.read(temp.read("history.jsonl"), path: "h").0
    }

    static func same(_ a: History, _ b: History) -> Bool {
        a.reviews == b.reviews && a.undos == b.undos && a.marks == b.marks && a.settings == b.settings && a.duplicates == b.duplicates && a.count == b.count
    }

    @Test func secondLoadReadsTheSnapshotAndGivesTheSameHistory() throws {
        try temp.write("history.jsonl", Self.lines(1...60) + Self.lines(1...5))  // five lines twice: duplicates
        let first = try store.load()
        #expect(!first.readFromSnapshot)
        #expect(first.wroteSnapshot)
        #expect(temp.files().contains("history.snapshot"))
        let second = try store.load()
        #expect(second.readFromSnapshot)
        #expect(!second.wroteSnapshot)
        let full = try parsedInFull()
        #expect(Self.same(second.history, full))
        #expect(second.history.duplicates == 5)
        #expect(second.history.marks.count == 4)
        #expect(second.history.settings.map(\.value) == ["19", "38", "57"])
        #expect(second.history.find(EventID(high: 13, low: 38)) == full.find(EventID(high: 13, low: 38)))
        #expect(second.history.find(EventID(high: 11, low: 26)) == full.find(EventID(high: 11, low: 26)))
        #expect(CardMarks(history: second.history) == CardMarks(history: full))
        // The index came back too: ids are found, and a repeat is still a repeat.
        #expect(second.history.find(EventID(high: 9, low: 33)) == Self.review(33))
        var h = second.history
        #expect(try h.add(Self.review(33)) == .duplicate)
        #expect(try h.add(Self.review(1000)) == .added)
        let scheduler = try Scheduler(.default)
        #expect(Replay(history: second.history, scheduler: scheduler).cards == Replay(history: full, scheduler: scheduler).cards)
    }

    @Test func linesAppendedAfterTheSnapshotAreParsedWithTheirOwnLineNumbers() throws {
        try temp.write("history.jsonl", Self.lines(1...60))
        _ = try store.load()
        for n in UInt64(61)...70 { try store.append(Self.review(n)) }
        let loaded = try store.load()
        #expect(loaded.readFromSnapshot)
        #expect(Self.same(loaded.history, try parsedInFull()))

        let lineCount = temp.read("history.jsonl").filter { $0 == 0x0a }.count
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temp.dir.historyPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"v":1,"id":"bad"}"#.utf8 + [0x0a]))
        try handle.close()
        #expect(throws: StoreError.self) { try store.load() }
        do { _ = try store.load() } catch {
            #expect("\(error)".contains("history.jsonl:\(lineCount + 1): "), "\(error)")
        }
    }

    @Test func anEditInsideTheCoveredLinesIsNoticed() throws {
        try temp.write("history.jsonl", Self.lines(1...60))
        _ = try store.load()
        // Same length, in place: rating 1 → 2 somewhere in the middle.
        var bytes = temp.read("history.jsonl")
        let at = bytes.count / 2
        let rating = Array(#""rating":"#.utf8)
        var k = at
        while !bytes[k..<(k + rating.count)].elementsEqual(rating) { k += 1 }
        bytes[k + rating.count] = bytes[k + rating.count] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temp.dir.historyPath))
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        let loaded = try store.load()
        #expect(!loaded.readFromSnapshot)
        #expect(Self.same(loaded.history, try parsedInFull()))
    }

    @Test(arguments: ["truncated", "flipped", "empty", "shorter history"])
    func aDamagedSnapshotIsIgnoredAndReplaced(damage: String) throws {
        try temp.write("history.jsonl", Self.lines(1...60))
        _ = try store.load()
        var snapshot = temp.read("history.snapshot")
        switch damage {
        case "truncated": snapshot.removeLast(snapshot.count / 3)
        case "flipped": snapshot[snapshot.count / 2] ^= 0x10
        case "empty": snapshot = []
        default: try temp.write("history.jsonl", Self.lines(1...30))
        }
        try temp.write("history.snapshot", snapshot)
        let loaded = try store.load()
        #expect(!loaded.readFromSnapshot)
        #expect(Self.same(loaded.history, try parsedInFull()))
        #expect(loaded.wroteSnapshot)
        #expect(try store.load().readFromSnapshot)
    }

    /// Every byte of the snapshot changed in turn (every 5th, header included): the load never
    /// traps and never gives anything but what parsing the file gives.
    @Test func noChangedByteOfTheSnapshotChangesTheHistory() throws {
        try temp.write("history.jsonl", Self.lines(1...40))
        _ = try store.load()
        let original = temp.read("history.snapshot")
        let full = try parsedInFull()
        var used = 0
        for k in stride(from: 0, to: original.count, by: 5) {
            var damaged = original
            damaged[k] ^= UInt8(1 << (k % 8))
            try temp.write("history.snapshot", damaged)
            let loaded = try HistoryStore(directory: temp.dir, clock: { Self.t0 }, snapshotAfter: .max).load()
            #expect(Self.same(loaded.history, full), "byte \(k)")
            if loaded.readFromSnapshot { used += 1 }
        }
        // Every byte is under the snapshot's hash or checked in its header, so none was used.
        #expect(used == 0)
    }

    /// A snapshot that cannot be written (here a folder is in its place, so the rename fails) is
    /// only a cache missed: the load succeeds, says nothing, and leaves no temporary file behind.
    @Test func aSnapshotThatCannotBeWrittenIsSkippedSilently() throws {
        try temp.write("history.jsonl", Self.lines(1...60))
        try FileManager.default.createDirectory(atPath: temp.dir.snapshotPath, withIntermediateDirectories: false)
        let loaded = try store.load()
        #expect(!loaded.wroteSnapshot)
        #expect(!loaded.readFromSnapshot)
        #expect(Self.same(loaded.history, try parsedInFull()))
        #expect(temp.files() == ["history.jsonl", "history.snapshot"])
        #expect(!(try store.load().readFromSnapshot))
    }

    @Test func smallHistoriesWriteNoSnapshot() throws {
        try temp.write("history.jsonl", Self.lines(1...3))
        let loaded = try store.load()
        #expect(!loaded.wroteSnapshot)
        #expect(temp.files() == ["history.jsonl"])
    }
}
