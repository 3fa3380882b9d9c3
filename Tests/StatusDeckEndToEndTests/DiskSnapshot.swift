import Foundation

/// Every file and folder under a root, with its bytes and permission bits: taken before and after
/// a command that must fail, so "nothing rewritten or lost" is a comparison, not a hope.
struct DiskSnapshot: Equatable, CustomStringConvertible {
    struct Entry: Equatable {
        var kind: String
        var mode: Int
        var bytes: Data
    }

    var entries: [String: Entry]

    init(_ root: String) {
        entries = [:]
        let manager = FileManager.default
        guard let names = manager.subpaths(atPath: root) else { return }
        for name in names {
            let path = root + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let mode = Int(info.st_mode & 0o7777)
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                // A FIFO or unreadable file is compared by kind and mode only.
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
                entries[name] = Entry(kind: "file", mode: mode, bytes: bytes)
            case S_IFDIR:
                entries[name] = Entry(kind: "dir", mode: mode, bytes: Data())
            case S_IFLNK:
                let target = (try? manager.destinationOfSymbolicLink(atPath: path)) ?? ""
                entries[name] = Entry(kind: "link", mode: 0, bytes: Data(target.utf8))
            default:
                entries[name] = Entry(kind: "special", mode: mode, bytes: Data())
            }
        }
    }

    var description: String {
        entries.keys.sorted().map { "\($0) \(entries[$0]?.kind ?? "") \(entries[$0]?.bytes.count ?? 0)B" }
            .joined(separator: ", ")
    }
}
