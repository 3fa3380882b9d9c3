import ArgumentParser

/// Two shapes of command line people type that swift-argument-parser reads otherwise, put into
/// the shape it reads, before it reads them.
enum CommandLineShape {
    /// Options every data-touching command takes, which people also write before the command.
    static let global: Set<String> = ["--data-dir", "--lang"]

    static func normalize(_ arguments: [String]) -> [String] {
        negativeValuesJoined(globalOptionsMoved(arguments))
    }

    /// `statusdeck --data-dir X stats` → `statusdeck stats --data-dir X`: leading global options
    /// go after the command (and its subcommands), where they are declared. Without a command
    /// (the quiz, by default) they stay where they are.
    static func globalOptionsMoved(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            let name = String(a.split(separator: "=", maxSplits: 1).first ?? "")
            guard global.contains(name) else { break }
            leading.append(a)
            if !a.contains("="), i + 1 < arguments.count {
                leading.append(arguments[i + 1])
                i += 1
            }
            i += 1
        }
        guard !leading.isEmpty, i < arguments.count else { return arguments }
        var command: ParsableCommand.Type = StatusDeckCommand.self
        var end = i
        while end < arguments.count,
            let sub = command.configuration.subcommands.first(where: { $0.configuration.commandName == arguments[end] })
        {
            command = sub
            end += 1
        }
        guard end > i else { return arguments }
        return Array(arguments[i..<end]) + leading + Array(arguments[end...])
    }

    /// `--limit -3` → `--limit=-3`: the parser takes `-3` for an option and says the value is
    /// missing; joined, the command's own check says what was found and what it expects.
    static func negativeValuesJoined(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" {
                out += arguments[i...]
                break
            }
            if a.hasPrefix("--"), !a.contains("="), i + 1 < arguments.count, isNegativeNumber(arguments[i + 1]) {
                out.append(a + "=" + arguments[i + 1])
                i += 2
                continue
            }
            out.append(a)
            i += 1
        }
        return out
    }

    static func isNegativeNumber(_ s: String) -> Bool {
        guard s.hasPrefix("-"), s.count > 1 else { return false }
        return Double(s.dropFirst()) != nil && s.dropFirst().allSatisfy { $0.isNumber || $0 == "." }
    }
}
