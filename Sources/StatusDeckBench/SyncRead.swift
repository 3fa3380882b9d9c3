import FSRS
import Foundation
import StatusDeckHistory
import StatusDeckStore

/// What a sync costs a machine that is up to date: the generated history split line by line
/// over 5 device files in a folder, a data dir that already holds all of it, and
/// `HistoryStore.sync` finding nothing new, with the last sync's state (what every command pays
/// first when `sync_dir` is set) and without it (every file read, as when one changed). Both are
/// set beside a load of the same history (with its snapshot), timed in the same process and runs.
enum SyncRead {
    struct Result {
        /// With the last sync's state: nothing is read.
        var sync: Samples
        /// Without it: every device file is read, as after another machine's file changed.
        var fullSync: Samples
        /// A command's start with nothing new: the sync, then the load (the sync reads no history).
        var quietStart: Samples
        /// A command's start after another machine added `grownBy` answers to its file: the sync
        /// reads and merges those and hands over the history it read, so there is no second load.
        var grownSync: Samples
        var load: Samples
        /// The same history loaded with no snapshot: the parse of a million lines that a sync
        /// reading every file must do as well.
        var coldLoad: Samples
        /// A machine with an empty data dir joining the folder: every event is new to it, is
        /// added to its history and written to its history file.
        var newMachine: Samples
        var events: Int
    }

    static let deviceFiles = 5
    static let grownBy = 100

