import FSRS
import Foundation

/// One run of the benchmark: generate the histories, time StatusDeck and the peers, report.
struct Benchmark {
    let plan: Plan
    private let work: String
    private let removeWork: Bool
    private var rows: [Row] = []
    private var ratios: [[String]] = []
    private var notes: [String] = []
    private var histories: [(Plan.Size, String)] = []
    /// The 12,580-review sample as a history file, for the optimizer and its peer only.
    private var sampleHistory: (Plan.Size, String)?
    private var summaries: [String: SyntheticHistory.Summary] = [:]
    private var medians: [String: Double] = [:]
    private var commands: Commands
    private let loadAtStart = Machine.loadAverage

    init(plan: Plan) throws(BenchError) {
        self.plan = plan
        if let dir = plan.workDir {
            work = dir
            removeWork = false
        } else {
            work = NSTemporaryDirectory() + "statusdeck-bench-\(getpid())"
            removeWork = !plan.keep
        }
        do {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        } catch {
            throw BenchError("\(work): cannot create it (\(error.localizedDescription))")
        }
        guard FileManager.default.isExecutableFile(atPath: plan.statusdeck) else {
            throw BenchError("\(plan.statusdeck): not found; expected the statusdeck binary (build it, or pass --statusdeck)")
        }
        commands = Commands(binary: plan.statusdeck, work: work)
    }

    mutating func run() throws(BenchError) -> String {
        defer { if removeWork { try? FileManager.default.removeItem(atPath: work) } }
        var flat: SyntheticHistory.Flat?
        let largest = plan.sizes.max { $0.events < $1.events }
        for size in plan.sizes {
            let dir = work + "/\(size.label)"
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw BenchError("\(dir): cannot create it")
            }
            let path = dir + "/history.jsonl"
            progress("generating \(size.label) events…")
            let ((summary, recorded), seconds) = try MonotonicClock.time { () throws(BenchError) in
                try SyntheticHistory.write(events: size.events, seed: plan.seed, to: path, recordFlat: size == largest)
            }
            if size == largest { flat = recorded }
            summaries[size.label] = summary
            histories.append((size, path))
            progress("  \(summary.events) lines, \(Format.bytes(Double(summary.bytes))), in \(Format.seconds(seconds))")
        }

