import Foundation
import Testing

/// The real `statusdeck` binary running in a private tmux server at a fixed size, read back with
/// `capture-pane`. The command runs inside `sh`, which afterwards prints `EXIT=<status>` and the
/// terminal's echo/icanon modes, so a test can see how the program left the terminal.
final class TmuxSession {
    /// Which build of the binary to run.
    enum Build: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case debug, release

        func executable() throws -> URL {
            switch self {
            case .debug: StatusDeckProcess.executableURL
            case .release: try StatusDeckProcess.releaseExecutable()
            }
        }

        var testDescription: String { rawValue }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let socket: String
    let dataDir: URL
    /// Where the shell writes the program's exit status once it ends.
    let statusFile: URL
    /// The temporary folder this session made (and removes), when it was not handed a data dir.
    private let ownedFolder: URL?
    private static let counter = Counter()

    /// Starts `statusdeck ARGUMENTS` in a new tmux server (never the user's: `-L` private socket,
    /// `-f /dev/null` so no config is read).
    /// `prelude` lines run in the shell first (e.g. `ulimit -f 0`).
    init(
        _ build: Build, _ arguments: [String], width: Int = 80, height: Int = 24, dataDir: URL? = nil,
        environment: [String: String] = [:], prelude: [String] = []
    ) throws {
        socket = "sdq-\(getpid())-\(TmuxSession.counter.next())"
        self.dataDir = try dataDir ?? TmuxSession.freshDirectory()
        ownedFolder = dataDir == nil ? self.dataDir.deletingLastPathComponent() : nil
        let script = self.dataDir.deletingLastPathComponent().appendingPathComponent("\(socket).sh")
        statusFile = self.dataDir.deletingLastPathComponent().appendingPathComponent("\(socket).status")
        let env = ["LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"].merging(environment) { $1 }
        let exports = env.sorted { $0.key < $1.key }.map { "export \($0.key)=\(TmuxSession.quote($0.value))" }
        let command = ([try build.executable().path] + arguments + ["--data-dir", self.dataDir.path])
            .map(TmuxSession.quote).joined(separator: " ")
        let lines =
            exports + prelude + [
                command,
                // Also in a file: when the terminal is gone, the screen can no longer tell.
                "status=$?",
                // A prelude's `ulimit -f 0` would otherwise kill the shell (SIGXFSZ) at this write.
                "trap '' XFSZ",
                "echo \"$status\" > \(TmuxSession.quote(statusFile.path))",
                "echo EXIT=$status",
                // One word per line so a test can look for exactly "echo" and "icanon".
                "stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(echo|icanon)$' | sed 's/^/MODE=/'",
                "echo DONE",
                "exec sleep 600",
            ]
        try (lines.joined(separator: "\n") + "\n").write(to: script, atomically: true, encoding: .utf8)
        // The server forks from this client and would hold a captured stdout open for its whole
        // life, so this one call does not read its output.
        try tmux(["-u", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh \(script.path)"], capture: false)
    }

    deinit {
        let socketPath = (try? tmux(["display", "-p", "#{socket_path}"]))?.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try? tmux(["kill-server"])
        // The server does not always unlink its socket when killed; leave no litter in /tmp.
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
        if let ownedFolder { try? FileManager.default.removeItem(at: ownedFolder) }
    }

    static func freshDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("statusdeck-e2e-\(getpid())-\(counter.next())")
            .appendingPathComponent("data")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The pane's text now; with `escapes`, with the attributes and colours tmux holds for it.
    func capture(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-J"] + (escapes ? ["-e"] : []))
    }

    /// The pane's title, which an OSC 0 sequence would change.
    func title() throws -> String {
        try tmux(["display", "-p", "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the pane until `predicate` holds on a settled screen, for at most `seconds`; throws
    /// with the last screen. Settled means two captures 50 ms apart agree: tmux can be caught
    /// half-way through a frame (the verdict drawn, the lines under it not yet), and a test that
    /// reads more than the text it waited for must not see that half.
    @discardableResult
    func waitFor(_ what: String, seconds: Double = 15, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = ""
        repeat {
            screen = try capture()
            if predicate(screen) {
                Thread.sleep(forTimeInterval: 0.05)
                let again = try capture()
                if again == screen { return screen }
                continue
            }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        throw Failure(description: "timed out waiting for \(what); the screen was:\n\(screen)")
    }

    /// Waits for `text` to appear on screen.
    @discardableResult
    func waitFor(text: String, seconds: Double = 15) throws -> String {
        try waitFor("\"\(text)\"", seconds: seconds) { $0.contains(text) }
    }

    /// The commonest step of a flip-mode test: wait for a card's front, show its back, wait for
    /// the grade row, press `grade` (a digit key).
    func flipAndGrade(_ grade: String) throws {
        try waitFor(text: "Space show answer")
        try send("Space")
        try waitFor(text: "1 Again")
        try send(grade)
    }

    /// Sends tmux key names (`Space`, `Enter`, `Escape`, `C-c`, `Up`…).
    func send(_ keys: String...) throws {
        try tmux(["send-keys"] + keys)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The statusdeck process: the only child of the pane's shell while it runs.
    func programPID() throws -> Int32 {
        let pane = try tmux(["display", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let out = try TmuxSession.run("/usr/bin/env", ["pgrep", "-P", pane, "-x", "statusdeck"])
        guard let pid = Int32(out.split(separator: "\n").first.map(String.init) ?? "") else {
            throw Failure(description: "no statusdeck process under pane \(pane)")
        }
        return pid
    }

    /// Ends the tmux server and with it the terminal, as closing a terminal window does.
    func killServer() throws {
        try tmux(["kill-server"])
    }

    /// The exit status the shell wrote to `statusFile`, waiting up to `seconds` for it.
    func waitForStatusFile(seconds: Double) -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if let text = try? String(contentsOf: statusFile, encoding: .utf8), let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            Thread.sleep(forTimeInterval: 0.02)
        } while Date() < deadline
        return nil
    }

    /// After the program ended: its exit status and the terminal modes the shell found.
    func waitForExit() throws -> (status: Int, modes: [String], screen: String) {
        let screen = try waitFor(text: "DONE")
        let lines = screen.split(separator: "\n").map(String.init)
        guard let exitLine = lines.last(where: { $0.hasPrefix("EXIT=") }), let status = Int(exitLine.dropFirst(5)) else {
            throw Failure(description: "no exit status on screen:\n\(screen)")
        }
        let modes = lines.filter { $0.hasPrefix("MODE=") }.map { String($0.dropFirst(5)) }
        return (status, modes, screen)
    }

    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        try TmuxSession.run("/usr/bin/env", ["tmux", "-L", socket, "-f", "/dev/null"] + arguments, capture: capture)
    }

    /// Runs a tool and waits for it with waitpid. Not Foundation's Process: it learns that a
    /// child ended when a descriptor the child inherited closes, and the tmux server that
    /// `new-session` forks keeps that descriptor open for its whole life.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], capture: Bool = true) throws -> String {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var fds: [Int32] = [-1, -1]
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if capture {
            guard pipe(&fds) == 0 else { throw Failure(description: "pipe failed") }
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        let envp: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for e in envp { free(e) } }
        // The test runner's threads block signals; a tmux server inheriting that mask would
        // ignore its own SIGTERM (kill-server) and the program in it SIGWINCH.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = argv.withUnsafeBufferPointer { a in
            envp.withUnsafeBufferPointer { e in
                posix_spawn(&pid, tool, &actions, &attributes, a.baseAddress!, e.baseAddress!)
            }
        }
        guard rc == 0 else { throw Failure(description: "could not start \(tool): error \(rc)") }
        var output = Data()
        if capture {
            close(fds[1])
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buffer, buffer.count)
                if n <= 0 { break }
                output.append(contentsOf: buffer[0..<n])
            }
            close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    static func quote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Unique names within this test process.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
