import ArgumentParser
import StatusDeckCore
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
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show every setting and what it accepts.")
        @OptionGroup var data: DataOptions

        func run() throws {
            let dir = try CommandContext.directory(data)
            let config = try CommandContext.loadConfig(ConfigStore(directory: dir))
            for key in StudyConfig.keys {
                print(Report.clean("\(key) = \(config.value(of: key) ?? "")"))
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Check a value and store it in DATA_DIR/config.",
            discussion: "Keys: " + StudyConfig.keys.joined(separator: ", ") + ".")
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
            do { try store.save(config) } catch { throw Report.fail(error) }
            print(Report.clean("\(key) = \(config.value(of: key) ?? "")"))
        }
    }
}
