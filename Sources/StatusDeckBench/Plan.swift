import Foundation

/// What one run of the benchmark does: the sizes, how often, with which binaries and peers.
struct Plan {
    struct Size: Hashable {
        var events: Int
        var label: String
    }

    /// The figures one can ask for with `--only`, e.g. to profile one or to redo one.
    enum Figure: String, CaseIterable {
        case loadReplay = "load-replay", cards, stats, export, `import`, scheduler
        case firstFrame = "first-frame", keyFrame = "key-frame", append, sync
        case startUp = "start-up"
    }

    var sizes: [Size]
    /// nil: every figure.
    var only: Set<Figure>?
    var runs: Int
    var quick: Bool
    var peers: Bool
    var statusdeck: String
    /// The same program built with `--static-swift-stdlib`, timed beside `statusdeck` in the
    /// start-up rows; nil when there is none.
    var staticStatusdeck: String?
    var python: String
    var peersScript: String
    var seed: UInt64
    var workDir: String?
    var keep: Bool
    /// Appends timed per run, and keys per run for the key → frame figure.
    var appendsPerRun: Int
    var keysPerRun: Int
    /// Shortest sample for the scheduler's throughput, so a fast pass is still timed well.
    var schedulerSampleSeconds: Double
    /// py-fsrs needs about half a minute for a million reviews: stop repeating a peer after this.
    var peerBudgetSeconds: Double
    /// The same for a command of ours (the apkg export of 1M events takes half a minute).
    var figureBudgetSeconds: Double

    /// The package root, from this file's place in it: the harness is run from a checkout.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    init(
        quick: Bool, sizes: String?, runs: Int?, peers: Bool?, statusdeck: String?, python: String?,
        seed: UInt64, workDir: String?, keep: Bool, only: String? = nil, staticStatusdeck: String? = nil
    ) {
        self.quick = quick
        self.only = only.flatMap(Plan.parseFigures)
        self.sizes = sizes.flatMap(Plan.parseSizes) ?? (quick ? [Size(events: 1000, label: "1k")] : Plan.parseSizes("10k,100k,1M") ?? [])
        self.runs = runs ?? (quick ? 2 : 5)
        self.python = python ?? Plan.packageRoot + "/.venv-bench/bin/python"
        self.peersScript = Plan.packageRoot + "/Tests/Benchmarks/peers/run_peers.py"
        self.peers = peers ?? (!quick && FileManager.default.isExecutableFile(atPath: self.python))
        self.statusdeck = statusdeck ?? Plan.besideThisBinary("statusdeck")
        // The path README's static build command writes to.
        let builtStatic = Plan.packageRoot + "/.build-static/release/statusdeck"
        self.staticStatusdeck =
            staticStatusdeck ?? (FileManager.default.isExecutableFile(atPath: builtStatic) ? builtStatic : nil)
        self.seed = seed
        self.workDir = workDir
        self.keep = keep
        appendsPerRun = quick ? 5 : 40
        keysPerRun = quick ? 20 : 400
        schedulerSampleSeconds = quick ? 0.01 : 0.25
        peerBudgetSeconds = quick ? 5 : 15
        figureBudgetSeconds = quick ? 5 : 20
    }

    func includes(_ figure: Figure) -> Bool { only?.contains(figure) ?? true }

    /// "stats,export" → figures; nil when any name is unknown.
    static func parseFigures(_ text: String) -> Set<Figure>? {
        var figures = Set<Figure>()
        for part in text.split(separator: ",") {
            guard let f = Figure(rawValue: String(part)) else { return nil }
            figures.insert(f)
        }
        return figures.isEmpty ? nil : figures
    }

    /// "10k,100k,1M" → sizes; nil when any part is not a positive count.
    static func parseSizes(_ text: String) -> [Size]? {
        var sizes: [Size] = []
        for part in text.split(separator: ",") {
            var digits = Substring(part)
            var scale = 1
            if digits.hasSuffix("k") || digits.hasSuffix("K") {
                scale = 1000
                digits = digits.dropLast()
            } else if digits.hasSuffix("M") || digits.hasSuffix("m") {
                scale = 1_000_000
                digits = digits.dropLast()
            }
            guard let n = Int(digits), n > 0, n <= 100_000_000 / scale else { return nil }
            let label = scale == 1 ? String(n) : String(digits) + (scale == 1000 ? "k" : "M")
            sizes.append(Size(events: n * scale, label: label))
        }
        return sizes.isEmpty ? nil : sizes
    }

    /// The size closest to `events` on a log scale (the TUI and append figures are at 100k).
    func size(nearest events: Int) -> Size? {
        sizes.min { abs(log(Double($0.events) / Double(events))) < abs(log(Double($1.events) / Double(events))) }
    }

    static func besideThisBinary(_ name: String) -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
    }

    static var selfPath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
