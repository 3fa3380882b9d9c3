import Foundation
import Testing

/// Faults the history must survive, beyond those in HistoryCrashTests (SIGKILL mid-append, two
/// writers, RLIMIT_FSIZE, permission-denied data dirs): a lock held by a process that then died,
/// a real full disk and a real read-only filesystem (a private tmpfs in a user and mount namespace,
/// so nothing is mounted on the host), a clock that went backwards, and SIGKILL during an import.
@Suite struct FaultTests {
    static let line = #"{"v":1,"id":"0123456789abcdef0123456789abcdef","card":"http/404/code-to-meaning","at":"2026-11-01T10:00:00.000Z","rating":3}"#

    static func event(_ n: Int, card: String = "http/404/code-to-meaning", at: String, rating: Int = 3) -> String {
        let id = String(format: "%032x", n)
        return #"{"v":1,"id":"\#(id)","card":"\#(card)","at":"\#(at)","rating":\#(rating)}"#
    }

    // MARK: A lock left by a dead process

    @Test func aLockHeldByAProcessThatDiedIsReleasedByTheKernel() throws {
        let c = try BadInputCase()
        let history = try c.file("data/history.jsonl", Self.line + "\n")
        // The holder is one shell process: it opens the history, takes the exclusive flock the
        // store uses, says so, and waits on stdin. No lock file is involved.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/bash")
        holder.arguments = ["-c", "exec 9>>\"$1\" && flock -x 9 && echo locked && read -r _", "holder", history]
        let out = Pipe(), input = Pipe()
        holder.standardOutput = out
        holder.standardInput = input
        try holder.run()
        let said = out.fileHandleForReading.readData(ofLength: 7)
        #expect(String(decoding: said, as: UTF8.self) == "locked\n")
        let fd = open(history, O_RDONLY)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK, "the holder has the lock")

        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(holder.terminationReason == .uncaughtSignal)

