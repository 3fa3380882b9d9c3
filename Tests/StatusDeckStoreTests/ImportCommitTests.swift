import FSRS
import Foundation
import StatusDeckHistory
import Testing

@testable import StatusDeckStore

/// `HistoryStore.commitImport`: one append of what the history lacks, one rename of the deck,
/// and on failure neither.
@Suite struct ImportCommitTests {
    static func event(_ n: UInt64) -> ReviewEvent {
        ReviewEvent(
            id: EventID(high: 0x1b, low: n), card: "anki/g/0", at: Instant(milliseconds: 1_700_000_000_000 + Int64(n)),
            rating: .good, deck: "d", mode: "flip")
    }

    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("statusdeck-commit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func appendsOnlyNewEventsAndPlacesTheDeck() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = HistoryStore(directory: DataDirectory(path: root), clock: { Instant(milliseconds: 0) })
        let deckPath = root + "/decks/d.deck"
        let first = try store.commitImport(deck: ("deck: d\n", deckPath), count: 3, event: { Self.event(UInt64($0)) })
        #expect(first == HistoryStore.ImportCommit(added: 3, alreadyPresent: 0))
        let second = try store.commitImport(deck: ("deck: d2\n", deckPath), count: 5, event: { Self.event(UInt64($0)) })
        #expect(second == HistoryStore.ImportCommit(added: 2, alreadyPresent: 3))
        #expect(try store.load().history.reviews.count == 5)
        #expect(try String(contentsOfFile: deckPath, encoding: .utf8) == "deck: d2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/decks") == ["d.deck"])
    }

    @Test func failedAppendLeavesNoDeck() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A directory where the history belongs: the append cannot happen.
        try FileManager.default.createDirectory(atPath: root + "/history.jsonl", withIntermediateDirectories: true)
        let store = HistoryStore(directory: DataDirectory(path: root), clock: { Instant(milliseconds: 0) })
        #expect(throws: StoreError.self) {
            try store.commitImport(deck: ("deck: d\n", root + "/decks/d.deck"), count: 1, event: { Self.event(UInt64($0)) })
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/decks") == [])
    }
}