    static func run(history: String, work: String, runs: Int) throws(BenchError) -> Result {
        let manager = FileManager.default
        let data = work + "/data", folder = work + "/Sync"
        try? manager.removeItem(atPath: work)
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try manager.createDirectory(atPath: data, withIntermediateDirectories: true)
            try manager.copyItem(atPath: history, toPath: data + "/history.jsonl")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: history))
            var parts = Array(repeating: Data(), count: deviceFiles)
            var line = 0
            var start = bytes.startIndex
            while let newline = bytes[start...].firstIndex(of: 0x0a) {
                parts[line % deviceFiles].append(bytes[start...newline])
                line += 1
                start = newline + 1
            }
            for (i, part) in parts.enumerated() {
                try part.write(to: URL(fileURLWithPath: folder + "/" + DeviceID(random: UInt64(i + 1)).text + ".jsonl"))
            }
        } catch {
            throw BenchError("\(work): cannot lay out the sync folder (\(error.localizedDescription))")
        }
        let store = HistoryStore(directory: DataDirectory(path: data), clock: { Instant(milliseconds: 0) })
        let device = DeviceID(random: 0xbe7c4)
        var result = Result(
            sync: Samples(), fullSync: Samples(), quietStart: Samples(), grownSync: Samples(), load: Samples(), coldLoad: Samples(), newMachine: Samples(),
            events: 0)
        // A second data dir holding the history alone, loaded without a snapshot and never writing one.
        let cold = work + "/cold"
        do {
            try manager.createDirectory(atPath: cold, withIntermediateDirectories: true)
            try manager.linkItem(atPath: data + "/history.jsonl", toPath: cold + "/history.jsonl")
        } catch {
            throw BenchError("\(cold): cannot make it (\(error.localizedDescription))")
        }
        let coldStore = HistoryStore(directory: DataDirectory(path: cold), clock: { Instant(milliseconds: 0) }, snapshotAfter: .max)
        do {
            // The first load writes the snapshot every later one starts from; the first sync
            // creates this machine's (empty) file.
            _ = try store.load().wroteSnapshot
            let first = try store.sync(folder: folder, device: device)
            guard first.merged == 0, first.appended == 0, first.deviceFiles == deviceFiles else {
                throw BenchError("the first sync merged \(first.merged) and appended \(first.appended); expected nothing")
            }
            for _ in 0..<runs {
                // Only the count is kept: a history still held would make the next load's memory come fresh from the kernel.
                let (count, loadSeconds) = try MonotonicClock.time { () throws(StoreError) in try store.load().history.count }
                result.load.add(loadSeconds)
                // Right after the load, in the same state of the caches, so the two compare.
                let (_, quietSeconds) = try MonotonicClock.time { () throws(StoreError) in try commandStart(store, folder, device) }
                result.quietStart.add(quietSeconds)
                let (_, coldSeconds) = try MonotonicClock.time { () throws(StoreError) in try coldStore.load() }
                result.coldLoad.add(coldSeconds)
                if result.events == 0 { result.events = count }  // before any file grew
                let (summary, syncSeconds) = try MonotonicClock.time { () throws(StoreError) in
                    try store.sync(folder: folder, device: device)
                }
                guard summary.merged == 0, summary.appended == 0 else { throw BenchError("a sync of an up-to-date machine changed something") }
                result.sync.add(syncSeconds)
                unlink(data + "/sync.state")
                let (full, fullSeconds) = try MonotonicClock.time { () throws(StoreError) in
                    try store.sync(folder: folder, device: device)
                }
                guard full.merged == 0, full.appended == 0 else { throw BenchError("a full sync of an up-to-date machine changed something") }
                result.fullSync.add(fullSeconds)
                // Another machine studied: its file gains answers with new ids (a copy of one
                // line with the id changed), and the sync reads and merges only those.
                try grow(folder + "/" + DeviceID(random: 1).text + ".jsonl", run: result.grownSync.count)
                let (grown, grownSeconds) = try MonotonicClock.time { () throws(StoreError) in
                    try commandStart(store, folder, device)
                }
                guard grown.merged == grownBy, grown.deviceFiles == 1 else {
                    throw BenchError("the sync after a file grew read \(grown.deviceFiles) files and merged \(grown.merged); expected 1 and \(grownBy)")
                }
                result.grownSync.add(grownSeconds)
            }
            // Run after the rest, on a folder that by now holds the grown answers too.
            for run in 0..<runs {
                let fresh = work + "/new-\(run)"
                try manager.createDirectory(atPath: fresh, withIntermediateDirectories: true)
                let store = HistoryStore(directory: DataDirectory(path: fresh), clock: { Instant(milliseconds: 0) })
                let (summary, seconds) = try MonotonicClock.time { () throws(StoreError) in
                    try store.sync(folder: folder, device: DeviceID(random: 0x5eed_0000 + UInt64(run)))
                }
                guard summary.merged >= result.events else {
                    throw BenchError("a new machine's first sync merged \(summary.merged) events; expected \(result.events) or more")
                }
                result.newMachine.add(seconds)
                try manager.removeItem(atPath: fresh)
                // Its own (empty) device file would be read by the next run: remove it too.
                try manager.removeItem(atPath: folder + "/" + DeviceID(random: 0x5eed_0000 + UInt64(run)).text + ".jsonl")
            }
        } catch let error as BenchError {
            throw error
        } catch {
            throw BenchError("\(error)")
        }
        return result
    }

    /// What every command does first when `sync_dir` is set (`CommandContext.loadHistory`).
    static func commandStart(_ store: HistoryStore, _ folder: String, _ device: DeviceID) throws(StoreError) -> HistoryStore.SyncSummary {
        let synced = try store.syncAndLoad(folder: folder, device: device)
        if synced.loaded == nil { _ = try store.load() }
        return synced.summary
    }

    /// Appends `grownBy` answers to `path`, each its first line with a new id.
    static func grow(_ path: String, run: Int) throws(BenchError) {
        guard let handle = FileHandle(forUpdatingAtPath: path), let data = try? Data(contentsOf: URL(fileURLWithPath: path)),
            let end = data.firstIndex(of: 0x0a), let first = String(data: data[..<end], encoding: .utf8),
            let idStart = first.range(of: "\"id\":\"")
        else { throw BenchError("\(path): cannot grow it") }
        let after = first[idStart.upperBound...].dropFirst(32)
        var lines = ""
        for k in 0..<grownBy {
            let hex = String(UInt64(run * grownBy + k), radix: 16)
            lines += first[..<idStart.upperBound] + "beec" + String(repeating: "0", count: 28 - hex.count) + hex + after + "\n"
        }
        handle.seekToEndOfFile()
        handle.write(Data(lines.utf8))
        handle.closeFile()
    }
}
