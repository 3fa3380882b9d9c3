import ArgumentParser
import CTerminalSignals
import FSRS
import FoundationEssentials
import StatusDeckCore
import StatusDeckExport
import StatusDeckHistory
import StatusDeckStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `statusdeck export`: a deck (or all of them) as an Anki package, Anki text, CSV, JSON or a
/// Markdown study sheet, optionally with the review history.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write decks as an Anki package, Anki text, CSV, JSON or a Markdown study sheet.",
        discussion: """
            Without --deck or --all, exports the full deck in your configured language \
            (http-all-en or http-all-zh). The file is written next to its final name and renamed \
            into place; an existing file is kept unless --force is given. -o - writes to standard \
            output (an apkg only to a pipe or file, never to a terminal).
            """
    )

    @OptionGroup var data: DataOptions

    @Option(name: .customLong("deck"), help: "The deck to export: an id from `statusdeck decks`, or a path to a .deck file.")
    var deck: String?

    @Flag(name: .customLong("all"), help: "Export every deck: the built-in ones and yours.")
    var all = false

    @Option(name: .customLong("format"), help: "apkg, tsv, csv, json or md.")
    var format: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "The file to write, or - for standard output (default: DECK.FORMAT here).")
    var output: String?

    @Flag(name: .customLong("force"), help: "Replace the output file if it exists.")
    var force = false

    @Flag(name: .customLong("with-history"), help: "Include each card's schedule and review history.")
    var withHistory = false

    func run() throws {
        do {
            try export()
        } catch let failure as Failure {
            writeStandardError(Self.terminalSafe(failure.message, keepLines: false) + "\n")
            throw ExitCode(failure.code)
        }
    }

    struct Failure: Error {
        var message: String
        var code: Int32
    }

    private func export() throws {
        guard let format = ExportFormat(rawValue: format) else {
            throw Failure(message: "--format \(format): found an unknown format; expected one of apkg, tsv, csv, json, md", code: 2)
        }
        if all && deck != nil {
            throw Failure(message: "--deck \(MessageText.visible(deck ?? "")) with --all: found both; expected one of them, or neither", code: 2)
        }
        let toStdout = output == "-"
        if toStdout && format.isBinary && isatty(STDOUT_FILENO) == 1 {
            throw Failure(message: "-o -: found a terminal on standard output; expected a pipe or a file for an apkg (or -o FILE)", code: 2)
        }
        let environment = ProcessInfo.processInfo.environment
        let directory = DataDirectory.resolve(explicit: data.dataDir, environment: environment)
        let config = try loadConfig(directory)
        let decks = try selectDecks(directory, language: config.language.rawValue)

        let now = Self.clock()
        var history: ExportHistory?
        if withHistory {
            guard let directory else {
                throw Failure(message: "--with-history: found no data directory; expected --data-dir DIR, $STATUSDECK_HOME or $HOME", code: 2)
            }
            history = try loadHistory(directory, config: config)
        }
        let exportDecks = ExportDeck.decks(decks, history: history, language: config.language.rawValue)
        // A file size limit would kill us mid-write (SIGXFSZ) and leave the temporary behind.
        CommandContext.prepareForWriting()
        // Ctrl-C (and SIGTERM, SIGHUP) only set a flag: the export stops at the next row, removes
        // its scratch folder and exits 128 + the signal, instead of dying with the folder left behind.
        let interrupt = Interrupt()

        if toStdout {
            // Built in a scratch folder under the temporary directory, then copied out. A terminal
            // gets the text with control characters defused; a pipe or a file gets the exact
            // bytes, so `export -o - > file` equals `export -o file`.
            guard let folder = ScratchFolder.make(TemporaryDirectory.path + "/statusdeck-export") else {
                throw Failure(message: "\(TemporaryDirectory.path): cannot create a temporary folder: \(String(cString: strerror(errno)))", code: 1)
            }
            defer { ScratchFolder.remove(folder) }
            let file = try produce(format, exportDecks, now: now, in: folder, target: "standard output", mode: 0o600, interrupt: interrupt)
            do {
                if isatty(STDOUT_FILENO) == 1 {
                    let bytes = FileManager.default.contents(atPath: file) ?? Data()
                    try Self.writeToStandardOutput(Array(Self.displayable(String(decoding: bytes, as: UTF8.self)).utf8)[...])
                } else {
                    // A pipe or a file: the exact bytes, a MiB at a time, never the whole export at once.
                    let input = open(file, O_RDONLY | O_CLOEXEC)
                    guard input >= 0 else {
                        throw Failure(message: "standard output: cannot read the export back", code: 1)
                    }
                    defer { close(input) }
                    var chunk = [UInt8](repeating: 0, count: 1 << 20)
                    while true {
                        let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                        if n < 0 && errno == EINTR { continue }
                        if n < 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                        if n == 0 { break }
                        try Self.writeToStandardOutput(chunk[..<n])
                    }
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure(message: "standard output: cannot write: \(SystemReason.of(error))", code: 1)
            }
            return
        }
        let path = output ?? "\(all ? "statusdeck-all" : decks.first?.id ?? "statusdeck").\(format.fileExtension)"
        // The review history is personal: only its owner may read an export that carries it.
        let mode: mode_t = withHistory ? 0o600 : 0o644
        do {
            try ExportWriter.write(to: path, force: force, mode: mode) { folder in
                try produce(format, exportDecks, now: now, in: folder, target: path, mode: mode, interrupt: interrupt)
            }
        } catch let error as ExportWriter.Failure {
            throw Failure(message: error.description, code: error.exitCode)
        }
        // The Anki formats hold each guid once (see AnkiCollection.uniqueNotes).
        let cards =
            format == .apkg || format == .tsv
            ? Set(exportDecks.flatMap { $0.notes.map(\.guid) }).count
            : exportDecks.reduce(0) { $0 + $1.notes.count }
        let message = "wrote \(path): \(decks.count) deck\(decks.count == 1 ? "" : "s"), \(cards) card\(cards == 1 ? "" : "s")"
        writeStandardError(Self.terminalSafe(message, keepLines: false) + "\n")
    }

    /// Writes the export into `folder` and returns the file's path: the apkg through its SQLite
    /// file, the text formats a piece at a time through a buffered file.
    private func produce(
        _ format: ExportFormat, _ decks: [ExportDeck], now: Instant, in folder: String, target: String, mode: mode_t,
        interrupt: Interrupt
    ) throws -> String {
        do {
            if format == .apkg {
                let file = folder + "/package.apkg"
                try AnkiPackageEncoder.write(
                    decks, exportedAt: now, withHistory: withHistory, to: file, scratch: folder, cancelled: interrupt.caught)
                return file
            }
            let file = try TextFile(in: folder, for: target, mode: mode)
            switch format {
            case .apkg: break
            case .tsv: try file.write(AnkiTextEncoder.encode(decks))
            case .csv: try CSVEncoder.encode(decks, withHistory: withHistory, into: file.write)
            case .json: try JSONExportEncoder.encode(decks, exportedAt: now, withHistory: withHistory, into: file.write)
            case .md: try file.write(MarkdownEncoder.encode(decks, exportedAt: now))
            }
            if interrupt.caught() { throw ExportError.cancelled }
            return try file.finish()
        } catch ExportError.cancelled {
            // As a shell reports a process the signal ended: 130 for SIGINT, 143 SIGTERM, 129 SIGHUP.
            throw Failure(message: ExportError.cancelled.description, code: 128 + interrupt.signal)
        } catch let error as ExportError {
            throw Failure(message: error.description, code: 1)
        } catch let error as ExportWriter.Failure {
            throw Failure(message: error.description, code: error.exitCode)
        }
    }

    /// The study settings, for the default deck's language and the scheduler; defaults without a data dir.
    private func loadConfig(_ directory: DataDirectory?) throws -> StudyConfig {
        guard let directory else { return StudyConfig() }
        do {
            return try ConfigStore(directory: directory).load()
        } catch {
            throw Failure(message: error.description, code: error.exitCode)
        }
    }

    private func loadHistory(_ directory: DataDirectory, config: StudyConfig) throws -> ExportHistory {
        let loaded: HistoryStore.Loaded
        let store = HistoryStore(directory: directory, clock: Self.clock, snapshotInBackground: true)
        do {
            loaded = try store.load()
        } catch {
            throw Failure(message: error.description, code: error.exitCode)
        }
        // The scheduler the other commands use: the file's settings with the synced ones applied.
        let config = CommandContext.studyConfig(config, history: loaded.history, store: store)
        let scheduler: Scheduler
        do {
            scheduler = try Scheduler(config.schedulerConfiguration)
        } catch {
            throw Failure(message: "\(directory.configPath): \(error)", code: 2)
        }
        return ExportHistory(history: loaded.history, scheduler: scheduler)
    }

    @Sendable static func clock() -> Instant {
        Instant(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// The decks asked for: one by id or path, every deck, or the full deck in `language`.
    private func selectDecks(_ directory: DataDirectory?, language: String) throws -> [Deck] {
        let builtIn = BuiltInDecks.all()
        if let deck, deck.hasSuffix(".deck") || deck.contains("/") {
            return [try load(path: deck)]
        }
        let wanted = deck ?? "http-all-\(language)"
        if !all, let found = builtIn.first(where: { $0.id == wanted }) { return [found] }
        let userPaths = directory.map(DeckDirectory.userDeckPaths(in:)) ?? []
        let user = try userPaths.map { path in try load(path: path, inDataDir: true) }
        if all { return builtIn + user }
        if let found = user.first(where: { $0.id == wanted }) { return [found] }
        let known = (builtIn + user).map(\.id).joined(separator: ", ")
        // Like every other command's messages: a control character in the name shows as \u{1B}.
        throw Failure(message: "--deck \(MessageText.visible(wanted)): found no such deck; expected one of \(known)", code: 2)
    }

    private func load(path: String, inDataDir: Bool = false) throws -> Deck {
        do {
            return try DeckDirectory.load(path: path, inDataDir: inDataDir)
        } catch {
            let disk = if case .unreadable = error { true } else { false }
            throw Failure(message: error.description, code: disk ? 1 : 2)
        }
    }

    /// Text for a terminal: the tabs and line breaks that give TSV and CSV their shape are kept,
    /// every other control character (escape sequences start with one) becomes U+FFFD.
    static func displayable(_ text: String) -> String { terminalSafe(text, keepLines: true) }

    /// All of `bytes` to file descriptor 1 with write(2), or the system's error that stopped it
    /// (FileHandle's write, which did this before, lives in corelibs Foundation).
    static func writeToStandardOutput(_ bytes: ArraySlice<UInt8>) throws(POSIXError) {
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return errno }
                offset += n
            }
            return nil
        }
        if let failure { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
    }

    /// Unlike `TerminalText.sanitize`, which turns tabs into spaces, this keeps the tabs and line
    /// breaks a TSV or CSV needs: control, bidi and invisible format characters become U+FFFD;
    /// `\r\n` becomes `\n`.
    static func terminalSafe(_ text: String, keepLines: Bool) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x0A where keepLines, 0x09 where keepLines:
                out.append(scalar)
            case 0x0D where keepLines && i + 1 < scalars.count && scalars[i + 1].value == 0x0A:
                continue
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029:
                out.append("\u{FFFD}")
            default:
                switch scalar.properties.generalCategory {
                case .format, .privateUse, .unassigned, .surrogate: out.append("\u{FFFD}")
                default: out.append(scalar)
                }
            }
        }
        return String(out)
    }
}

/// The quit signals, caught while an export runs: the handler only sets a flag (CTerminalSignals),
/// which the export asks between rows, so a Ctrl-C still cleans up before the process exits.
final class Interrupt: @unchecked Sendable {
    private(set) var signal: Int32 = 0

    init() { _ = sd_install_quit_handlers() }

    /// Whether a quit signal has come since the export began.
    func caught() -> Bool {
        if signal == 0 { signal = sd_take_signal() }
        return signal != 0
    }
}
