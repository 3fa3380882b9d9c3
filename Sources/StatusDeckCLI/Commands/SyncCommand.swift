import ArgumentParser
import FoundationEssentials
import Glibc
import StatusDeckHistory
import StatusDeckStore

/// `statusdeck sync [DIR]`: study on several machines through a folder some tool shares.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Merge with your other machines through a shared folder (Syncthing, Dropbox, a git repo…).",
        discussion: """
            Reads every *.jsonl in DIR (other machines' files and the conflict copies a sync tool \
            makes) into the history by event id, then appends what DIR lacks to this machine's own \
            file there, DIR/<device id>.jsonl. No other file is ever written. With `sync_dir` set \
            in the config every command does this on its own.
            """)

    @OptionGroup var data: DataOptions
    @Argument(help: "The shared folder; default: `sync_dir` from the config.") var folder: String?
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let dir = try CommandContext.directory(data)
        let configured = try CommandContext.loadConfig(ConfigStore(directory: dir)).syncDir
        let chosen = folder ?? (configured.isEmpty ? nil : CommandContext.syncFolder(configured))
        guard let chosen else {
            throw Report.fail("no sync folder; expected `statusdeck sync DIR` or `statusdeck config set sync_dir DIR`", code: 2)
        }
        let store = HistoryStore(directory: dir, clock: CommandContext.now)
        CommandContext.prepareForWriting()
        let synced: HistoryStore.Synced
        let device: DeviceID
        do {
            device = try DeviceID.load(dir, random: { UInt64.random(in: 0...UInt64.max) })
            synced = try store.syncAndLoad(folder: chosen, device: device)
        } catch {
            throw Report.fail(error)
        }
        // A torn last line of our own history is set aside, with its warning, by the sync's read
        // of the history; a sync that did not read it leaves that to this load.
        if let loaded = synced.loaded {
            _ = CommandContext.reported(loaded, store)
        } else {
            _ = try CommandContext.loadHistory(store, sync: false)
        }
        let summary = synced.summary
        for warning in summary.warnings { Report.warn(warning) }
        if json {
            let warnings = summary.warnings.map(JSONString.quoted).joined(separator: ",")
            print(
                "{\"device\":\"\(device.text)\",\"file\":\(JSONString.quoted(summary.ownFile)),\"device_files\":\(summary.deviceFiles),"
                    + "\"unchanged\":\(summary.unchanged),\"merged\":\(summary.merged),\"appended\":\(summary.appended),\"warnings\":[\(warnings)]}")
        } else {
            // A sync that found nothing new read nothing: say why rather than "read 0 files".
            let unchanged = summary.unchanged == 0 ? "" : " (\(summary.unchanged) unchanged since the last sync)"
            print(
                Report.clean(
                    "read \(Report.count(summary.deviceFiles, "device file"))\(unchanged); merged \(Report.count(summary.merged, "new event")) "
                        + "into the history; appended \(summary.appended) to \(summary.ownFile)"))
        }
    }
}
