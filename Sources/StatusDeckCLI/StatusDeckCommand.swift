import ArgumentParser
import StatusDeckCore

/// `statusdeck`: learn HTTP status codes by spaced repetition.
public struct StatusDeckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "statusdeck",
        abstract: "Learn HTTP status codes by spaced repetition, in the terminal.",
        version: StatusDeckVersion.current,
        subcommands: [
            ReviewCommand.self, DecksCommand.self, GenerateCommand.self, CatalogCommand.self,
            CardsCommand.self, BrowseCommand.self, ConfigCommand.self, HistoryCommand.self, ExportCommand.self,
            StatsCommand.self, OptimizeCommand.self, ImportCommand.self, SyncCommand.self,
        ],
        // Bare `statusdeck` is the quiz: the thing a person runs every day.
        defaultSubcommand: ReviewCommand.self
    )

    public init() {}
}
