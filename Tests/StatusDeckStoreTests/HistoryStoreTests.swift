import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import Testing

@testable import StatusDeckStore

/// A fresh directory per test, removed afterwards.
final class TempDir {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "statusdeck-store-" + UUID().uuidString
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    var dir: DataDirectory { DataDirectory(path: path + "/data") }
    func write(_ name: String, _ bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(atPath: path + "/data", withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/data/" + name))
    }
    func read(_ name: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path + "/data/" + name)))) ?? []
    }
    func files() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/data")) ?? []).sorted()
    }
    func mode(_ sub: String) -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/data" + sub)
        return (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}

@Suite struct HistoryStoreTests {
    static let t0 = Instant(milliseconds: 1_795_341_600_000)
    let temp = TempDir()
    var store: HistoryStore { HistoryStore(directory: temp.dir, clock: { Self.t0 }) }

    func review(_ n: UInt64, _ card: String = "http/404/code-to-meaning") -> HistoryRecord {
        .review(
            ReviewEvent(
                id: EventID(high: 7, low: n), card: card, at: Self.t0.adding(seconds: Int64(n)), rating: .good,
                deck: "http-all-en", mode: "type", answerMilliseconds: 1200, correct: true))
    }

    @Test func appendsLoadBackAndFilesArePrivate() throws {
        try store.append(review(1))
        try store.append(contentsOf: [review(2), review(3)])
        let loaded = try store.load()
        #expect(loaded.history.reviews.map(\.id.low) == [1, 2, 3])
        #expect(loaded.tornTailSavedAs == nil)
        #expect(temp.mode("") == 0o700)
        #expect(temp.mode("/history.jsonl") == 0o600)
        #expect(
            temp.read("history.jsonl") == HistoryLineEncoder.encode(review(1)) + HistoryLineEncoder.encode(review(2)) + HistoryLineEncoder.encode(review(3)))
    }

    @Test func missingFileIsAnEmptyHistory() throws {
        #expect(try store.load().history.count == 0)
    }

    @Test func tornTailIsSetAsideOnceAndNeverLost() throws {
        let torn = Array(#"{"v":1,"id":"00000000000000070000000000000009","card":"x"#.utf8)
        try temp.write("history.jsonl", HistoryLineEncoder.encode(review(1)) + torn)
        let first = try store.load()
        #expect(first.history.reviews.count == 1)
        #expect(first.tornTailSavedAs == temp.path + "/data/history.torn-20261122T100000.000Z")
        #expect(temp.read("history.torn-20261122T100000.000Z") == torn)
        #expect(temp.read("history.jsonl") == HistoryLineEncoder.encode(review(1)))
        let second = try store.load()
        #expect(second.tornTailSavedAs == nil)
        try store.append(review(2))
        #expect(try store.load().history.reviews.count == 2)
    }

    @Test func appendClearsATornTailFirst() throws {
        try temp.write("history.jsonl", HistoryLineEncoder.encode(review(1)) + Array("{\"v\":1".utf8))
        try store.append(review(2))
        #expect(try store.load().history.reviews.map(\.id.low) == [1, 2])
        #expect(temp.files() == ["history.jsonl", "history.torn-20261122T100000.000Z"])
        // A second torn tail in the same millisecond gets its own file.
        try temp.write("history.jsonl", temp.read("history.jsonl") + Array("{".utf8))
        _ = try store.load()
        #expect(temp.files() == ["history.jsonl", "history.torn-20261122T100000.000Z", "history.torn-20261122T100000.000Z-2"])
    }

    @Test func corruptMiddleLineStopsWithFileAndLine() throws {
        let bad = Array(#"{"v":1,"id":"00000000000000070000000000000002","card":"c","at":"2026-11-22T10:00:00Z","rating":9}"#.utf8) + [10]
        let before = HistoryLineEncoder.encode(review(1)) + bad + HistoryLineEncoder.encode(review(3))
        try temp.write("history.jsonl", before)
        #expect(
            throws: StoreError.input(
                InputError(
                    path: store.path, line: 2, found: "rating 9",
                    expected: "1 (again), 2 (hard), 3 (good) or 4 (easy)"))
        ) {
            _ = try store.load()
        }
        #expect(temp.read("history.jsonl") == before)
    }

    @Test func unknownVersionStops() throws {
        try temp.write("history.jsonl", Array(#"{"v":2,"id":"00000000000000070000000000000002"}"#.utf8) + [10])
        #expect(
            throws: StoreError.input(
                InputError(
                    path: store.path, line: 1, found: "unknown version 2",
                    expected: "\"v\":1 (a newer StatusDeck wrote this line?)"))
        ) {
            _ = try store.load()
        }
    }

    @Test func duplicateIdenticalLinesCollapse() throws {
        try store.append(review(1))
        try store.append(review(1))
        let loaded = try store.load()
        #expect(loaded.history.reviews.count == 1 && loaded.history.duplicates == 1)
    }

    @Test func importMergesByIDAndIsIdempotent() throws {
        let other = TempDir()
        let otherStore = HistoryStore(directory: other.dir, clock: { Self.t0 })
        try otherStore.append(contentsOf: [review(1), review(5), review(6)])
        try store.append(contentsOf: [review(1), review(2)])
        let first = try store.importHistory(from: otherStore.path)
        #expect(first == .init(added: 2, alreadyPresent: 1, skippedTornTail: false))
        let afterFirst = temp.read("history.jsonl")
        let second = try store.importHistory(from: otherStore.path)
        #expect(second == .init(added: 0, alreadyPresent: 3, skippedTornTail: false))
        #expect(temp.read("history.jsonl") == afterFirst)
        #expect(try store.load().history.reviews.map(\.id.low) == [1, 2, 5, 6])
    }

    /// Marks travel between machines like answers: merged by id, an undo of one with it.
    @Test func importMergesMarksAndTheirUndos() throws {
        let other = TempDir()
        let otherStore = HistoryStore(directory: other.dir, clock: { Self.t0 })
        let suspend = CardMarkEvent(id: EventID(high: 7, low: 1), card: "http/404/class", at: Self.t0, mark: .suspend)
        let bury = CardMarkEvent(id: EventID(high: 7, low: 2), card: "http/500/class", at: Self.t0, mark: .bury)
        let undo = UndoEvent(id: EventID(high: 7, low: 3), target: bury.id, at: Self.t0.adding(seconds: 1))
        try otherStore.append(contentsOf: [.mark(suspend), .mark(bury), .undo(undo)])
        try store.append(.mark(suspend))
        #expect(try store.importHistory(from: otherStore.path) == .init(added: 2, alreadyPresent: 1, skippedTornTail: false))
        #expect(try store.importHistory(from: otherStore.path) == .init(added: 0, alreadyPresent: 3, skippedTornTail: false))
        let marks = CardMarks(history: try store.load().history)
        #expect(marks.suspended == ["http/404/class"] && marks.buriedAt.isEmpty)
    }

    @Test func importRefusesAConflictingEventAndWritesNothing() throws {
        let other = TempDir()
        var changed = review(1)
        if case .review(var e) = changed {
            e.rating = .again
            changed = .review(e)
        }
        try HistoryStore(directory: other.dir, clock: { Self.t0 }).append(contentsOf: [review(9), changed])
        try store.append(review(1))
        let before = temp.read("history.jsonl")
        #expect(throws: StoreError.self) { _ = try store.importHistory(from: other.dir.historyPath) }
        #expect(temp.read("history.jsonl") == before)
    }

    @Test func importOfAMissingFileSaysSo() {
        #expect(throws: StoreError.system(path: "/nonexistent/h", action: "read it", errno: ENOENT)) {
            _ = try store.importHistory(from: "/nonexistent/h")
        }
    }

    @Test func configSavesAtomicallyAndLoadsBack() throws {
        let configs = ConfigStore(directory: temp.dir)
        #expect(try configs.load() == .default)
        var c = StudyConfig()
        try c.set("new_per_day", to: "7")
        try configs.save(c)
        #expect(try configs.load() == c)
        #expect(temp.mode("/config") == 0o600)
        #expect(temp.files() == ["config"])
        try temp.write("config", Array("new_per_day = -1\n".utf8))
        #expect(throws: StoreError.input(InputError(path: configs.path, line: 1, found: "new_per_day `-1`", expected: "a whole number from 0 to 9999"))) {
            _ = try configs.load()
        }
    }
}
