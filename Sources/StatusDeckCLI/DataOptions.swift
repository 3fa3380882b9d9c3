import ArgumentParser

public struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Where history and config live.") public var dataDir: String?
    public init() {}
}
