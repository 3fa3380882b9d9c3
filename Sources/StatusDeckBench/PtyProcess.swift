#if canImport(Glibc)
import Glibc
#endif

/// Runs a full-screen program on a pseudo-terminal of a fixed size, as a user's terminal would,
/// and reports the wall time from fork to exit and the child's peak memory.
///
/// The harness keeps reading the pty while the child runs so that a frame never blocks on a full
/// buffer; what the child drew is returned so a run that drew nothing cannot pass as fast.
enum PtyProcess {
    struct Outcome: Sendable {
        var status: Int32
        var seconds: Double
        var cpuSeconds: Double
        var peakBytes: Int
        var output: [UInt8]
    }

    static func run(
        _ path: String, _ arguments: [String], environment: [String: String],
        columns: UInt16 = 80, rows: UInt16 = 24
    ) throws(BenchError) -> Outcome {
        // Everything the child touches is prepared before fork: after fork only execve and _exit.
        let argv = CStringArray([path] + arguments)
        let envp = CStringArray(environment.map { "\($0.key)=\($0.value)" }.sorted())
        defer {
            argv.free()
            envp.free()
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        let start = MonotonicClock.nanoseconds()
        let pid = forkpty(&master, nil, nil, &size)
        if pid == 0 {
            execve(path, argv.pointers, envp.pointers)
            _exit(127)
        }
        guard pid > 0 else {
            throw BenchError("\(path): could not open a pseudo-terminal (\(String(cString: strerror(errno))))")
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n > 0 {
                output += buffer[0..<n]
                continue
            }
            // EIO: the child closed its side (it exited); EINTR: try again.
            if n < 0 && errno == EINTR { continue }
            break
        }
        let (status, usage) = ChildProcess.wait(for: pid)
        let seconds = Double(MonotonicClock.nanoseconds() - start) / 1e9
        close(master)
        return Outcome(
            status: status, seconds: seconds, cpuSeconds: ChildProcess.cpuSeconds(usage),
            peakBytes: Int(usage.ru_maxrss) * 1024, output: output)
    }
}
