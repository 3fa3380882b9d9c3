import FSRS
import Foundation
import ZIPFoundation

/// An Anki package (`.apkg`): a zip holding the collection as `collection.anki2` and an empty
/// media map `media` (`{}`). Built entirely in memory; the caller writes the bytes.
public enum AnkiPackageEncoder {
    public static func encode(_ decks: [ExportDeck], exportedAt: Instant, withHistory: Bool) throws(ExportError) -> Data {
        let collection = try AnkiCollection.build(decks, exportedAt: exportedAt, withHistory: withHistory)
        // The zip records a modification time per entry: the export instant, never the clock,
        // so the package is reproducible.
        let modified = Date(timeIntervalSince1970: Double(exportedAt.milliseconds) / 1000)
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            try add("collection.anki2", collection, to: archive, modified: modified, compressed: true)
            try add("media", Data("{}".utf8), to: archive, modified: modified, compressed: false)
            guard let data = archive.data else { throw ExportError.zip("the in-memory archive has no data") }
            return data
        } catch let error as ExportError {
            throw error
        } catch {
            throw .zip("\(error)")
        }
    }

    private static func add(_ path: String, _ bytes: Data, to archive: Archive, modified: Date, compressed: Bool) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified,
            permissions: 0o644, compressionMethod: compressed ? .deflate : .none
        ) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
