import FSRS
import StatusDeckHistory

/// The study settings this machine uses: the config file, then, for each setting that follows
/// the learner, the latest setting event of the history.
///
/// The rule, the same on every machine holding the same events: for a synced key with at least
/// one event whose value passes `StudyConfig.set`, the latest such event (by instant, ties by
/// event id, as answers and marks fold) wins over the file, whatever the file says and however
/// recently it was edited; `statusdeck config set` is how such a key is changed. A key no event
/// names keeps the file's value. Machine-local keys (`language`, `sync_dir`) only ever come
/// from the file. File modification times take no part: sync tools, copies and clocks rewrite them.
public struct EffectiveStudyConfig: Sendable {
    /// The settings to use.
    public private(set) var config: StudyConfig
    /// For each key an event decided, that event.
    public private(set) var fromEvents: [String: SettingEvent] = [:]
    /// Events later than the one that decided their key (or than the file, for a key none
    /// decided) whose value the settings refuse: written by a newer build with a wider range, or
    /// by hand. Skipped, so the caller can say so. In order of instant, then id.
    public private(set) var refused: [(event: SettingEvent, error: InputError)] = []

    /// `file` with the history's setting events applied.
    public init(file: StudyConfig, settings: [SettingEvent]) {
        config = file
        guard !settings.isEmpty else { return }
        var latestRefused: [String: (event: SettingEvent, error: InputError)] = [:]
        for e in settings.sorted(by: { ($0.at, $0.id) < ($1.at, $1.id) }) where StudyConfig.isSynced(e.key) {
            do throws(InputError) {
                try config.set(e.key, to: e.value)
                fromEvents[e.key] = e
                latestRefused[e.key] = nil
            } catch {
                latestRefused[e.key] = (e, error)
            }
        }
        refused = latestRefused.values.sorted { ($0.event.at, $0.event.id) < ($1.event.at, $1.event.id) }
    }
}

extension StudyConfig {
    /// Settings that stay on the machine they were set on: the interface language, and the sync
    /// folder (which may be mounted elsewhere on another machine).
    public static let machineLocalKeys: Set<String> = ["language", "sync_dir"]

    /// Settings that travel between machines as setting events, in file order.
    public static var syncedKeys: [String] { keys.filter { !machineLocalKeys.contains($0) } }

    public static func isSynced(_ key: String) -> Bool { SettingEvent.keys.contains(key) }
}
