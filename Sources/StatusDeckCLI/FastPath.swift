import ArgumentParser
import StatusDeckCore

/// The everyday command lines, read by hand before swift-argument-parser is touched.
///
/// Building the parser's model of the command tree (reflection over every option of every
/// command, and the protocol-conformance lookups that come with it) was about two thirds of an
/// empty `stats`'s own work. The commands a person runs many times a day, `stats` and the bare
/// quiz, are recognised here in their plain forms and filled in without that model.
///
/// The rule that keeps this safe: recognise only what is fully understood, and answer nil for
/// anything else (an unknown or repeated token, `--help`, `-h`, `--`, a value that starts with
/// `-`, a value the option's own type rejects, a command that fails its own `validate()`), so the
/// parser reads it and says what it always said. The command built here is the same value the
/// parser builds; `FastPathTests` checks that over a table and over random command lines.
enum FastPath {
    /// The command for `arguments` (the program name not included), or nil to let the parser read them.
    static func command(_ arguments: [String]) -> ParsableCommand? {
        var tokens = Tokens(arguments)
        // The global options people also write before the command (see CommandLineShape).
        var global: [String: String] = [:]
        while let token = tokens.peek, !isCommandName(token) {
            guard let (name, value) = tokens.option(), name == "--data-dir" || name == "--lang", let value,
                global.updateValue(value, forKey: name) == nil
            else { return nil }
            if name == "--lang", Language(argument: value) == nil { return nil }
        }
        switch tokens.next() {
        case nil, "review":
            return review(&tokens, global: global)
        case "stats":
            // `stats` has no --lang: the parser's error says so.
            guard global["--lang"] == nil else { return nil }
            return stats(&tokens, global: global)
        default:
            return nil
        }
    }

    /// Only these commands have a fast path; any other word falls to the parser.
    private static func isCommandName(_ token: String) -> Bool {
        token == "review" || token == "stats"
    }

    /// `statusdeck [review] [--deck D] [--mode M] [--limit N] [--lang L] [--data-dir DIR]`.
    private static func review(_ tokens: inout Tokens, global: [String: String]) -> ParsableCommand? {
        guard
            let (flags, values) = tokens.options(
                flags: ["--exit-after-first-frame"], valued: ["--data-dir", "--deck", "--mode", "--limit", "--lang"], given: global)
        else { return nil }
        var command = ReviewCommand()
        var data = DataOptions()
        data.dataDir = values["--data-dir"]
        command.data = data
        command.deck = values["--deck"]
        if let lang = values["--lang"] {
            guard let parsed = Language(argument: lang) else { return nil }
            command.lang = parsed
        } else {
            command.lang = nil
        }
        if let mode = values["--mode"] {
            guard let parsed = QuizMode(argument: mode) else { return nil }
            command.mode = parsed
        } else {
            command.mode = nil
        }
        if let limit = values["--limit"] {
            guard let parsed = wholeNumber(limit) else { return nil }
            command.limit = parsed
        } else {
            command.limit = nil
        }
        command.exitAfterFirstFrame = flags.contains("--exit-after-first-frame")
        command.crashAfterFirstFrame = false
        // Its own check, as the parser would run it; a failure is left to the parser to report.
        guard (try? command.validate()) != nil else { return nil }
        return command
    }

    /// `statusdeck stats [--data-dir DIR] [--deck D] [--days N] [--json | --csv] [--now T]`.
    private static func stats(_ tokens: inout Tokens, global: [String: String]) -> ParsableCommand? {
        guard
            let (flags, values) = tokens.options(
                flags: ["--json", "--csv"], valued: ["--data-dir", "--deck", "--days", "--now"], given: global)
        else { return nil }
        var command = StatsCommand()
        var data = DataOptions()
        data.dataDir = values["--data-dir"]
        command.data = data
        command.deck = values["--deck"]
        if let days = values["--days"] {
            guard let parsed = wholeNumber(days) else { return nil }
            command.days = parsed
        } else {
            command.days = 30
        }
        command.json = flags.contains("--json")
        command.csv = flags.contains("--csv")
        command.now = values["--now"]
        guard (try? command.validate()) != nil else { return nil }
        return command
    }

    /// Plain decimal digits only: the parser's `Int` also takes `+5`, and a sign or an overflow is
    /// not worth a second reading here.
    private static func wholeNumber(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }

    /// The arguments, read one option at a time.
    struct Tokens {
        private let arguments: [String]
        private var index = 0

        init(_ arguments: [String]) { self.arguments = arguments }

        var isAtEnd: Bool { index >= arguments.count }
        var peek: String? { isAtEnd ? nil : arguments[index] }

        mutating func next() -> String? {
            defer { index += 1 }
            return peek
        }

        /// `--name`, `--name value` or `--name=value`, as (name, value). The value is the next
        /// token when the name is one that takes a value. Nil for anything that is not a plain
        /// long option, or whose value is missing, empty or looks like an option.
        mutating func option() -> (name: String, value: String?)? {
            guard let token = next(), token.hasPrefix("--"), token.count > 2 else { return nil }
            if let equals = token.firstIndex(of: "=") {
                let name = String(token[..<equals])
                let value = String(token[token.index(after: equals)...])
                guard FastPath.takesValue(name), Self.plainValue(value) else { return nil }
                return (name, value)
            }
            guard FastPath.takesValue(token) else { return (token, nil) }
            guard let value = next(), Self.plainValue(value) else { return nil }
            return (token, value)
        }

        /// The rest of the arguments as a command's options: each of `flags` without a value,
        /// each of `valued` with one, every name at most once and none already `given` (the
        /// global options read before the command, which come back among the values). Nil for
        /// anything else, which the parser is left to read.
        mutating func options(
            flags: Set<String>, valued: Set<String>, given: [String: String]
        )
            -> (flags: Set<String>, values: [String: String])?
        {
            var seenFlags: Set<String> = []
            var values = given
            while !isAtEnd {
                guard let (name, value) = option() else { return nil }
                if flags.contains(name) {
                    guard value == nil, seenFlags.insert(name).inserted else { return nil }
                } else {
                    guard valued.contains(name), let value, values.updateValue(value, forKey: name) == nil else { return nil }
                }
            }
            return (seenFlags, values)
        }

        private static func plainValue(_ value: String) -> Bool {
            !value.isEmpty && !value.hasPrefix("-")
        }
    }

    /// The options of the fast commands that take a value; every other `--name` is a flag or unknown.
    static func takesValue(_ name: String) -> Bool {
        switch name {
        case "--data-dir", "--lang", "--deck", "--mode", "--limit", "--days", "--now": true
        default: false
        }
    }
}