        // The kernel dropped the dead process's lock: no stale lock to clear by hand.
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        #expect(flock(fd, LOCK_UN) == 0)
        let r = try StatusDeckProcess.run(["history", "append-test", "--count", "3", "--data-dir", c.data])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 3)
        let lines = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.first.map(String.init) == Self.line)
    }

    // MARK: A full disk and a read-only filesystem, for real

    /// Runs `script` as root of a new user and mount namespace, where it may mount a tmpfs that
    /// nobody else sees and that vanishes with it. `$SD` is the statusdeck binary.
    static func inPrivateMount(_ script: String) throws -> StatusDeckProcess.Result {
        try StatusDeckProcess.run(
            [
                "--user", "--map-root-user", "--mount", "/bin/bash", "-c", "set -u; SD=\"$0\"; " + script,
                StatusDeckProcess.executableURL.path,
            ],
            executable: URL(fileURLWithPath: "/usr/bin/unshare"))
    }

    @Test func aFullDiskLosesNoAcknowledgedAnswerAndHalfWritesNothing() throws {
        let c = try BadInputCase()
        // 64 KiB of tmpfs holds a few hundred answers; the writer is asked for far more.
        let r = try Self.inPrivateMount(
            """
            mount -t tmpfs -o size=64k tmpfs "\(c.root)" && mkdir "\(c.root)/data" || exit 99
            "$SD" history append-test --count 100000 --padding 200 --data-dir "\(c.root)/data" > "\(c.root)-acked" 2> "\(c.root)-err"
            echo "status=$?"
            echo "err=$(cat "\(c.root)-err")"
            echo "acked=$(wc -l < "\(c.root)-acked")"
            echo "lines=$(wc -l < "\(c.root)/data/history.jsonl")"
            echo "lastbyte=$(tail -c 1 "\(c.root)/data/history.jsonl" | od -An -tx1 | tr -d ' ')"
            sort "\(c.root)-acked" > "\(c.root)-a"; grep -o '"id":"[0-9a-f]*"' "\(c.root)/data/history.jsonl" | cut -d'"' -f4 | sort > "\(c.root)-b"
            echo "same=$(cmp -s "\(c.root)-a" "\(c.root)-b" && echo yes || echo no)"
            rm -f "\(c.root)-a" "\(c.root)-b" "\(c.root)-acked" "\(c.root)-err"
            "$SD" cards --json --data-dir "\(c.root)/data" > /dev/null 2> "\(c.root)-cards"; echo "cards=$? $(cat "\(c.root)-cards")"; rm -f "\(c.root)-cards"
            """)
        let facts = Dictionary(
            r.stdout.split(separator: "\n").compactMap { line -> (String, String)? in
                guard let eq = line.firstIndex(of: "=") else { return nil }
                return (String(line[..<eq]), String(line[line.index(after: eq)...]))
            }, uniquingKeysWith: { a, _ in a })
        #expect(facts["status"] == "1", "\(r.stdout) \(r.stderr)")
        #expect(
            facts["err"]?.hasSuffix(
                "/data/history.jsonl: cannot append: No space left on device; the answer was not saved and nothing was half-written (free some space, then answer again)"
            ) == true)
        #expect(Int(facts["acked"] ?? "") ?? 0 > 10)
        #expect(facts["acked"] == facts["lines"], "every acknowledged answer is on disk, and nothing else")
        #expect(facts["lastbyte"] == "0a", "the file ends on a whole line")
        #expect(facts["same"] == "yes")
        #expect(facts["cards"] == "0 ", "the full history still loads")
    }

    @Test func aReadOnlyFilesystemStillLoadsAndRefusesToWriteInOneLine() throws {
        let c = try BadInputCase()
        let r = try Self.inPrivateMount(
            """
            mount -t tmpfs -o size=1m tmpfs "\(c.root)" && mkdir "\(c.root)/data" || exit 99
            printf '%s\\n' '\(Self.line)' > "\(c.root)/data/history.jsonl"
            mount -o remount,ro "\(c.root)" || exit 98
            "$SD" cards --json --data-dir "\(c.root)/data" > /dev/null; echo "cards=$?"
            "$SD" history append-test --count 1 --data-dir "\(c.root)/data"; echo "append=$?"
            "$SD" config set --data-dir "\(c.root)/data" language zh; echo "config=$?"
            echo "lines=$(wc -l < "\(c.root)/data/history.jsonl") files=$(ls -A "\(c.root)/data" | tr '\\n' ' ')"
            """)
        #expect(r.stdout == "cards=0\nappend=1\nconfig=1\nlines=1 files=history.jsonl \n", "\(r.stderr)")
        let errors = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(errors.count == 3 && errors.last == "", "one line per failing command: \(r.stderr)")
        #expect(errors.first?.hasSuffix("/data/history.jsonl: cannot open the history for appending: Read-only file system") == true, "\(r.stderr)")
        #expect(errors.dropFirst().first?.contains("Read-only file system") == true, "\(r.stderr)")
    }

    // MARK: The clock going backwards

    @Test func answersOutOfOrderGiveTheSameStateAsInOrder() throws {
        let c = try BadInputCase()
        let ordered = [
            Self.event(1, at: "2026-11-20T10:00:00.000Z", rating: 3),
            Self.event(2, at: "2026-11-21T10:00:00.000Z", rating: 1),
            Self.event(3, at: "2026-11-22T10:00:00.000Z", rating: 4),
        ]
        // The machine's clock was set back between answers: the file order is not time order.
        try c.file("a/history.jsonl", ordered.joined(separator: "\n") + "\n")
        try c.file("b/history.jsonl", [ordered[2], ordered[0], ordered[1]].joined(separator: "\n") + "\n")
        let a = try StatusDeckProcess.run(["cards", "--json", "--now", "2026-11-23T00:00:00Z", "--data-dir", c.root + "/a"])
        let b = try StatusDeckProcess.run(["cards", "--json", "--now", "2026-11-23T00:00:00Z", "--data-dir", c.root + "/b"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.contains("\"reps\":3"))
        #expect(a.stdout.contains("\"last_review\":\"2026-11-22T10:00:00.000Z\""))
    }

    @Test func anAnswerEarlierThanTheLastOneIsKeptAndFolded() throws {
        let c = try BadInputCase()
        // The last answer was written by a machine whose clock ran a year ahead; this machine's
        // clock is now "behind" it. Appending must still work and keep both.
        try c.file("data/history.jsonl", Self.event(1, at: "2099-01-01T00:00:00.000Z") + "\n")
        let append = try StatusDeckProcess.run(["history", "append-test", "--count", "2", "--data-dir", c.data])
        #expect(append.status == 0)
        let cards = try StatusDeckProcess.run(["cards", "--json", "--data-dir", c.data])
        #expect(cards.status == 0)
        #expect(cards.stdout.contains("\"reps\":3"))
        #expect(cards.stdout.contains("\"last_review\":\"2099-01-01T00:00:00.000Z\""), "the latest instant wins, wherever it sits in the file")
    }

    // MARK: SIGKILL during an import

    @Test func sigkillDuringAnImportLosesNothingAndImportingAgainFinishesIt() throws {
        let c = try BadInputCase()
        // A large import is one big write; a kill can land inside it.
        var other = ""
        for n in 1...40_000 {
            other += Self.event(n, card: "card/\(n % 500)", at: "2026-11-22T10:00:00.000Z") + "\n"
        }
        let otherPath = try c.file("other.jsonl", other)
        try c.file("data/history.jsonl", Self.line + "\n")
        let importer = Process()
        importer.executableURL = StatusDeckProcess.executableURL
        importer.arguments = ["history", "import", "--data-dir", c.data, otherPath]
        importer.environment = ["SWIFT_BACKTRACE": "enable=no"]
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        // Kill it once its output has begun to land, or straight away if it has not yet.
        let history = c.data + "/history.jsonl"
        for _ in 0..<100_000 where ((try? FileManager.default.attributesOfItem(atPath: history)[.size] as? Int) ?? 0) <= Self.line.utf8.count + 1 {
            if !importer.isRunning { break }
        }
        kill(importer.processIdentifier, SIGKILL)
        importer.waitUntilExit()

        let cards = try StatusDeckProcess.run(["cards", "--json", "--data-dir", c.data])
        #expect(cards.status == 0, "what got out loads (a torn tail is set aside): \(cards.stderr)")
        let again = try StatusDeckProcess.run(["history", "import", "--data-dir", c.data, otherPath])
        #expect(again.status == 0, "\(again.stderr)")
        let lines = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 40_001, "every event exactly once")
        #expect(lines.first.map(String.init) == Self.line)
        let twice = try StatusDeckProcess.run(["history", "import", "--data-dir", c.data, otherPath])
        #expect(twice.status == 0)
        #expect(try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n").count == 40_001)
    }
}
