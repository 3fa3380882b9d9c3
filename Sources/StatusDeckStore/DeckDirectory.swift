import Foundation
import StatusDeckCore

/// Deck files on disk: the user's own decks in the data dir, decks named by path, and the
/// generated files written by `statusdeck generate`.
public enum DeckDirectory {
    /// Why a deck could not be read: the file itself is wrong (bad input, exit 2), or the disk
    /// failed us (runtime failure, exit 1).
    public enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        case malformed(DeckError)
        case missing(path: String)
        case unreadable(path: String, reason: String)

        public var description: String {
            switch self {
            case .malformed(let error): error.description
            case .missing(let path): "\(path): found no such file; expected a path to a .deck file"
            case .unreadable(let path, let reason): "\(path): could not be read (\(reason)); expected a readable file"
            }
        }
    }

    /// The `.deck` files in `DATA_DIR/decks`, sorted by name; none when the folder is absent.
    public static func userDeckPaths(in dataDirectory: DataDirectory) -> [String] {
        let folder = URL(fileURLWithPath: dataDirectory.path).appendingPathComponent("decks")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".deck") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// Reads and parses one deck file.
    public static func load(path: String) throws(LoadError) -> Deck {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw .missing(path: path)
            }
            let reason = isDirectory.boolValue ? "it is a directory" : String(describing: error.localizedDescription)
            throw .unreadable(path: path, reason: reason)
        }
        do {
            let text = try DeckFile.decode([UInt8](data), path: path)
            return try DeckFile.parse(text, path: path)
        } catch {
            throw .malformed(error)
        }
    }

    /// Writes `text` to `path` so that a reader sees the old file or the new one, never half of
    /// each: the bytes go to a temporary file in the same folder, are flushed, then renamed.
    public static func writeAtomically(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        if rename(temporary.path, target.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}
