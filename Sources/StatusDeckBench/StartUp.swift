import Foundation

/// Issue 17's start-up figures: whole processes, for the dynamically linked build and the one
/// with the Swift runtime linked in (`--static-swift-stdlib`) side by side. The two binaries'
/// runs alternate, so a burst of load from other work on the machine falls on both alike.
struct StartUp {
    enum Case {
        case version, statsEmpty, stats(Plan.Size), firstFrame(Plan.Size)

        var title: String {
            switch self {
            case .version: "start-up: --version"
            case .statsEmpty, .stats: "start-up: stats"
            case .firstFrame: "start-up: TUI first frame"
            }
        }

        var size: String {
            switch self {
            case .version: "—"
            case .statsEmpty: "empty"
            case .stats(let size), .firstFrame(let size): size.label
            }
        }

        var target: Target? {
            switch self {
            case .version: Target(kind: .atMostSeconds(0.003), source: "issue 17")
            case .statsEmpty: Target(kind: .atMostSeconds(0.008), source: "issue 17")
            case .stats(let size):
                switch size.events {
                case 10_000: Target(kind: .atMostSeconds(0.015), source: "issue 17")
                default: nil
                }
            case .firstFrame(let size):
                size.events == 100_000 ? Target(kind: .atMostSeconds(0.030), source: "issue 17") : nil
            }
        }
    }

    /// (label, path) of each binary to compare, e.g. ("dynamic", …), ("static", …).
    let binaries: [(label: String, path: String)]
    let work: String
    let runs: Int

    /// One row per case and binary. `dataDirs` maps a size's label to its data dir.
    func measure(_ cases: [Case], dataDirs: [String: String], emptyDir: String) -> [Row] {
        var rows: [Row] = []
        for c in cases {
            var samples = binaries.map { _ in Samples() }
            var cpu = binaries.map { _ in Samples() }
            var failure: [String?] = binaries.map { _ in nil }
            // Run 0 of each binary is untimed: it warms the page cache, as a user's second start finds it.
            for run in 0...runs {
                for (i, binary) in binaries.enumerated() where failure[i] == nil {
                    switch once(c, binary.path, dataDirs: dataDirs, emptyDir: emptyDir) {
                    case .success(let outcome):
                        if run > 0 {
                            samples[i].add(outcome.seconds)
                            cpu[i].add(outcome.cpu)
                        }
                    case .failure(let error):
                        failure[i] = error.description
                    }
                }
            }
            for (i, binary) in binaries.enumerated() {
                let title = "\(c.title) (\(binary.label))"
                if let reason = failure[i] {
                    rows.append(Row(measurement: title, size: c.size, unit: .seconds, outcome: .notMeasured(reason), target: c.target))
                } else {
                    rows.append(
                        Row(measurement: title, size: c.size, unit: .seconds, outcome: .measured(samples[i]), target: c.target, cpu: cpu[i]))
                }
            }
        }
        return rows
    }

    private func once(_ c: Case, _ binary: String, dataDirs: [String: String], emptyDir: String) -> Result<(seconds: Double, cpu: Double), BenchError> {
        let out = work + "/startup.out", err = work + "/startup.err"
        let now = ["--now", Machine.rfc3339(SyntheticHistory.end.adding(seconds: 3600))]
        let arguments: [String]
        switch c {
        case .version: arguments = ["--version"]
        case .statsEmpty: arguments = ["stats", "--data-dir", emptyDir] + now
        case .stats(let size): arguments = ["stats", "--data-dir", dataDirs[size.label] ?? emptyDir] + now
        case .firstFrame(let size):
            do {
                let outcome = try PtyProcess.run(
                    binary, ["review", "--exit-after-first-frame", "--data-dir", dataDirs[size.label] ?? emptyDir],
                    environment: Commands.environment(terminal: true))
                guard outcome.status == 0, outcome.output.count > 200 else {
                    return .failure(BenchError("exit \(outcome.status), \(outcome.output.count) bytes drawn"))
                }
                return .success((outcome.seconds, outcome.cpuSeconds))
            } catch {
                return .failure(error)
            }
        }
        do {
            let outcome = try ChildProcess.run(binary, arguments, environment: Commands.environment(), stdoutPath: out, stderrPath: err)
            guard outcome.status == 0 else { return .failure(BenchError("exit \(outcome.status): \(Commands.firstLine(err))")) }
            // A run that printed nothing must not count as a fast one.
            guard let printed = FileManager.default.contents(atPath: out), !printed.isEmpty else {
                return .failure(BenchError("it printed nothing"))
            }
            return .success((outcome.seconds, outcome.cpuSeconds))
        } catch {
            return .failure(error)
        }
    }
}
