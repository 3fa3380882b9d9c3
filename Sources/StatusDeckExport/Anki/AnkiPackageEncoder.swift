import FSRS
import FoundationEssentials
import Glibc

/// An Anki package (`.apkg`): a zip holding the collection as `collection.anki2` and an empty
/// media map `media` (`{}`). The collection is built as an SQLite file in a scratch folder and
/// zipped from there, so memory stays flat however long the history is.
public enum AnkiPackageEncoder {
    /// Writes the package to `path`, a new file, using `folder` (private, the caller's to remove)
    /// for the collection. On failure nothing is left at `path`; the folder may hold scraps.
    public static func write(
        _ decks: [ExportDeck], exportedAt: Instant, withHistory: Bool, to path: String, scratch folder: String,
        cancelled: @escaping () -> Bool = { false }
    ) throws(ExportError) {
        let collection = folder + "/collection.anki2"
        defer { unlink(collection) }
        try AnkiCollection.write(decks, exportedAt: exportedAt, withHistory: withHistory, to: collection, cancelled: cancelled)
        if cancelled() { throw .cancelled }
        // The zip records a modification time per entry: the export instant, never the clock,
        // so the package is reproducible.
        try PackageZip.write(
            [
                PackageZip.Entry(path: "collection.anki2", contents: .file(collection), deflate: true),
                PackageZip.Entry(path: "media", contents: .bytes(Array("{}".utf8)), deflate: false),
            ], to: path, modified: exportedAt, cancelled: cancelled)
    }

    /// The package's bytes, built in a scratch folder under the system's temporary directory that
    /// is removed again (for tests and small exports).
    public static func encode(_ decks: [ExportDeck], exportedAt: Instant, withHistory: Bool) throws(ExportError) -> Data {
        guard let folder = ScratchFolder.make(TemporaryDirectory.path + "/statusdeck-apkg") else {
            throw .file("a scratch folder in \(TemporaryDirectory.path)", errno)
        }
        defer { ScratchFolder.remove(folder) }
        let package = folder + "/package.apkg"
        try write(decks, exportedAt: exportedAt, withHistory: withHistory, to: package, scratch: folder)
        guard let bytes = FileManager.default.contents(atPath: package) else { throw .file(package, EIO) }
        return bytes
    }
}

/// Removing a scratch folder and whatever a failed write left in it (libzip's own temporary).
public enum ScratchFolder {
    /// A new folder `prefix-XXXXXX` that only this user can enter (mkdtemp: 0700, never an
    /// existing name or a link); nil with errno set when it cannot be made.
    public static func make(_ prefix: String) -> String? {
        var template = Array((prefix + "-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return nil }
            return String(cString: made)
        }
    }

    public static func remove(_ folder: String) {
        if let names = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            for name in names { unlink(folder + "/" + name) }
        }
        rmdir(folder)
    }
}

/// The system's temporary directory as Foundation's `NSTemporaryDirectory()` gives it: `TMPDIR`
/// when set, else `/tmp/`, always with a trailing slash. Own code because that function lives in
/// corelibs Foundation, which the binary no longer links.
public enum TemporaryDirectory {
    public static var path: String {
        guard let value = getenv("TMPDIR") else { return "/tmp/" }
        let folder = String(cString: value)
        return folder.hasSuffix("/") ? folder : folder + "/"
    }
}
