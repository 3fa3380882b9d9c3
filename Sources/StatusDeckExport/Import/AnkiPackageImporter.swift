import FoundationEssentials
import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#endif

/// An Anki package, `.apkg` (decks) or `.colpkg` (a whole collection), in each shape Anki writes:
///
/// - `collection.anki2`: schema 11, no `meta` (Anki before 2.1, or an export without scheduling);
/// - `collection.anki21`: schema 11 with the v2 scheduler ("Support older Anki versions");
/// - `collection.anki21b`: schema 18, zstd-compressed, described by `meta` (protobuf
///   `PackageMetadata`, version 3), with the media list zstd-compressed as protobuf.
///
/// Legacy packages from a newer Anki carry a dummy `collection.anki2` ("please update") beside the
/// real one, so the newest shape present is read: `meta` names it, else anki21 before anki2.
public enum AnkiPackageImporter {
    /// Reads the package at `path`, extracting its collection into `scratch` (a directory the
    /// caller removes).
    public static func plan(path: String, scratch: String) throws(ImportFailure) -> ImportPlan {
        let zip = try ZipArchiveReader(path: path)
        let entry: String
        var compressed = false
        if zip.contains("meta") {
            let meta = try zip.bytes(of: "meta", limit: 1 << 16)
            guard let fields = Protobuf.fields(meta[...]) else {
                throw .bad(path, found: "a `meta` entry that is not Anki's package metadata", expected: "an Anki package")
            }
            switch Protobuf.varint(fields, 1) ?? 0 {
            case 1: entry = "collection.anki2"
            case 2: entry = "collection.anki21"
            case 3: (entry, compressed) = ("collection.anki21b", true)
            case let version:
                throw .bad(
                    path, found: "package version \(version)",
                    expected: "versions 1 to 3 (a newer Anki wrote it; export with \"Support older Anki versions\")")
            }
        } else if zip.contains("collection.anki21") {
            entry = "collection.anki21"
        } else if zip.contains("collection.anki2") {
            entry = "collection.anki2"
        } else {
            throw .bad(
                path, found: "a zip without collection.anki2, collection.anki21 or collection.anki21b",
                expected: "an Anki package (.apkg or .colpkg)")
        }
        guard zip.contains(entry) else {
            throw .bad(path, found: "a package whose `meta` names \(entry), which is missing", expected: "an intact Anki package")
        }

        let file = scratch + "/collection.sqlite"
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system("\(file): cannot create: \(String(cString: strerror(errno)))") }
        do {
            defer { close(fd) }
            try zip.extract(entry, zstd: compressed, to: fd, file: file)
        }

        let kind = path.lowercased().hasSuffix(".colpkg") ? "Anki collection package" : "Anki package"
        var plan = ImportPlan(
            format: "\(kind) (\(entry))",
            suggestedName: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, eventSource: "anki")
        let db: SQLiteDatabase
        if let failure = SQLiteDatabase.libraryFailure { throw .system("\(path): \(failure)") }
        do { db = try SQLiteDatabase.openReadOnly(file, path: path) } catch { throw .input(error) }
        _ = try AnkiCollectionReader.schema(db, path: path)
        try AnkiCollectionReader(db: db, path: path).read(into: &plan)

        let media = try mediaCount(zip, compressed: compressed, path: path)
        if media > 0 {
            plan.warnings.append("\(media) media file\(media == 1 ? "" : "s") in the package not imported (StatusDeck cards are text)")
        }
        return plan
    }

    /// How many media files the package lists: a JSON object for legacy packages, zstd protobuf
    /// `MediaEntries` for the current one.
    static func mediaCount(_ zip: ZipArchiveReader, compressed: Bool, path: String) throws(ImportFailure) -> Int {
        guard zip.contains("media") else { return 0 }
        let raw = try zip.bytes(of: "media")
        if compressed {
            let bytes = try ZstdStream.decompress(raw, path: path, entry: "media")
            return (Protobuf.fields(bytes[...]) ?? []).filter { $0.0 == 1 }.count
        }
        let json = try? JSONDecoder().decode([String: LegacyJSON.Ignored].self, from: Data(raw))
        return json?.count ?? 0
    }
}
