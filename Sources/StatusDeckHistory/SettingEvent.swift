import FSRS

/// A study setting given a value at an instant: one line of the history file, so that settings
/// which should follow the learner (parameters, desired retention, limits) reach every machine
/// the history is synced to, merged by id like answers.
///
/// The value is kept in the config file's text syntax and checked by the study settings when
/// they are worked out (this layer does not know their ranges); the key is checked here, so a
/// line naming no known setting stops the load like any other malformed line.
/// No undo takes one back: setting the key again is the way to change it.
public struct SettingEvent: Hashable, Sendable {
    public var id: EventID
    public var at: Instant
    /// One of `SettingEvent.keys`.
    public var key: String
    /// The value as the config file would hold it, e.g. `0.9` or `1m 10m`.
    public var value: String

    public init(id: EventID, at: Instant, key: String, value: String) {
        self.id = id
        self.at = at
        self.key = key
        self.value = value
    }

    /// The settings that travel between machines: every study setting except the machine-local
    /// `language` and `sync_dir`. The study settings' own list is checked against this one by a
    /// test, since this layer cannot import it.
    public static let keys: [String] = [
        "desired_retention", "learning_steps", "relearning_steps", "maximum_interval",
        "parameters", "fuzz", "new_per_day", "reviews_per_day", "day_starts_at",
        "max_answer_seconds", "bury_new_siblings", "bury_review_siblings", "leech_threshold", "leech_action",
    ]

}
