#if canImport(Glibc)
import Glibc
#endif

/// Runs a real executable the way a user's shell would and reports what the user waits for:
/// wall time from spawn to exit on the monotonic clock, and the child's peak resident memory
/// from `wait4`'s rusage (only the child's, never the harness's).
enum ChildProcess {
    struct Outcome: Sendable {
        /// The exit status, or 128 + the signal that ended it.
        var status: Int32
        var seconds: Double
        /// User + system CPU time of the child: unlike wall time, not inflated by waiting for a core.
        var cpuSeconds: Double
        var peakBytes: Int
    }

    /// Spawns `path` with `arguments`; stdin is /dev/null, stdout and stderr go to the given files,
    /// or, when nil, both to the harness's own stderr (where progress is shown).
    static func run(
        _ path: String, _ arguments: [String], environment: [String: String],
        stdoutPath: String?, stderrPath: String?
    ) throws(BenchError) -> Outcome {
        let argv = CStringArray([path] + arguments)
        let envp = CStringArray(environment.map { "\($0.key)=\($0.value)" }.sorted())
        defer {
            argv.free()
            envp.free()
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // The last run's output files are removed, not truncated: ext4 flushes a file that was
        // truncated and written again when it is closed (auto_da_alloc), which added about a
        // millisecond of the child's system time to every start-up row. A user's output goes
        // to a terminal or a pipe, where there is no such cost.
        for file in [stdoutPath, stderrPath].compactMap({ $0 }) { unlink(file) }
        if let stdoutPath {
            posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 2, 1)
        }
        if let stderrPath {
            posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        var pid: pid_t = 0
        let start = MonotonicClock.nanoseconds()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv.pointers, envp.pointers)
        guard spawned == 0 else {
            throw BenchError("\(path): could not start it (\(String(cString: strerror(spawned))))")
        }
        let (status, usage) = wait(for: pid)
        let seconds = Double(MonotonicClock.nanoseconds() - start) / 1e9
        return Outcome(status: status, seconds: seconds, cpuSeconds: cpuSeconds(usage), peakBytes: Int(usage.ru_maxrss) * 1024)
    }

    static func cpuSeconds(_ usage: rusage) -> Double {
        Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Waits for `pid`, retrying on EINTR; decodes the status as a shell does.
    static func wait(for pid: pid_t) -> (Int32, rusage) {
        var raw: Int32 = 0
        var usage = rusage()
        while wait4(pid, &raw, 0, &usage) < 0 && errno == EINTR {}
        // WIFEXITED and friends are macros Swift does not import.
        let signal = raw & 0x7f
        return (signal == 0 ? (raw >> 8) & 0xff : 128 + signal, usage)
    }
}

/// A NULL-terminated array of C strings for exec, owned until `free()`.
struct CStringArray {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    func free() {
        for p in pointers { Glibc.free(p) }
    }
}
