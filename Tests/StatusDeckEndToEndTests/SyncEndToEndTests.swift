import Dispatch
import FSRS
import Foundation
import Testing

/// Two machines (two data dirs, each with its own view of the shared folder) answer cards while
/// a simulated sync tool copies files between the two views at random moments: whole copies,
/// copies cut mid-write, conflict copies, older copies put back over a machine's own file, and
/// files deleted. After the tool settles and a final sync on both, both machines hold the same
/// history, with every acknowledged answer exactly once, and `cards` and `stats` agree.
@Suite struct SyncEndToEndTests {
    /// Seeds of the tool's and machines' randomness: STATUSDECK_SYNC_SEED when set, so a failing
    /// run can be replayed; else 19, and 5, the seed whose in-place truncation of a file being
    /// read once killed `cards` with SIGBUS (the file was mapped).
    static let seeds: [UInt64] = ProcessInfo.processInfo.environment["STATUSDECK_SYNC_SEED"].flatMap { UInt64($0) }.map { [$0] } ?? [19, 5]

    /// What the threads share: the ids each machine had acknowledged, failures, and the stop flag.
    final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        private var acknowledged: Set<String> = []
        private var problems: [String] = []
        private var done = 0
        private var actions: [String: Int] = [:]

        func acknowledge(_ ids: [String]) { lock.withLock { acknowledged.formUnion(ids) } }
        func problem(_ text: String) { lock.withLock { problems.append(text) } }
        func finishMachine() { lock.withLock { done += 1 } }
        func count(_ action: String) { lock.withLock { actions[action, default: 0] += 1 } }
        var machinesDone: Int { lock.withLock { done } }
        var ids: Set<String> { lock.withLock { acknowledged } }
        var failures: [String] { lock.withLock { problems } }
        var actionCounts: [String: Int] { lock.withLock { actions } }
    }

    static let cards = ["http/404/code-to-meaning", "http/200/code-to-meaning", "http/503/code-to-meaning", "http/301/code-to-meaning"]

    /// One machine: rounds of answers (`history append-test`, which acknowledges each id it saved)
    /// each followed by a command that syncs on its own (`cards`, `stats`) or by `sync`.
    ///
    /// Both machines answer the same four cards: `append-test` writes answers a few microseconds
    /// apart, so two machines often answer one card in the same millisecond, and the file orders
    /// differ between them; replay breaks such ties by event id, so both must still agree.
    static func machine(data: String, rounds: Int, seed: UInt64, shared: Shared) {
        var random = SplitMix64(seed: seed)
        for round in 0..<rounds {
            let card = cards[Int(random.next() % UInt64(cards.count))]
            let count = 1 + Int(random.next() % 4)
            do {
                let answered = try StatusDeckProcess.run(["history", "append-test", "--data-dir", data, "--count", "\(count)", "--card", card])
                guard answered.status == 0 else {
                    shared.problem("\(data) round \(round): append-test exit \(answered.status): \(answered.stderr)")
                    continue
                }
                shared.acknowledge(answered.stdout.split(separator: "\n").map(String.init))
                let follow: [String] = [["cards", "--json"], ["stats", "--json"], ["sync"]][Int(random.next() % 3)]
                let synced = try StatusDeckProcess.run(follow + ["--data-dir", data])
                if synced.status != 0 || synced.stderr.contains("Fatal") || synced.stderr.contains("rash") {
                    shared.problem("\(data) round \(round): \(follow[0]) exit \(synced.status): \(synced.stderr)")
                }
            } catch {
                shared.problem("\(data) round \(round): \(error)")
            }
        }
        shared.finishMachine()
    }

    /// The sync tool between two views of the folder, misbehaving on purpose, until both machines end.
    static func tool(views: [String], seed: UInt64, shared: Shared) {
        var random = SplitMix64(seed: seed)
        let manager = FileManager.default
        var conflicts = 0
        while shared.machinesDone < 2 {
            usleep(UInt32(random.next() % 15_000))
            let from = Int(random.next() % 2)
            let source = views[from], target = views[1 - from]
            let names = ((try? manager.contentsOfDirectory(atPath: source)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
            guard !names.isEmpty else { continue }
            let name = names[Int(random.next() % UInt64(names.count))]
            // Read whatever is there now: a machine may be mid-append (a torn tail), and the
            // file may be gone already.
            guard let bytes = manager.contents(atPath: source + "/" + name) else { continue }
            let roll = random.next() % 10
            switch roll {
            case 0...4:
                // A whole copy, put in place by rename, as Syncthing and Dropbox do; sent either
                // way, it also puts an older copy back over a machine's own file.
                let temporary = target + "/.syncthing." + name + ".tmp"
                if manager.createFile(atPath: temporary, contents: bytes) { rename(temporary, target + "/" + name) }
                shared.count("whole copy")
            case 5...6:
                // A copy cut mid-write: only a prefix arrives, written in place.
                let cut = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
                try? bytes.prefix(cut).write(to: URL(fileURLWithPath: target + "/" + name))
                shared.count("copy cut mid-write")
            case 7...8:
                // The losing side of a write both machines made: a conflict copy, sometimes cut.
                conflicts += 1
                let stem = String(name.dropLast(".jsonl".count))
                let copy = conflicts % 2 == 0 ? "\(stem).sync-conflict-20261204-0000\(conflicts)-ABCDEF7.jsonl" : "\(stem) (conflicted copy \(conflicts)).jsonl"
                let cut = conflicts % 3 == 0 ? bytes.count / 2 : bytes.count
                try? bytes.prefix(cut).write(to: URL(fileURLWithPath: target + "/" + copy))
                shared.count("conflict copy")
            default:
                // Temporarily missing: the tool deleted it (a rename it has not finished).
                try? manager.removeItem(atPath: target + "/" + name)
                shared.count("deleted")
            }
        }
    }

    /// The tool settling: every file of `source` copied whole into `target`.
    static func settle(_ source: String, into target: String) throws {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: source) where name.hasSuffix(".jsonl") {
            let data = try Data(contentsOf: URL(fileURLWithPath: source + "/" + name))
            try data.write(to: URL(fileURLWithPath: target + "/" + name), options: .atomic)
        }
    }

    /// The event ids of a history file, one per line, in file order.
    static func lineIDs(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            guard let start = line.range(of: "\"id\":\"") else { return "" }
            return String(line[start.upperBound...].prefix(32))
        }
    }

    @Test(arguments: seeds) func twoMachinesAndAMisbehavingSyncToolEndWithOneHistory(seed: UInt64) throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let data = [dir.path + "/laptop", dir.path + "/desktop"]
        let views = [dir.path + "/laptop-Sync", dir.path + "/desktop-Sync"]
        for (d, v) in zip(data, views) {
            try FileManager.default.createDirectory(atPath: v, withIntermediateDirectories: true)
            let set = try StatusDeckProcess.run(["config", "set", "sync_dir", v, "--data-dir", d])
            #expect(set.status == 0, "\(set.stderr)")
        }
        let shared = Shared()
        // Three threads of their own (concurrentPerform may run fewer at once on two cores, and
        // the tool waits for both machines).
        let group = DispatchGroup()
        for i in 0..<3 {
            group.enter()
            Thread {
                if i < 2 {
                    Self.machine(data: data[i], rounds: 12, seed: seed &+ UInt64(i) &* 7919, shared: shared)
                } else {
                    Self.tool(views: views, seed: seed, shared: shared)
                }
                group.leave()
            }.start()
        }
        group.wait()
        #expect(shared.failures.isEmpty, "seed \(seed): \(shared.failures)")
        // The run did the damage it is meant to survive.
        let actions = shared.actionCounts
        #expect(actions["copy cut mid-write", default: 0] > 0 && actions["conflict copy", default: 0] > 0, "seed \(seed): \(actions)")

        // The tool settles; a final sync on both (the laptop twice, to take in what the desktop had).
        for (d, step) in [(data[0], 0), (data[1], 1), (data[0], 2)] {
            let r = try StatusDeckProcess.run(["sync", "--data-dir", d])
            #expect(r.status == 0, "seed \(seed): \(r.stderr)")
            if step == 0 { try Self.settle(views[0], into: views[1]) }
            if step == 1 { try Self.settle(views[1], into: views[0]) }
        }

        let acknowledged = shared.ids
        #expect(acknowledged.count > 12, "seed \(seed)")
        for d in data {
            let ids = try Self.lineIDs(d + "/history.jsonl")
            #expect(ids.count == Set(ids).count, "seed \(seed): \(d) holds an answer twice")
            #expect(Set(ids) == acknowledged, "seed \(seed): \(d) differs from what was acknowledged")
        }
        let now = "2026-12-31T12:00:00Z"
        for command in [["cards", "--json", "--now", now], ["stats", "--json", "--now", now]] {
            let outputs = try data.map { try StatusDeckProcess.run(command + ["--data-dir", $0]) }
            #expect(outputs.allSatisfy { $0.status == 0 }, "seed \(seed): \(outputs.map(\.stderr))")
            #expect(outputs[0].stdout == outputs[1].stdout, "seed \(seed): \(command[0]) differs between the machines")
            #expect(outputs[0].stdout.count > 100)
        }
    }

    /// The quiz syncs on its own when `sync_dir` is set: at start (which makes this machine's
    /// file) and again when it quits, so a session's answers reach the folder at once.
    @Test(arguments: TmuxSession.Build.allCases) func theQuizSyncsItsAnswersWhenItQuits(_ build: TmuxSession.Build) throws {
        let data = try TmuxSession.freshDirectory()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let folder = data.deletingLastPathComponent().appendingPathComponent("Sync")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try StatusDeckProcess.run(["config", "set", "sync_dir", folder.path, "--data-dir", data.path]).status == 0)
        let t = try TmuxSession(build, ["review", "--mode", "flip", "--lang", "en"], dataDir: data)
        try t.flipAndGrade("3")
        try t.waitFor("progress 1/") { QuizEndToEndTests.progress($0)?.hasPrefix("1/") == true }
        try t.send("q")
        try t.waitFor(text: "Session over")
        try t.send("Enter")
        #expect(try t.waitForExit().status == 0)

        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 1, "this machine's file, and no other")
        let answered = try Self.lineIDs(data.appendingPathComponent("history.jsonl").path)
        #expect(answered.count == 1)
        #expect(try files.first.map { try Self.lineIDs(folder.appendingPathComponent($0).path) } == answered)
    }

    /// The browser on its own syncs on quit too: a suspend made there reaches the folder.
    @Test(arguments: TmuxSession.Build.allCases) func theBrowserSyncsItsMarksWhenItQuits(_ build: TmuxSession.Build) throws {
        let data = try TmuxSession.freshDirectory()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let folder = data.deletingLastPathComponent().appendingPathComponent("Sync")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try StatusDeckProcess.run(["config", "set", "sync_dir", folder.path, "--data-dir", data.path]).status == 0)
        let t = try TmuxSession(build, ["browse", "--lang", "en"], dataDir: data)
        try t.waitFor(text: "Cards · ")
        try t.type("404")
        try t.waitFor(text: "4/96")
        try t.send("Down", "C-s")  // in the list typed keys search; ^S suspends
        try t.waitFor(text: "Suspended")
        try t.send("Escape")  // leaves the search field
        try t.waitFor(text: "Esc close")
        try t.send("Escape")
        #expect(try t.waitForExit().status == 0)

        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 1)
        let marked = try Self.lineIDs(data.appendingPathComponent("history.jsonl").path)
        #expect(marked.count == 1)
        #expect(try files.first.map { try Self.lineIDs(folder.appendingPathComponent($0).path) } == marked)
    }

    @Test func syncCommandReportsAndJSONCarriesTheSameFigures() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let folder = dir.path + "/Sync"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let a = dir.path + "/a", b = dir.path + "/b"
        _ = try StatusDeckProcess.run(["history", "append-test", "--data-dir", a, "--count", "3"])
        let first = try StatusDeckProcess.run(["sync", folder, "--data-dir", a])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("read 0 device files; merged 0 new events into the history; appended 3 to \(folder)/"))
        let device = try String(contentsOfFile: a + "/device", encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(FileManager.default.fileExists(atPath: "\(folder)/\(device).jsonl"))
        let second = try StatusDeckProcess.run(["sync", folder, "--json", "--data-dir", b])
        #expect(second.status == 0)
        #expect(second.stdout.contains("\"device_files\":1,\"unchanged\":0,\"merged\":3,\"appended\":0,\"warnings\":[]"))
        // B's file is there now; A's next sync finds it and then, with nothing new, reads nothing.
        _ = try StatusDeckProcess.run(["sync", folder, "--data-dir", a])
        let third = try StatusDeckProcess.run(["sync", folder, "--data-dir", a])
        #expect(third.stdout.hasPrefix("read 0 device files (1 unchanged since the last sync); merged 0 new events"))
        // No folder given and none configured: one line, exit 2.
        let none = try StatusDeckProcess.run(["sync", "--data-dir", b])
        #expect(none.status == 2)
        #expect(none.stderr == "no sync folder; expected `statusdeck sync DIR` or `statusdeck config set sync_dir DIR`\n")
        // A configured folder that is gone: the command still runs, with one warning.
        let gone = dir.path + "/unmounted"
        #expect(try StatusDeckProcess.run(["config", "set", "sync_dir", gone, "--data-dir", b]).status == 0)
        let cards = try StatusDeckProcess.run(["cards", "--json", "--data-dir", b])
        #expect(cards.status == 0)
        #expect(
            cards.stderr
                == "statusdeck: warning: sync_dir \(gone): no such folder; expected the sync folder: a folder your sync tool shares between machines (create it first); not synced this time\n"
        )
    }
}
