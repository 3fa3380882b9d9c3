import FSRS
import StatusDeckHistory

/// The user's study settings: what the `config` file in the data dir holds.
///
/// The file is `key = value` lines; `#` starts a comment; blank lines are ignored; keys left out
/// take their defaults. Every value is checked against a documented range so a typo is caught
/// when it is written, not weeks later in a schedule.
public struct StudyConfig: Equatable, Sendable {
    public var desiredRetention: Double = 0.9
    /// Seconds between learning steps.
    public var learningSteps: [Int64] = [60, 600]
    /// Seconds between relearning steps after a lapse.
    public var relearningSteps: [Int64] = [600]
    /// Days.
    public var maximumInterval: Int = 36_500
    public var parameters: [Double] = SchedulerConfiguration.defaultParameters
    public var fuzz: Bool = true
    public var newPerDay: Int = 20
    public var reviewsPerDay: Int = 200
    /// Local hour (0–23) at which a new study day begins, as in Anki.
    public var dayStartsAt: Int = 4
    /// The language of the interface and of the default deck.
    public var language: Language = .en
    /// The longest an answer counts as taking, like Anki's "maximum answer seconds": a card left
    /// open over lunch records this, not an hour, and stats count old longer answers as this.
    public var maxAnswerSeconds: Int = 60
    /// Whether answering a card puts its new siblings away until the next study day, as Anki does:
    /// asked straight after, a sibling is answered from short-term memory.
    public var buryNewSiblings: Bool = true
    /// The same for siblings in review due today.
    public var buryReviewSiblings: Bool = true
    /// Lapses at which a card is a leech (Anki's default is 8).
    public var leechThreshold: Int = 8
    /// What happens when a card becomes a leech.
    public var leechAction: LeechAction = .tag
    /// A folder a sync tool shares between machines (`statusdeck sync`); empty for none. Every
    /// command syncs with it first, and the quiz again when it ends. It stays on this machine:
    /// the folder may be mounted elsewhere on another.
    public var syncDir: String = ""

    /// What becoming a leech does to a card.
    public enum LeechAction: String, Sendable, CaseIterable {
        /// The card is suspended (and the quiz says so).
        case suspend
        /// The card stays in study, marked as a leech (the quiz says so, `cards --leeches` lists it).
        case tag
    }

    public init() {}

    public static let `default` = StudyConfig()

    /// Keys in file order.
    public static let keys = [
        "desired_retention", "learning_steps", "relearning_steps", "maximum_interval",
        "parameters", "fuzz", "new_per_day", "reviews_per_day", "day_starts_at", "language",
        "max_answer_seconds", "bury_new_siblings", "bury_review_siblings", "leech_threshold", "leech_action",
        "sync_dir",
    ]

    /// What each key accepts, as shown in errors and in `statusdeck config`.
    public static func allowed(_ key: String) -> String {
        switch key {
        case "desired_retention": return "a number from 0.70 to 0.99"
        case "learning_steps", "relearning_steps":
            return "durations like `1m 10m` (s, m, h or d; 1s to 36500d), or `none`"
        case "maximum_interval": return "a whole number of days from 1 to 36500"
        case "parameters": return "21 numbers separated by commas or spaces, each within its FSRS-6 bound"
        case "fuzz", "bury_new_siblings", "bury_review_siblings": return "true or false"
        case "leech_threshold": return "a whole number of lapses from 1 to 99"
        case "leech_action": return "suspend or tag"
        case "new_per_day": return "a whole number from 0 to 9999"
        case "reviews_per_day": return "a whole number from 0 to 99999"
        case "day_starts_at": return "an hour from 0 to 23"
        case "language": return "zh or en"
        case "max_answer_seconds": return "a whole number of seconds from 1 to 3600"
        case "sync_dir": return "an absolute folder path (or ~/…) shared by a sync tool, without #; empty for none"
        default: return "one of " + keys.joined(separator: ", ")
        }
    }