        for (size, path) in histories {
            let dir = (path as NSString).deletingLastPathComponent
            if plan.includes(.loadReplay) {
                measureLoadReplay(size, dir, snapshot: false)
                measureLoadReplay(size, dir, snapshot: true)
            }
            for command in Commands.Kind.allCases where plan.includes(command.figure) {
                progress("\(command.title) at \(size.label)…")
                rows.append(
                    commands.measure(
                        command, size: size, dataDir: dir, runs: plan.runs,
                        budget: plan.figureBudgetSeconds, target: Targets.command(command, size)))
                recordMedian(rows[rows.count - 1])
                // Import and export have memory goals too (issues 16 and 18): the peak as a row of its own.
                let memoryRow: (name: String, target: Target?)? =
                    command == .importAPKG
                    ? ("import apkg peak memory", Targets.importMemory(size))
                    : command == .exportAPKG ? (command.title + " peak memory", Targets.exportMemory(size)) : nil
                if let memoryRow, let peak = rows[rows.count - 1].peakBytes {
                    var memory = Samples()
                    memory.add(Double(peak))
                    rows.append(
                        Row(
                            measurement: memoryRow.name, size: size.label, unit: .bytes,
                            outcome: .measured(memory), target: memoryRow.target))
                }
            }
        }
        if plan.includes(.sync) {
            for (size, path) in histories { measureSync(size, path) }
        }
        if let flat, let size = largest, plan.includes(.scheduler) { measureScheduler(flat, size) }
        if plan.includes(.scheduler) {
            measureOptimizer()
            if let sample = try? OptimizerFit.writeSampleHistory(into: work + "/sample") {
                sampleHistory = (Plan.Size(events: 12_580, label: "12.5k sample"), sample)
            }
            for (size, path) in (sampleHistory.map { [$0] } ?? []) + histories {
                measureOptimizerChild(size, (path as NSString).deletingLastPathComponent)
            }
        }
        if let size = plan.size(nearest: 100_000), let path = histories.first(where: { $0.0 == size })?.1 {
            let dir = (path as NSString).deletingLastPathComponent
            if plan.includes(.firstFrame) {
                progress("first frame at \(size.label)…")
                rows.append(commands.firstFrame(size: size, dataDir: dir, runs: plan.runs, target: Targets.firstFrame(size)))
            }
            if plan.includes(.keyFrame) { rows.append(KeyFrame.measure(size: size, keys: plan.keysPerRun, runs: plan.runs)) }
            if plan.includes(.append) { measureAppend(size, dir) }
        }
        if plan.includes(.startUp) { measureStartUp() }
        if plan.peers { runPeers() }
        return report()
    }

    // MARK: - Measurements

    /// With `snapshot` false, `history.snapshot` is deleted before each run: the first load after
    /// the file changed outside StatusDeck, which parses every line (and writes a snapshot when
    /// the file is large enough). With it true, the snapshot that run left is there: every later start.
    private mutating func measureLoadReplay(_ size: Plan.Size, _ dir: String, snapshot: Bool) {
        let name = snapshot ? "load + replay" : "load + replay, no snapshot"
        progress("\(name) at \(size.label)…")
        var time = Samples(), memory = Samples(), load = Samples(), cpu = Samples()
        var peak = 0
        var checksums = Set<Int64>()
        var failure: String?
        for _ in 0..<plan.runs {
            do {
                // Timed inside the child, so the memory launcher around it costs the figure nothing.
                let out = work + "/load-replay.out", report = work + "/peak.txt"
                if !snapshot { unlink(dir + "/history.snapshot") }
                let (path, args) = PeakMemory.wrap(Plan.selfPath, ["--child", "load-replay", "--data-dir", dir], report: report)
                let outcome = try ChildProcess.run(
                    path, args, environment: Commands.environment(), stdoutPath: out,
                    stderrPath: work + "/load-replay.err")
                let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
                guard outcome.status == 0, let r = LoadReplay.parse(text) else {
                    failure = "exit \(outcome.status): " + Commands.firstLine(work + "/load-replay.err")
                    break
                }
                time.add(r.loadSeconds + r.replaySeconds)
                let bytes = PeakMemory.read(report) ?? outcome.peakBytes
                memory.add(Double(bytes))
                peak = max(peak, bytes)
                load.add(r.loadSeconds)
                cpu.add(r.cpuSeconds)
                checksums.insert(r.checksum)
                if let expected = summaries[size.label], r.events != expected.events {
                    failure = "read \(r.events) events of \(expected.events)"
                    break
                }
            } catch {
                failure = error.description
                break
            }
        }
        if checksums.count > 1 { failure = "replay gave different states on different runs" }
        if let failure {
            rows.append(
                Row(
                    measurement: name, size: size.label, unit: .seconds,
                    outcome: .notMeasured(failure), target: Targets.loadReplay(size)))
            return
        }
        rows.append(
            Row(
                measurement: name, size: size.label, unit: .seconds, outcome: .measured(time),
                peakBytes: peak, target: Targets.loadReplay(size), cpu: cpu))
        if snapshot { recordMedian(rows[rows.count - 1]) }
        rows.append(
            Row(
                measurement: name + " peak memory", size: size.label, unit: .bytes,
                outcome: .measured(memory), target: Targets.loadReplayMemory(size)))
        if let c = checksums.first {
            notes.append(
                "\(name) at \(size.label): load \(Format.seconds(load.median)) of it (median); "
                    + "checksum of due instants \(c)")
        }
    }

    private mutating func measureScheduler(_ flat: SyntheticHistory.Flat, _ size: Plan.Size) {
        progress("scheduler alone on the \(size.label) history's reviews…")
        let scheduler: Scheduler
        do { scheduler = try Scheduler(.default) } catch {
            rows.append(
                Row(
                    measurement: "scheduler alone (reviews/s)", size: size.label, unit: .perSecond,
                    outcome: .notMeasured("\(error)"), target: Targets.scheduler))
            return
        }
        var rates = Samples(), cpuRates = Samples()
        var checksums = Set<UInt64>()
        for _ in 0..<plan.runs {
            let r = SchedulerThroughput.run(flat, scheduler: scheduler, minimumSeconds: plan.schedulerSampleSeconds)
            rates.add(Double(r.reviews) / r.seconds)
            cpuRates.add(Double(r.reviews) / r.cpuSeconds)
            checksums.insert(r.checksum)
        }
        if checksums.count != 1 {
            rows.append(
                Row(
                    measurement: "scheduler alone (reviews/s)", size: size.label, unit: .perSecond,
                    outcome: .notMeasured("runs disagree on the schedules"), target: Targets.scheduler))
            return
        }
        rows.append(
            Row(
                measurement: "scheduler alone (reviews/s)", size: size.label, unit: .perSecond,
                outcome: .measured(rates), target: Targets.scheduler, cpu: cpuRates))
        medians["scheduler"] = rates.median
        medians["scheduler.size"] = Double(size.events)
        notes.append("scheduler alone: \(flat.card.count) reviews per pass; checksum \(String(checksums.first ?? 0, radix: 16))")
    }

    private mutating func measureOptimizer() {
        progress("optimize: fit on the 12,580-review sample…")
        let name = "optimize fit (12,580-review sample)"
        do {
            let items = try OptimizerFit.sampleItems()
            let (samples, loss) = try OptimizerFit.run(items, runs: plan.runs)
            rows.append(Row(measurement: name, size: "12.5k", unit: .seconds, outcome: .measured(samples)))
            notes.append("optimize fit: \(items.count) training items, fitted log loss \(loss) (fsrs-rs's fit: 0.44281)")
        } catch {
            rows.append(Row(measurement: name, size: "12.5k", unit: .seconds, outcome: .notMeasured("\(error)")))
        }
    }

    /// `statusdeck optimize`'s fit on a generated history, in a child process per run (time of
    /// the fit alone; peak memory of the process, history included).
    private mutating func measureOptimizerChild(_ size: Plan.Size, _ dir: String) {
        let name = "optimize fit"
        progress("\(name) at \(size.label)…")
        var time = Samples(), peak = 0
        var losses = Set<Double>(), items = 0
        var failure: String?
        var spent = 0.0
        for _ in 0..<plan.runs where spent < plan.figureBudgetSeconds {
            do {
                let out = work + "/optimize.out", report = work + "/peak.txt"
                let (path, args) = PeakMemory.wrap(Plan.selfPath, ["--child", "optimize", "--data-dir", dir], report: report)
                let started = MonotonicClock.nanoseconds()
                let outcome = try ChildProcess.run(
                    path, args, environment: Commands.environment(), stdoutPath: out, stderrPath: work + "/optimize.err")
                spent += Double(MonotonicClock.nanoseconds() - started) / 1e9
                let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
                guard outcome.status == 0, let r = OptimizerFit.parse(text) else {
                    failure = "exit \(outcome.status): " + Commands.firstLine(work + "/optimize.err")
                    break
                }
                time.add(r.seconds)
                peak = max(peak, PeakMemory.read(report) ?? outcome.peakBytes)
                losses.insert(r.loss)
                items = r.items
            } catch {
                failure = error.description
                break
            }
        }
        if losses.count > 1 { failure = "fits of the same history disagree" }
        if let failure {
            rows.append(Row(measurement: name, size: size.label, unit: .seconds, outcome: .notMeasured(failure), target: Targets.optimize(size)))
            return
        }
        rows.append(
            Row(measurement: name, size: size.label, unit: .seconds, outcome: .measured(time), peakBytes: peak, target: Targets.optimize(size)))
        medians["optimize@\(size.label)"] = time.median
        notes.append("optimize fit at \(size.label): \(items) training items, fitted log loss \(losses.first ?? .nan)")
    }

    private mutating func measureAppend(_ size: Plan.Size, _ dir: String) {
        progress("append + fsync at \(size.label)…")
        // A copy, so the generated history stays as generated for anything timed after.
        let copy = work + "/append-\(size.label)"
        try? FileManager.default.removeItem(atPath: copy)
        var samples = Samples()
        do {
            try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: dir + "/history.jsonl", toPath: copy + "/history.jsonl")
            for run in 0..<plan.runs {
                let s = try AppendLatency.run(dataDirectory: copy, appends: plan.appendsPerRun, seed: plan.seed &+ UInt64(run))
                for v in s.values { samples.add(v) }
            }
        } catch let error as BenchError {
            rows.append(
                Row(
                    measurement: "append + fsync (one answer)", size: size.label, unit: .seconds,
                    outcome: .notMeasured(error.description), target: Targets.append))
            return
        } catch {
            rows.append(
                Row(
                    measurement: "append + fsync (one answer)", size: size.label, unit: .seconds,
                    outcome: .notMeasured(error.localizedDescription), target: Targets.append))
            return
        }
        rows.append(
            Row(
                measurement: "append + fsync (one answer)", size: size.label, unit: .seconds,
                outcome: .measured(samples), target: Targets.append))
        notes.append("append + fsync: \(samples.count) appends (\(plan.appendsPerRun) per run), each timed alone")
    }

    /// `SyncRead`: a sync that finds nothing new, beside a load of the same history.
    private mutating func measureSync(_ size: Plan.Size, _ history: String) {
        let name = "sync, \(SyncRead.deviceFiles) device files, none changed"
        progress("\(name) at \(size.label)…")
        let scratch = work + "/sync-\(size.label)"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            let r = try SyncRead.run(history: history, work: scratch, runs: plan.runs)
            if let expected = summaries[size.label], r.events != expected.events {
                rows.append(Row(measurement: name, size: size.label, unit: .seconds, outcome: .notMeasured("loaded \(r.events) events of \(expected.events)")))
                return
            }
            rows.append(Row(measurement: name, size: size.label, unit: .seconds, outcome: .measured(r.sync)))
            rows.append(
                Row(
                    measurement: "sync, \(SyncRead.deviceFiles) device files, all read", size: size.label, unit: .seconds,
                    outcome: .measured(r.fullSync)))
            rows.append(
                Row(measurement: "sync + load (a command's start), none changed", size: size.label, unit: .seconds, outcome: .measured(r.quietStart)))
            rows.append(
                Row(
                    measurement: "sync + load (a command's start), one file grown by \(SyncRead.grownBy) answers", size: size.label,
                    unit: .seconds, outcome: .measured(r.grownSync)))
            rows.append(
                Row(
                    measurement: "sync, new machine (every event new to it)", size: size.label, unit: .seconds,
                    outcome: .measured(r.newMachine)))
            rows.append(Row(measurement: "load (snapshot), beside the sync", size: size.label, unit: .seconds, outcome: .measured(r.load)))
            rows.append(Row(measurement: "load (no snapshot), beside the sync", size: size.label, unit: .seconds, outcome: .measured(r.coldLoad)))
            notes.append(
                "sync at \(size.label): none changed \(Format.seconds(r.sync.median)), all read \(Format.seconds(r.fullSync.median)), "
                    + "against a load of \(Format.seconds(r.load.median)): ratios \(String(format: "%.2f", r.sync.median / r.load.median)) "
                    + "and \(String(format: "%.2f", r.fullSync.median / r.load.median)); a command's start (sync + load) with none changed "
                    + "\(Format.seconds(r.quietStart.median)), ratio \(String(format: "%.2f", r.quietStart.median / r.load.median)), and with one "
                    + "file grown \(Format.seconds(r.grownSync.median)), ratio \(String(format: "%.2f", r.grownSync.median / r.load.median)); "
                    + "all read against a load with no snapshot (\(Format.seconds(r.coldLoad.median)): the same lines parsed): "
                    + "ratio \(String(format: "%.2f", r.fullSync.median / r.coldLoad.median)); a new machine's first sync "
                    + "\(Format.seconds(r.newMachine.median)), ratio \(String(format: "%.2f", r.newMachine.median / r.coldLoad.median)) to it")
        } catch {
            rows.append(Row(measurement: name, size: size.label, unit: .seconds, outcome: .notMeasured(error.description)))
        }
    }

    /// Start-up rows (issue 17): more runs than the other figures, as each takes milliseconds.
    private mutating func measureStartUp() {
        progress("start-up…")
        let emptyDir = work + "/empty"
        try? FileManager.default.createDirectory(atPath: emptyDir, withIntermediateDirectories: true)
        var binaries = [(label: "dynamic", path: plan.statusdeck)]
        if let path = plan.staticStatusdeck {
            binaries.append((label: "static", path: path))
        } else {
            notes.append(
                "start-up: no static build to compare (build it with .ci/build-static)")
        }
        var dataDirs: [String: String] = [:]
        for (size, path) in histories { dataDirs[size.label] = (path as NSString).deletingLastPathComponent }
        var cases: [StartUp.Case] = [.version, .statsEmpty]
        for (size, _) in histories where size.events <= 100_000 { cases.append(.stats(size)) }
        if let size = plan.size(nearest: 100_000) { cases.append(.firstFrame(size)) }
        let startUp = StartUp(binaries: binaries, work: work, runs: plan.quick ? 5 : max(plan.runs, 30))
        rows += startUp.measure(cases, dataDirs: dataDirs, emptyDir: emptyDir)
        for row in rows.suffix(cases.count * binaries.count) { recordMedian(row) }
    }

    private mutating func recordMedian(_ row: Row) {
        if case .measured(let s) = row.outcome { medians["\(row.measurement)@\(row.size)"] = s.median }
    }

    // MARK: - Peers

    private mutating func runPeers() {
        progress("peers…")
        let result: Peers.Result
        do {
            result = try Peers.run(plan: plan, histories: histories, work: work, fitOnly: sampleHistory.map { [$0] } ?? [])
        } catch {
            notes.append("peers not measured: \(error.description)")
            return
        }
        let titles = [
            "fsrs-rs-python-fit": "peer fsrs-rs-python: compute_parameters",
            "py-fsrs": "peer py-fsrs: replay (review_card)",
            "fsrs-rs-python": "peer fsrs-rs-python: memory states",
            "anki": "peer anki: backend stats (graphs)",
        ]
        for name in Peers.names {
            for (size, _) in histories {
                if let f = result.figure(name, size.label) {
                    rows.append(
                        Row(
                            measurement: titles[name] ?? name, size: size.label, unit: .seconds,
                            outcome: .measured(f.seconds), target: nil))
                } else {
                    rows.append(
                        Row(
                            measurement: titles[name] ?? name, size: size.label, unit: .seconds,
                            outcome: .notMeasured(result.reason(name, size.label)), target: nil))
                }
            }
        }
        notes.append("peers: " + result.versions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))

        // Ratios: > 1× means StatusDeck is faster.
        if let ours = medians["scheduler"], let events = medians["scheduler.size"],
            let size = plan.sizes.first(where: { Double($0.events) == events })
        {
            for (name, what) in [("fsrs-rs-python", "memory states"), ("py-fsrs", "review_card")] {
                guard let f = result.figure(name, size.label) else { continue }
                let theirs = Double(f.reviews) / f.seconds.median
                let required = name == "fsrs-rs-python"
                ratios.append([
                    "scheduler vs \(name) \(what) (reviews/s)", size.label, Format.rate(ours), Format.rate(theirs),
                    Format.ratio(ours / theirs), required ? "> 1× (issue 7)" : "—",
                    required ? (ours > theirs ? "pass" : "FAIL") : "—",
                ])
            }
        }
        for (size, _) in (sampleHistory.map { [$0] } ?? []) + histories {
            if let ours = medians["optimize@\(size.label)"], let f = result.figure("fsrs-rs-python-fit", size.label) {
                ratios.append([
                    "optimize fit vs fsrs-rs compute_parameters (time)", size.label, Format.seconds(ours),
                    Format.seconds(f.seconds.median), Format.ratio(f.seconds.median / ours), "≥ 1× (issue 15)",
                    f.seconds.median >= ours ? "pass" : "FAIL",
                ])
                notes.append("fsrs-rs-python fit at \(size.label): \(f.note)")
            }
        }
        for (size, _) in histories {
            if let ours = medians["load + replay@\(size.label)"], let f = result.figure("py-fsrs", size.label) {
                ratios.append([
                    "load + replay vs py-fsrs replay (time)", size.label, Format.seconds(ours),
                    Format.seconds(f.seconds.median), Format.ratio(f.seconds.median / ours), "—", "—",
                ])
            }
        }
        for (size, _) in histories {
            for command in ["stats", "stats --json"] {
                guard let ours = medians["\(command)@\(size.label)"], let f = result.figure("anki", size.label) else { continue }
                let required = size.events == 1_000_000
                ratios.append([
                    "\(command) vs anki backend stats (time)", size.label, Format.seconds(ours),
                    Format.seconds(f.seconds.median), Format.ratio(f.seconds.median / ours),
                    required ? "> 1× (issue 7)" : "—",
                    required ? (f.seconds.median > ours ? "pass" : "FAIL") : "—",
                ])
            }
            // Issue 17: at 100k, the whole `stats` process must beat Anki's one backend call.
            for build in ["dynamic", "static"] {
                guard let ours = medians["start-up: stats (\(build))@\(size.label)"], let f = result.figure("anki", size.label)
                else { continue }
                let required = size.events == 100_000
                ratios.append([
                    "stats (\(build) build) vs anki backend stats (time)", size.label, Format.seconds(ours),
                    Format.seconds(f.seconds.median), Format.ratio(f.seconds.median / ours),
                    required ? "> 1× (issue 17)" : "—",
                    required ? (f.seconds.median > ours ? "pass" : "FAIL") : "—",
                ])
            }
        }
    }

    // MARK: - Report

    private func report() -> String {
        var out = ""
        #if DEBUG
        out += "WARNING: debug build; figures are not representative (swift run -c release statusdeck-bench)\n"
        #endif
        out += "StatusDeck benchmark: \(Machine.description); seed \(plan.seed); \(plan.runs) runs per figure\n"
        out += "load average: \(loadAtStart) at the start, \(Machine.loadAverage) at the end (other work shares these cores)\n"
        out += "statusdeck: \(plan.statusdeck)\n"
        if !PeakMemory.available {
            out += "peak memory: \(PeakMemory.launcher) is missing, so peaks are wait4's and include the harness's (upper bounds)\n"
        }
        for (size, _) in histories {
            if let s = summaries[size.label] {
                out +=
                    "history \(size.label): \(s.events) lines (\(s.reviews) reviews, \(s.undos) undos), "
                    + "\(Format.bytes(Double(s.bytes))), \(s.cards) cards, "
                    + "\(Machine.date(s.first)) → \(Machine.date(s.last))\n"
            }
        }
        out += "\n"
        out += Table.render(header: Row.header, rows: rows.map(\.cells))
        if !ratios.isEmpty {
            out += "\nRatios (theirs ÷ ours for times, ours ÷ theirs for rates: above 1× StatusDeck is faster)\n\n"
            out += Table.render(header: ["comparison", "size", "ours", "theirs", "ratio", "target", "result"], rows: ratios)
        }
        let verdicts = rows.compactMap(\.passed) + ratios.compactMap { $0.last == "pass" ? true : ($0.last == "FAIL" ? false : nil) }
        let missing = rows.filter { $0.verdict == "not measured" }.count
        out += "\nTargets: \(verdicts.filter { $0 }.count) pass, \(verdicts.filter { !$0 }.count) fail, \(missing) not measured\n"
        if !notes.isEmpty { out += "\n" + notes.map { "- " + $0 }.joined(separator: "\n") + "\n" }
        return out
    }

    private func progress(_ line: String) {
        FileHandle.standardError.write(Data(("bench: " + line + "\n").utf8))
    }
}
