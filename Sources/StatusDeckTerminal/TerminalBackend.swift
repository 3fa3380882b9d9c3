import CNcursesw
import StatusDeckUI

/// The only place that talks to ncurses.
public enum TerminalBackend {
    /// The ncurses library's own version string, e.g. "ncurses 6.4.20221231".
    public static var libraryVersion: String {
        guard let v = curses_version() else { return "unknown" }
        return String(cString: v)
    }
}