    /// The current value of a key in file syntax; nil for an unknown key.
    public func value(of key: String) -> String? {
        switch key {
        case "desired_retention": return Self.number(desiredRetention)
        case "learning_steps": return Self.renderSteps(learningSteps)
        case "relearning_steps": return Self.renderSteps(relearningSteps)
        case "maximum_interval": return String(maximumInterval)
        case "parameters": return parameters.map(Self.number).joined(separator: ", ")
        case "fuzz": return fuzz ? "true" : "false"
        case "new_per_day": return String(newPerDay)
        case "reviews_per_day": return String(reviewsPerDay)
        case "day_starts_at": return String(dayStartsAt)
        case "language": return language.rawValue
        case "max_answer_seconds": return String(maxAnswerSeconds)
        case "bury_new_siblings": return buryNewSiblings ? "true" : "false"
        case "bury_review_siblings": return buryReviewSiblings ? "true" : "false"
        case "leech_threshold": return String(leechThreshold)
        case "leech_action": return leechAction.rawValue
        case "sync_dir": return syncDir
        default: return nil
        }
    }

    /// Sets one key from its text form, checking it. Errors carry no path or line; callers add them.
    public mutating func set(_ key: String, to raw: String) throws(InputError) {
        let text = raw.trimmingSpaces
        func bad() -> InputError {
            InputError(found: "\(key) \(text.isEmpty ? "empty" : "`\(text)`")", expected: Self.allowed(key))
        }
        switch key {
        case "desired_retention":
            guard let v = Double(text), v >= 0.70, v <= 0.99 else { throw bad() }
            desiredRetention = v
        case "learning_steps":
            guard let steps = Self.parseSteps(text) else { throw bad() }
            learningSteps = steps
        case "relearning_steps":
            guard let steps = Self.parseSteps(text) else { throw bad() }
            relearningSteps = steps
        case "maximum_interval":
            guard let v = Int(text), (1...36_500).contains(v) else { throw bad() }
            maximumInterval = v
        case "parameters":
            let parts = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
            let values = parts.compactMap { Double($0) }
            guard values.count == parts.count, values.allSatisfy(\.isFinite) else { throw bad() }
            guard values.count == 21 else {
                throw InputError(found: "parameters has \(values.count) numbers", expected: "21 (FSRS-6 weights w0…w20)")
            }
            var check = SchedulerConfiguration()
            check.parameters = values
            if let first = check.violations().first {
                // The scheduler words its violations "found; expected ..."; keep its two halves.
                let halves = first.split(separator: ";", maxSplits: 1)
                if halves.count == 2, halves[1].hasPrefix(" expected ") {
                    throw InputError(found: String(halves[0]), expected: String(halves[1].dropFirst(" expected ".count)))
                }
                throw InputError(found: first, expected: Self.allowed(key))
            }
            parameters = values
        case "fuzz":
            guard let v = Self.bool(text) else { throw bad() }
            fuzz = v
        case "bury_new_siblings":
            guard let v = Self.bool(text) else { throw bad() }
            buryNewSiblings = v
        case "bury_review_siblings":
            guard let v = Self.bool(text) else { throw bad() }
            buryReviewSiblings = v
        case "leech_threshold":
            guard let v = Int(text), (1...99).contains(v) else { throw bad() }
            leechThreshold = v
        case "leech_action":
            guard let v = LeechAction(rawValue: text) else { throw bad() }
            leechAction = v
        case "new_per_day":
            guard let v = Int(text), (0...9999).contains(v) else { throw bad() }
            newPerDay = v
        case "reviews_per_day":
            guard let v = Int(text), (0...99_999).contains(v) else { throw bad() }
            reviewsPerDay = v
        case "day_starts_at":
            guard let v = Int(text), (0...23).contains(v) else { throw bad() }
            dayStartsAt = v
        case "language":
            guard let value = Language(rawValue: text) else { throw bad() }
            language = value
        case "max_answer_seconds":
            guard let v = Int(text), (1...3600).contains(v) else { throw bad() }
            maxAnswerSeconds = v
        case "sync_dir":
            // Relative paths would follow whatever folder a command is run from; `#` starts a comment.
            guard text.isEmpty || ((text.hasPrefix("/") || text.hasPrefix("~/")) && !text.contains("#")) else { throw bad() }
            syncDir = text
        default:
            throw InputError(found: "unknown key `\(key)`", expected: Self.allowed(key))
        }
    }

