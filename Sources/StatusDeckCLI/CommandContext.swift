import ArgumentParser
import FSRS
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckHistory
import StatusDeckStore

/// The world a command runs in: the real clock, the data dir, and the history and config loaded
/// with the messages their problems deserve.
enum CommandContext {
    static func now() -> Instant {
        Instant(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// The local zone's offset from UTC at `instant`, in seconds, as the C library sees it (TZ,
    /// else /etc/localtime). Not Foundation's TimeZone.current: finding the current zone there
    /// cost about a fifth of an empty `stats`'s own work, and the day boundary needs only this.
    static func utcOffsetSeconds(at instant: Instant) -> Int {
        var seconds = time_t(instant.milliseconds / 1000)
        var local = tm()
        guard localtime_r(&seconds, &local) != nil else { return 0 }
        return Int(local.tm_gmtoff)
    }

    /// The instant a `--now` option names, or the real clock when it is absent; a malformed
    /// value is bad input (exit 2).
    static func instant(fromNowOption now: String?) throws -> Instant {
        guard let now else { return CommandContext.now() }
        guard let parsed = RFC3339.parse(now) else {
            throw Report.fail("--now `\(now)`; expected an RFC 3339 instant like 2026-11-22T10:00:00Z", code: 2)
        }
        return parsed
    }

    static func directory(_ options: DataOptions) throws -> DataDirectory {
        guard let dir = DataDirectory.resolve(explicit: options.dataDir, environment: ProcessEnvironment.dataDirectory()) else {
            throw Report.fail("no data directory: HOME is not set; expected --data-dir DIR or $STATUSDECK_HOME", code: 2)
        }
        // A file where the data dir belongs is the user's mistake, not the disk's.
        var isDirectory = false
        if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory), !isDirectory {
            throw Report.fail("\(dir.path): found a file; expected a folder for the data dir (--data-dir)", code: 2)
        }
        return dir
    }

    /// A write past RLIMIT_FSIZE would kill the process with SIGXFSZ before write(2) can
    /// return EFBIG; ignoring it turns the limit into an error the store reports cleanly.
    static func prepareForWriting() {
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Loads the history, after a sync with the `sync_dir` of the config when one is set
    /// (`sync: false` for the `sync` command itself, which reports its own errors). A sync that
    /// read the history whole hands it over, so the command reads it once.
    static func loadHistory(_ store: HistoryStore, sync: Bool = true) throws -> History {
        prepareForWriting()  // a load may set a torn tail aside, which writes
        if sync, let synced = autoSync(store) { return reported(synced, store) }
        let loaded: HistoryStore.Loaded
        do {
            loaded = try store.load()
        } catch .input(let e) where e.path == store.path && e.line != nil {
            // A bad line stops every command until it is dealt with: say how.
            throw Report.fail(e.description + "; `statusdeck history repair` moves bad lines aside", code: 2)
        } catch {
            throw Report.fail(error)
        }
        return reported(loaded, store)
    }

    /// The history of a load, its torn tail reported.
    static func reported(_ loaded: HistoryStore.Loaded, _ store: HistoryStore) -> History {
        if let saved = loaded.tornTailSavedAs {
            Report.warn("\(store.path): the last line had no newline (a write was interrupted); moved it to \(saved)")
        } else if loaded.tornTailLeftInPlace {
            Report.warn("\(store.path): the last line has no newline (a write was interrupted); it is ignored and left in place because the file is read-only")
        }
        return loaded.history
    }

    /// Syncs with the config's `sync_dir`, if it names one, and returns the history when the
    /// sync read it. Never fails the command: a folder that is missing (a share not mounted, a
    /// tool not yet started) or a file the tool damaged is one warning line, and the command
    /// goes on with the local history.
    static func autoSync(_ store: HistoryStore) -> HistoryStore.Loaded? {
        // A config that does not load is reported by the command's own load, in its words.
        guard let config = try? ConfigStore(directory: store.directory).load(), !config.syncDir.isEmpty else { return nil }
        let folder = syncFolder(config.syncDir)
        do {
            let device = try DeviceID.load(store.directory, random: { UInt64.random(in: 0...UInt64.max) })
            let synced = try store.syncAndLoad(folder: folder, device: device)
            for warning in synced.summary.warnings { Report.warn(warning) }
            return synced.loaded
        } catch {
            Report.warn("sync_dir \(error.description); not synced this time")
            return nil
        }
    }

    /// The config's `sync_dir` as a path: `~/` is the home folder.
    static func syncFolder(_ configured: String) -> String {
        guard configured.hasPrefix("~/"), let home = ProcessEnvironment.values("HOME")["HOME"], !home.isEmpty else { return configured }
        return home + configured.dropFirst()
    }

    static func loadConfig(_ store: ConfigStore) throws -> StudyConfig {
        do { return try store.load() } catch { throw Report.fail(error) }
    }

    /// The settings to study with: the config file, then the history's setting events for the
    /// settings that follow the learner (`EffectiveStudyConfig`). An event whose value the
    /// settings refuse is skipped with one warning naming its line.
    static func effectiveConfig(_ file: StudyConfig, history: History, store: HistoryStore) -> EffectiveStudyConfig {
        let effective = EffectiveStudyConfig(file: file, settings: history.settings)
        for (event, error) in effective.refused {
            var e = error
            e.path = store.path
            e.line = store.line(of: event.id)
            let kept = effective.config.value(of: event.key) ?? ""
            Report.warn("\(e.description); the setting is ignored and \(event.key) stays \(kept)")
        }
        return effective
    }

    /// `effectiveConfig(_:history:store:)`'s settings alone.
    static func studyConfig(_ file: StudyConfig, history: History, store: HistoryStore) -> StudyConfig {
        effectiveConfig(file, history: history, store: store).config
    }
}
