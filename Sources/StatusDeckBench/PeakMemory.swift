import Foundation

/// The peak resident memory of one program, free of the harness's own.
///
/// Linux carries a process's peak RSS across `execve`, and a child started by `posix_spawn`
/// (vfork) or `forkpty` (fork) execs while sharing or copying the harness's memory, so `wait4`
/// would report at least the harness's peak. A small launcher that forks and execs the program
/// and then reports its rusage, GNU time, keeps the harness out of the figure. Without it, the
/// figure is `wait4`'s and is marked as an upper bound.
enum PeakMemory {
    static let launcher = "/usr/bin/time"

    static var available: Bool { FileManager.default.isExecutableFile(atPath: launcher) }

    /// The command line that runs `path arguments` under the launcher, writing the peak to `report`.
    static func wrap(_ path: String, _ arguments: [String], report: String) -> (String, [String]) {
        guard available else { return (path, arguments) }
        return (launcher, ["-f", "%M", "-o", report, path] + arguments)
    }

    /// The peak in bytes from the launcher's report (its last line is kilobytes).
    static func read(_ report: String) -> Int? {
        guard let text = try? String(contentsOfFile: report, encoding: .utf8),
            let last = text.split(separator: "\n").last, let kb = Int(last)
        else { return nil }
        return kb * 1024
    }
}