    /// The time an answer counts as taking: `milliseconds`, at most `max_answer_seconds`.
    public func cappedAnswerMilliseconds(_ milliseconds: Int64) -> Int {
        Int(min(max(milliseconds, 0), Int64(maxAnswerSeconds) * 1000))
    }

    /// The scheduler's view of these settings. Every field was range-checked when set.
    public var schedulerConfiguration: SchedulerConfiguration {
        SchedulerConfiguration(
            parameters: parameters, desiredRetention: desiredRetention,
            learningSteps: learningSteps, relearningSteps: relearningSteps,
            maximumInterval: maximumInterval, enableFuzzing: fuzz)
    }

    // MARK: - File form

    /// Parses a config file. Unknown keys, repeated keys and bad values stop with `path:line:`.
    public static func parse(_ text: String, path: String) throws(InputError) -> StudyConfig {
        var config = StudyConfig()
        var seen: Set<String> = []
        // "\r\n" is one Character in Swift: split on it too, or a file saved with Windows line
        // ends reads as one long line.
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let lineNumber = index + 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = String(line).trimmingSpaces
            if trimmed.isEmpty { continue }
            guard let eq = trimmed.firstIndex(of: "=") else {
                throw InputError(path: path, line: lineNumber, found: "`\(trimmed.prefix(40))`", expected: "`key = value`")
            }
            let key = String(trimmed[..<eq]).trimmingSpaces
            let value = String(trimmed[trimmed.index(after: eq)...])
            guard !seen.contains(key) else {
                throw InputError(path: path, line: lineNumber, found: "`\(key)` set twice", expected: "each key once")
            }
            seen.insert(key)
            do {
                try config.set(key, to: value)
            } catch {
                var e = error
                e.path = path
                e.line = lineNumber
                throw e
            }
        }
        return config
    }

    /// The whole file, every key with its value and a comment naming what it accepts.
    public func render() -> String {
        var out = "# StatusDeck settings: `key = value`; `#` starts a comment.\n"
        out += "# Change with `statusdeck config set KEY VALUE`, which checks the value.\n"
        for key in Self.keys {
            out += "\n# \(Self.allowed(key))\n\(key) = \(value(of: key) ?? "")\n"
        }
        return out
    }

    // MARK: - Helpers

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "on", "yes": return true
        case "false", "off", "no": return false
        default: return nil
        }
    }

    static func number(_ v: Double) -> String {
        let s = String(v)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }

    static func parseSteps(_ text: String) -> [Int64]? {
        if text == "none" || text.isEmpty { return [] }
        var steps: [Int64] = []
        for part in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            var digits = Substring(part)
            var unit: Int64 = 60
            if let last = part.last, !last.isNumber {
                switch last {
                case "s": unit = 1
                case "m": unit = 60
                case "h": unit = 3600
                case "d": unit = 86_400
                default: return nil
                }
                digits = part.dropLast()
            }
            guard let n = Int64(digits), n >= 1, n <= SchedulerConfiguration.longestStepSeconds / unit else { return nil }
            steps.append(n * unit)
        }
        return steps
    }

    static func renderSteps(_ steps: [Int64]) -> String {
        if steps.isEmpty { return "none" }
        return steps.map { s in
            if s % 86_400 == 0 { return "\(s / 86_400)d" }
            if s % 3600 == 0 { return "\(s / 3600)h" }
            if s % 60 == 0 { return "\(s / 60)m" }
            return "\(s)s"
        }.joined(separator: " ")
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
