#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few environment variables a command reads, by getenv(3).
///
/// Not `ProcessInfo.processInfo.environment`: that copies the whole environment into a dictionary
/// of Swift strings on every call, which was a measurable part of an empty `stats` (three calls,
/// for four variables).
enum ProcessEnvironment {
    /// The value of each of `names` that is set, keyed by name.
    static func values(_ names: String...) -> [String: String] {
        var found: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { found[name] = String(cString: value) }
        }
        return found
    }

    /// The data dir's variables, as `DataDirectory.resolve` reads them.
    static func dataDirectory() -> [String: String] {
        values("STATUSDECK_HOME", "XDG_DATA_HOME", "HOME")
    }
}
