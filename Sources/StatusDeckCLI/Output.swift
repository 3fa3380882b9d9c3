import ArgumentParser
import FSRS
import Foundation
import StatusDeckCore
import StatusDeckHistory
import StatusDeckStore

/// The CLI's edge to the world: the real clock, random ids, stderr, and exit codes.
enum Output {
    /// Text from history, config or decks, made safe for a terminal as one line, through the
    /// shared `TerminalText`, so a crafted card id cannot drive the terminal.
    static func clean(_ s: String) -> String {
        TerminalText.sanitizeLine(s)
    }

    static func warn(_ message: String) {
        writeStandardError("statusdeck: warning: " + clean(message) + "\n")
    }

    /// Prints one line and exits with the store's code (2 bad input, 1 runtime).
    static func fail(_ error: StoreError) -> ExitCode {
        writeStandardError(clean(error.description) + "\n")
        return ExitCode(error.exitCode)
    }

    static func fail(_ message: String, code: Int32) -> ExitCode {
        writeStandardError(clean(message) + "\n")
        return ExitCode(code)
    }

    static func now() -> Instant {
        Instant(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// The instant a `--now` option names, or the real clock when it is absent; a malformed
    /// value is bad input (exit 2).
    static func instant(fromNowOption now: String?) throws -> Instant {
        guard let now else { return Output.now() }
        guard let parsed = RFC3339.parse(now) else {
            throw fail("--now `\(now)`; expected an RFC 3339 instant like 2026-11-22T10:00:00Z", code: 2)
        }
        return parsed
    }

    static func directory(_ options: DataOptions) throws -> DataDirectory {
        guard let dir = DataDirectory.resolve(explicit: options.dataDir, environment: ProcessInfo.processInfo.environment) else {
            throw fail("no data directory: HOME is not set; expected --data-dir DIR or $STATUSDECK_HOME", code: 2)
        }
        // A file where the data dir belongs is the user's mistake, not the disk's.
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw fail("\(dir.path): found a file; expected a folder for the data dir (--data-dir)", code: 2)
        }
        return dir
    }

    /// A write past RLIMIT_FSIZE would kill the process with SIGXFSZ before write(2) can
    /// return EFBIG; ignoring it turns the limit into an error the store reports cleanly.
    static func prepareForWriting() {
        signal(SIGXFSZ, SIG_IGN)
    }

    static func loadHistory(_ store: HistoryStore) throws -> History {
        prepareForWriting()  // a load may set a torn tail aside, which writes
        let loaded: HistoryStore.Loaded
        do {
            loaded = try store.load()
        } catch .input(let e) where e.path == store.path && e.line != nil {
            // A bad line stops every command until it is dealt with: say how.
            throw fail(e.description + "; `statusdeck history repair` moves bad lines aside", code: 2)
        } catch {
            throw fail(error)
        }
        if let saved = loaded.tornTailSavedAs {
            warn("\(store.path): the last line had no newline (a write was interrupted); moved it to \(saved)")
        } else if loaded.tornTailLeftInPlace {
            warn("\(store.path): the last line has no newline (a write was interrupted); it is ignored and left in place because the file is read-only")
        }
        return loaded.history
    }

    /// "1 line", "3 lines".
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    static func loadConfig(_ store: ConfigStore) throws -> StudyConfig {
        do { return try store.load() } catch { throw fail(error) }
    }
}
