import StatusDeckCore

#if canImport(Glibc)
import Glibc
#endif

/// Where a user's decks, history and config live.
///
/// Resolution order: an explicit `--data-dir`, then `$STATUSDECK_HOME`, then
/// `$XDG_DATA_HOME/statusdeck`, then `~/.local/share/statusdeck`. The environment is passed in
/// so the rule is testable without touching the process.
public struct DataDirectory: Sendable, Equatable {
    public let path: String

    public init(path: String) { self.path = path }

    public static func resolve(explicit: String?, environment: [String: String]) -> DataDirectory? {
        if let explicit, !explicit.isEmpty { return DataDirectory(path: explicit) }
        if let home = environment["STATUSDECK_HOME"], !home.isEmpty { return DataDirectory(path: home) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return DataDirectory(path: xdg + "/statusdeck") }
        if let home = environment["HOME"], !home.isEmpty { return DataDirectory(path: home + "/.local/share/statusdeck") }
        return nil
    }

    public var historyPath: String { path + "/history.jsonl" }
    public var configPath: String { path + "/config" }
    /// A binary copy of the loaded history (`HistorySnapshot`), derived from the history file and
    /// safe to delete at any time.
    public var snapshotPath: String { path + "/history.snapshot" }

    /// Creates the directory and any missing parents, the new ones mode 0700 (history is personal).
    public func create() throws(StoreError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 {
                let code = errno
                guard code == EEXIST else { throw StoreError.system(path: prefix, action: "create the data directory", errno: code) }
            }
        }
        var st = stat()
        guard stat(path, &st) == 0 else { throw StoreError.system(path: path, action: "use the data directory", errno: errno) }
        guard st.st_mode & S_IFMT == S_IFDIR else { throw StoreError.system(path: path, action: "use the data directory", errno: ENOTDIR) }
    }
}
