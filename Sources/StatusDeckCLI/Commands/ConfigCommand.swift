import ArgumentParser
import FSRS
import StatusDeckCore
import StatusDeckHistory
import StatusDeckStore

/// `statusdeck config`: show the study settings; `config set KEY VALUE` changes one.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the study settings, or change one with `config set KEY VALUE`.",
        subcommands: [Show.self, Set.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show every setting in effect, and where a synced one came from.")
        @OptionGroup var data: DataOptions

        func run() throws {
            let dir = try CommandContext.directory(data)
            let file = try CommandContext.loadConfig(ConfigStore(directory: dir))
            let store = HistoryStore(directory: dir, clock: CommandContext.now)
            let history = try CommandContext.loadHistory(store)
            let effective = CommandContext.effectiveConfig(file, history: history, store: store)
            for key in StudyConfig.keys {
                print(Report.clean(Self.line(key, effective, file: file)))
            }
        }

        /// `key = value`, and for a value a setting event decided over a config file that says
        /// otherwise, a comment saying so (the output stays a valid config file).
        static func line(_ key: String, _ effective: EffectiveStudyConfig, file: StudyConfig) -> String {
            let value = effective.config.value(of: key) ?? ""
            guard let event = effective.fromEvents[key], let own = file.value(of: key), own != value else {
                return "\(key) = \(value)"
            }
            return "\(key) = \(value)  # synced: set \(RFC3339.format(event.at)); this machine's config file says \(own)"
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Check a value and store it in DATA_DIR/config (and the history, for a synced key).",
            discussion: "Keys: " + StudyConfig.keys.joined(separator: ", ") + ". All but "
                + StudyConfig.machineLocalKeys.sorted().joined(separator: " and ")
                + " follow you to your other machines as an event in the history.")
        @OptionGroup var data: DataOptions
        @Argument(help: "The setting to change.") var key: String
        @Argument(parsing: .remaining, help: "Its new value (several words are joined with spaces).") var value: [String]

        func run() throws {
            let dir = try CommandContext.directory(data)
            let store = ConfigStore(directory: dir)
            var config = try CommandContext.loadConfig(store)
            do {
                try config.set(key, to: value.joined(separator: " "))
            } catch {
                throw Report.fail(error.description, code: 2)
            }
            CommandContext.prepareForWriting()
            let stored = config.value(of: key) ?? ""
            if StudyConfig.isSynced(key) {
                try Self.appendEvent(key: key, value: stored, directory: dir)
            }
            do { try store.save(config) } catch { throw Report.fail(error) }
            print(Report.clean("\(key) = \(stored)"))
            // Straight to the sync folder, as the quiz does with answers when it ends.
            if StudyConfig.isSynced(key) { _ = CommandContext.autoSync(HistoryStore(directory: dir, clock: CommandContext.now)) }
        }

        /// Appends the setting event that carries a synced setting to the other machines, before
        /// the file is written: the event is what decides the value, so a failure here leaves
        /// the setting as it was, on this machine and every other.
        static func appendEvent(key: String, value: String, directory: DataDirectory) throws {
            do { try directory.create() } catch { throw Report.fail(error) }
            var ids = SystemRandomNumberGenerator()
            let event = SettingEvent(id: EventID.random(using: &ids), at: CommandContext.now(), key: key, value: value)
            do {
                try HistoryStore(directory: directory, clock: CommandContext.now).append(.setting(event))
            } catch {
                throw Report.fail(error)
            }
        }
    }
}
