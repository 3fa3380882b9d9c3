import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckStore

/// `history repair` on disk: atomic, verbatim, under the lock, and safe for a writer that waited.
@Suite struct HistoryRepairTests {
    static let t0 = Instant(milliseconds: 1_795_341_600_000)
    let temp = TempDir()
    var store: HistoryStore { HistoryStore(directory: temp.dir, clock: { Self.t0 }) }

    func line(_ n: UInt64) -> [UInt8] {
        HistoryLineEncoder.encode(.review(ReviewEvent(id: EventID(high: 5, low: n), card: "c\(n)", at: Self.t0, rating: .good)))
    }

    @Test func movesBadLinesVerbatimAndKeepsTheRestInOrder() throws {
        let bad1 = Array("<<<<<<< HEAD\r\n".utf8), bad2: [UInt8] = [0xFF, 0xFE, 0x0A]
        try temp.write("history.jsonl", line(1) + bad1 + line(2) + line(3) + bad2 + line(4))
        let repair = try #require(try store.repair())
        #expect(repair.moved.map(\.line) == [2, 5])
        #expect(repair.kept == 4)
        #expect(temp.read("history.jsonl") == line(1) + line(2) + line(3) + line(4))
        let rejected = try #require(repair.rejectedPath)
        #expect(rejected.hasSuffix("/history.rejected-20261122T100000.000Z"))
        #expect(temp.read(URL(fileURLWithPath: rejected).lastPathComponent) == bad1 + bad2)
        #expect(try store.load().history.count == 4)
    }

    @Test func aSecondRepairChangesNothing() throws {
        try temp.write("history.jsonl", line(1) + Array("x\n".utf8) + line(2))
        _ = try store.repair()
        let files = temp.files()
        let bytes = temp.read("history.jsonl")
        let again = try #require(try store.repair())
        #expect(again.moved.isEmpty && again.rejectedPath == nil && again.kept == 2)
        #expect(temp.files() == files)
        #expect(temp.read("history.jsonl") == bytes)
    }

    @Test func noHistoryIsNothingToRepair() throws {
        #expect(try store.repair() == nil)
        #expect(try store.check() == nil)
        #expect(temp.files().isEmpty)
    }

    @Test func aSnapshotOfTheOldBytesIsNotUsedAfterwards() throws {
        // A snapshot after every load; a bad line appended after it, then repaired away.
        let small = HistoryStore(directory: temp.dir, clock: { Self.t0 }, snapshotAfter: 1)
        try temp.write("history.jsonl", (1...50).flatMap { line($0) })
        #expect(try small.load().wroteSnapshot)
        try temp.write("history.jsonl", line(1) + Array("broken\n".utf8) + (2...50).flatMap { line($0) })
        _ = try small.repair()
        #expect(!temp.files().contains("history.snapshot"))
        let loaded = try small.load()
        #expect(loaded.history.count == 50)
        #expect(!loaded.readFromSnapshot)
    }

    @Test func aWriterWaitingForTheLockAppendsToTheRepairedFile() throws {
        try temp.write("history.jsonl", line(1) + Array("broken\n".utf8))
        // Hold the old file's lock, as a repair does while it writes the new one.
        let old = open(temp.dir.historyPath, O_RDWR)
        try #require(old >= 0)
        #expect(flock(old, LOCK_EX) == 0)
        let writer = Thread { [store] in try? store.append(.review(ReviewEvent(id: EventID(high: 5, low: 9), card: "late", at: Self.t0, rating: .easy))) }
        writer.start()
        // Swap in a new file while the writer waits on the old one's lock, then let it go.
        Thread.sleep(forTimeInterval: 0.2)
        try Data(line(1)).write(to: URL(fileURLWithPath: temp.dir.historyPath + ".new"))
        #expect(rename(temp.dir.historyPath + ".new", temp.dir.historyPath) == 0)
        flock(old, LOCK_UN)
        close(old)
        while !writer.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        let cards = try store.load().history.reviews.map(\.card)
        #expect(cards == ["c1", "late"])
    }

    /// Two repairs at once, with an answer saved between them: the second, which waited on the
    /// old file's lock, repairs the new file and keeps that answer.
    @Test func aRepairThatWaitedRepairsTheNewFileAndKeepsAnswersSavedMeanwhile() throws {
        try temp.write("history.jsonl", line(1) + Array("broken\n".utf8))
        let old = open(temp.dir.historyPath, O_RDWR)
        try #require(old >= 0)
        #expect(flock(old, LOCK_EX) == 0)
        let repairer = Thread { [store] in _ = try? store.repair() }
        repairer.start()
        Thread.sleep(forTimeInterval: 0.2)
        // Meanwhile the first repair put a new file in place and an answer was saved in it.
        try Data(line(1) + line(2)).write(to: URL(fileURLWithPath: temp.dir.historyPath + ".new"))
        #expect(rename(temp.dir.historyPath + ".new", temp.dir.historyPath) == 0)
        flock(old, LOCK_UN)
        close(old)
        while !repairer.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        #expect(temp.read("history.jsonl") == line(1) + line(2))
        #expect(try store.load().history.count == 2)
    }
}
