import Foundation

/// Times the real `statusdeck` binary, one fresh process per run, as a user's shell starts it.
/// A command this build lacks is reported as not measured, with the reason, never guessed.
struct Commands {
    enum Kind: CaseIterable {
        case cardsJSON, stats, statsJSON, exportAPKG, importAPKG

        var title: String {
            switch self {
            case .cardsJSON: "cards --json"
            case .stats: "stats"
            case .statsJSON: "stats --json"
            case .exportAPKG: "export apkg --all --with-history"
            case .importAPKG: "import apkg (one revlog row per answer) into an empty data dir"
            }
        }

        var figure: Plan.Figure {
            switch self {
            case .cardsJSON: .cards
            case .stats, .statsJSON: .stats
            case .exportAPKG: .export
            case .importAPKG: .import
            }
        }

        /// The subcommand whose presence decides whether this can be measured.
        var subcommand: String {
            switch self {
            case .cardsJSON: "cards"
            case .stats, .statsJSON: "stats"
            case .exportAPKG: "export"
            case .importAPKG: "import"
            }
        }
    }

    let binary: String
    let work: String
    private var helpCache: [String: (Int32, String)] = [:]

    init(binary: String, work: String) {
        self.binary = binary
        self.work = work
    }

    /// What the children see: the user's environment, no crash backtraces, a UTF-8 locale.
    static func environment(terminal: Bool = false) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        if env["LANG"]?.isEmpty ?? true { env["LANG"] = "C.UTF-8" }
        if terminal { env["TERM"] = "xterm-256color" }
        return env
    }

    static func firstLine(_ path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return String(text.split(separator: "\n").first ?? "no message")
    }

    /// `statusdeck SUBCOMMAND --help-hidden`: exit status and text, once per subcommand.
    mutating func help(_ subcommand: String) -> (Int32, String) {
        if let cached = helpCache[subcommand] { return cached }
        let out = work + "/help.out"
        let status =
            (try? ChildProcess.run(
                binary, [subcommand, "--help-hidden"], environment: Commands.environment(),
                stdoutPath: out, stderrPath: work + "/help.err"
            ).status) ?? -1
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        helpCache[subcommand] = (status, text)
        return (status, text)
    }

    /// Why `subcommand` cannot be run, or nil when this build has it. An unknown name makes the
    /// parser print the root's help, so the usage line tells the two apart.
    private mutating func missing(_ subcommand: String) -> String? {
        let (status, text) = help(subcommand)
        return status == 0 && text.contains("USAGE: statusdeck \(subcommand)")
            ? nil
            : "this statusdeck has no `\(subcommand)` command yet"
    }

    /// The histories end at a fixed instant; a command that can be told "now" is told an hour
    /// after it, so what it computes does not drift with the day the benchmark runs.
    private mutating func pinnedNow(_ subcommand: String) -> [String] {
        help(subcommand).1.contains("--now") ? ["--now", Machine.rfc3339(SyntheticHistory.end.adding(seconds: 3600))] : []
    }

    /// Runs `kind` `runs` times (after the untimed memory run) or until `budget` seconds are spent,
    /// whichever comes first, so a command that takes half a minute at 1M does not take the
    /// whole benchmark's time. A memory run that alone exceeds the budget counts as the one sample.
    mutating func measure(_ kind: Kind, size: Plan.Size, dataDir: String, runs: Int, budget: Double, target: Target?) -> Row {
        func notMeasured(_ reason: String) -> Row {
            Row(measurement: kind.title, size: size.label, unit: .seconds, outcome: .notMeasured(reason), target: target)
        }
        if let reason = missing(kind.subcommand) { return notMeasured(reason) }
        let apkg = work + "/bench.apkg"
        var arguments: [String]
        // Import reads the size's history exported as one deck (http-all-en holds every card id,
        // so the apkg has one revlog row per answer; made here, untimed) into a data dir emptied
        // before every run, so each run imports every row.
        let importSource = work + "/import-source.apkg", importData = work + "/import-data"
        if kind == .importAPKG {
            let made = try? ChildProcess.run(
                binary, ["export", "--deck", "http-all-en", "--format", "apkg", "--with-history", "--force", "-o", importSource, "--data-dir", dataDir],
                environment: Commands.environment(), stdoutPath: work + "/command.out", stderrPath: work + "/command.err")
            guard made?.status == 0 else { return notMeasured("the export to import failed: \(Commands.firstLine(work + "/command.err"))") }
        }
        switch kind {
        case .cardsJSON: arguments = ["cards", "--json"] + pinnedNow(kind.subcommand)
        case .stats: arguments = ["stats"] + pinnedNow(kind.subcommand)
        case .statsJSON: arguments = ["stats", "--json"] + pinnedNow(kind.subcommand)
        case .exportAPKG: arguments = ["export", "--all", "--format", "apkg", "--with-history", "--force", "-o", apkg]
        case .importAPKG: arguments = ["import", "--deck-id", "bench", importSource]
        }
        var samples = Samples(), cpu = Samples()
        var peak = 0
        let out = work + "/command.out", err = work + "/command.err", report = work + "/peak.txt"
        // Run 0 is untimed, under the memory launcher: it gives the peak memory and warms the
        // page cache and the binary, as a user's second invocation would find them.
        var spent = 0.0
        for run in 0...runs {
            if run > 0 && spent >= budget { break }
            let outcome: ChildProcess.Outcome
            var target = dataDir
            if kind == .importAPKG {
                try? FileManager.default.removeItem(atPath: importData)
                target = importData
            }
            let (path, args) =
                run == 0
                ? PeakMemory.wrap(binary, arguments + ["--data-dir", target], report: report)
                : (binary, arguments + ["--data-dir", target])
            do {
                outcome = try ChildProcess.run(path, args, environment: Commands.environment(), stdoutPath: out, stderrPath: err)
            } catch {
                return notMeasured(error.description)
            }
            guard outcome.status == 0 else { return notMeasured("exit \(outcome.status): \(Commands.firstLine(err))") }
            if let problem = Commands.check(kind, stdout: out, apkg: apkg) { return notMeasured(problem) }
            spent += outcome.seconds
            if run == 0 {
                peak = PeakMemory.read(report) ?? outcome.peakBytes
            }
            if run > 0 || spent >= budget {
                samples.add(outcome.seconds)
                cpu.add(outcome.cpuSeconds)
            }
        }
        return Row(
            measurement: kind.title, size: size.label, unit: .seconds, outcome: .measured(samples),
            peakBytes: peak, target: target, cpu: cpu)
    }

    /// A run that printed nothing, or not what it should, must not count as a fast run.
    static func check(_ kind: Kind, stdout: String, apkg: String) -> String? {
        switch kind {
        case .cardsJSON, .statsJSON:
            guard let data = FileManager.default.contents(atPath: stdout),
                (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
            else {
                return "its output is not JSON"
            }
        case .stats:
            guard let data = FileManager.default.contents(atPath: stdout), data.count > 0 else { return "it printed nothing" }
        case .exportAPKG:
            guard let data = FileManager.default.contents(atPath: apkg), data.starts(with: [0x50, 0x4b]) else {
                return "it wrote no zip file"
            }
        case .importAPKG:
            let text = (try? String(contentsOfFile: stdout, encoding: .utf8)) ?? ""
            guard text.contains("answers added to the history (0 already there)") else { return "it imported no answers" }
        }
        return nil
    }

    /// Time from fork to exit of `statusdeck review --exit-after-first-frame` on an 80×24 pty:
    /// start, load + replay, build the queue, draw one frame, restore the terminal, exit.
    mutating func firstFrame(size: Plan.Size, dataDir: String, runs: Int, target: Target?) -> Row {
        let title = "TUI first frame (exec → exit)"
        func notMeasured(_ reason: String) -> Row {
            Row(measurement: title, size: size.label, unit: .seconds, outcome: .notMeasured(reason), target: target)
        }
        if let reason = missing("review") { return notMeasured(reason) }
        guard help("review").1.contains("--exit-after-first-frame") else {
            return notMeasured("`review` has no --exit-after-first-frame flag yet")
        }
        var samples = Samples(), cpu = Samples()
        var peak = 0
        let report = work + "/peak.txt"
        let arguments = ["review", "--exit-after-first-frame", "--data-dir", dataDir]
        for run in 0...runs {
            let outcome: PtyProcess.Outcome
            let (path, args) = run == 0 ? PeakMemory.wrap(binary, arguments, report: report) : (binary, arguments)
            do {
                outcome = try PtyProcess.run(path, args, environment: Commands.environment(terminal: true))
            } catch {
                return notMeasured(error.description)
            }
            guard outcome.status == 0 else {
                let text = String(decoding: outcome.output.suffix(200), as: UTF8.self)
                return notMeasured("exit \(outcome.status): \(text.split(separator: "\n").last ?? "")")
            }
            guard outcome.output.count > 200 else { return notMeasured("it drew almost nothing") }
            if run == 0 {
                peak = PeakMemory.read(report) ?? outcome.peakBytes
            } else {
                samples.add(outcome.seconds)
                cpu.add(outcome.cpuSeconds)
            }
        }
        return Row(
            measurement: title, size: size.label, unit: .seconds, outcome: .measured(samples), peakBytes: peak,
            target: target, cpu: cpu)
    }
}
