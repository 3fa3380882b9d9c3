import StatusDeckCore

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
}
