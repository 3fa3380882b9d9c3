import ArgumentParser
import Foundation

/// `statusdeck-bench`: what a StatusDeck user waits for, measured on synthetic histories, with the
/// peers timed on the same files in the same run.
@main
struct StatusDeckBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statusdeck-bench",
        abstract: "Time StatusDeck on synthetic histories of 10k, 100k and 1M events, beside its peers.",
        discussion: """
            Build and run in release: swift run -c release statusdeck-bench. Peers (py-fsrs, \
            fsrs-rs-python, anki) are timed when .venv-bench exists; create it with \
            Tests/Benchmarks/peers/setup.sh.
            """)

    @Flag(help: "A seconds-long smoke run: 1k events, 2 runs, no peers.")
    var quick = false

    @Option(help: "History sizes to generate, comma-separated, with k or M (default: 10k,100k,1M).")
    var sizes: String?

    @Option(help: "Runs per measurement; medians and p90 are over these (default 5; 2 with --quick).")
    var runs: Int?

    @Flag(inversion: .prefixedNo, help: "Time the peers too (default: when the venv exists, except with --quick).")
    var peers: Bool?

    @Option(help: "The statusdeck binary to time (default: the one built beside this benchmark).")
    var statusdeck: String?

    @Option(
        help: "The --static-swift-stdlib build to time beside it in the start-up rows (default: .build-static/release/statusdeck when built).")
    var staticStatusdeck: String?

    @Option(help: "The Python of the peers' venv (default: .venv-bench/bin/python in the package).")
    var python: String?

    @Option(help: "Only these figures, comma-separated: load-replay, cards, stats, export, import, scheduler, first-frame, key-frame, append, sync, start-up.")
    var only: String?

    @Option(help: "Seed of the synthetic histories: the same seed gives the same files.")
    var seed: UInt64 = 20_261_122

    @Option(help: "Folder for the histories and outputs (default: a temporary folder, removed after).")
    var workDir: String?

    @Flag(help: "Keep the folder with the generated histories.")
    var keep = false

    /// The harness re-runs itself as a child to measure load + replay alone (time and memory).
    @Option(help: .hidden)
    var child: String?

    @Option(name: .customLong("data-dir"), help: .hidden)
    var dataDir: String?

    func validate() throws {
        if let runs, runs < 1 { throw ValidationError("--runs: found \(runs); expected 1 or more") }
        if let sizes, Plan.parseSizes(sizes) == nil {
            throw ValidationError("--sizes: found `\(sizes)`; expected sizes like 10k,100k,1M")
        }
        if let only, Plan.parseFigures(only) == nil {
            let names = Plan.Figure.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--only: found `\(only)`; expected some of \(names)")
        }
    }

    /// Like `statusdeck`: a bad command line is one line on stderr and exit 2; a failure of the
    /// run (a file it cannot write, a binary it cannot start) is one line and exit 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as BenchError {
            FileHandle.standardError.write(Data("statusdeck-bench: \(error.description)\n".utf8))
            Foundation.exit(1)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let line = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data("statusdeck-bench: \(line)\n".utf8))
            Foundation.exit(2)
        }
    }

    func run() throws {
        if let child {
            guard child == "load-replay" || child == "optimize", let dataDir else {
                throw ValidationError("--child: found `\(child)`; expected load-replay or optimize with --data-dir")
            }
            print(child == "optimize" ? try OptimizerFit.child(dataDirectory: dataDir) : LoadReplay.line(try LoadReplay.run(dataDirectory: dataDir)))
            return
        }
        let plan = Plan(
            quick: quick, sizes: sizes, runs: runs, peers: peers, statusdeck: statusdeck,
            python: python, seed: seed, workDir: workDir, keep: keep, only: only,
            staticStatusdeck: staticStatusdeck)
        var bench = try Benchmark(plan: plan)
        print(try bench.run(), terminator: "")
    }
}
