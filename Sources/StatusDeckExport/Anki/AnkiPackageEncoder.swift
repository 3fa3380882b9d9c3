import FSRS
import Foundation

/// An Anki package (`.apkg`): a zip holding the collection as `collection.anki2` and an empty
/// media map `media` (`{}`). Built entirely in memory; the caller writes the bytes.
public enum AnkiPackageEncoder {
    public static func encode(_ decks: [ExportDeck], exportedAt: Instant, withHistory: Bool) throws(ExportError) -> Data {
        let collection = try AnkiCollection.build(decks, exportedAt: exportedAt, withHistory: withHistory)
        // The zip records a modification time per entry: the export instant, never the clock,
        // so the package is reproducible.
        return try InMemoryZip.archive(
            [
                InMemoryZip.Entry(path: "collection.anki2", bytes: collection, deflate: true),
                InMemoryZip.Entry(path: "media", bytes: Data("{}".utf8), deflate: false),
            ], modified: exportedAt)
    }
}
