import Foundation

/// Runs Tests/Benchmarks/peers/run_peers.py in the peers' venv on the same history files and
/// reads back its timings. The peers are measured against, never linked or shipped.
enum Peers {
    struct Figure {
        var seconds: Samples
        var reviews: Int
        var note: String
    }

    /// name → size label → figure or the reason it has none.
    struct Result {
        var figures: [String: [String: Result.Entry]] = [:]
        var versions: [String: String] = [:]

        enum Entry {
            case figure(Figure)
            case error(String)
        }

        func figure(_ peer: String, _ size: String) -> Figure? {
            if case .figure(let f)? = figures[peer]?[size] { return f }
            return nil
        }

        func reason(_ peer: String, _ size: String) -> String {
            if case .error(let e)? = figures[peer]?[size] { return e }
            return "not run"
        }
    }

    static let names = ["py-fsrs", "fsrs-rs-python", "anki", "fsrs-rs-python-fit"]

    /// `fitOnly`: histories only the optimizer's peer runs on (the real review sample).
    static func run(plan: Plan, histories: [(Plan.Size, String)], work: String, fitOnly: [(Plan.Size, String)] = []) throws(BenchError) -> Result {
        let out = work + "/peers.json"
        var arguments = [plan.peersScript, "--runs", String(plan.runs), "--budget", String(plan.peerBudgetSeconds), "--out", out]
        for (size, path) in histories { arguments += ["--history", "\(size.label)=\(path)"] }
        for (size, path) in fitOnly { arguments += ["--fit-history", "\(size.label)=\(path)"] }
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        // The peers' own progress goes to the harness's stderr, where the user sees it.
        let outcome = try ChildProcess.run(
            plan.python, arguments, environment: environment,
            stdoutPath: nil, stderrPath: nil)
        guard outcome.status == 0 else { throw BenchError("\(plan.peersScript): exit \(outcome.status)") }
        guard let data = FileManager.default.contents(atPath: out),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let peers = json["peers"] as? [String: Any]
        else {
            throw BenchError("\(out): not the JSON run_peers.py writes")
        }
        var result = Result()
        for (name, bySize) in peers {
            guard let bySize = bySize as? [String: Any] else { continue }
            for (size, entry) in bySize {
                guard let entry = entry as? [String: Any] else { continue }
                if let error = entry["error"] as? String {
                    result.figures[name, default: [:]][size] = .error(error)
                } else if let seconds = entry["seconds"] as? [Double], let reviews = entry["reviews"] as? Int {
                    result.figures[name, default: [:]][size] = .figure(
                        Figure(seconds: Samples(seconds), reviews: reviews, note: entry["note"] as? String ?? ""))
                }
            }
        }
        for (name, version) in json["versions"] as? [String: Any] ?? [:] {
            result.versions[name] = version as? String ?? "not installed"
        }
        return result
    }
}
