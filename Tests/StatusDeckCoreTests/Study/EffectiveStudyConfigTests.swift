import FSRS
import StatusDeckHistory
import Testing

@testable import StatusDeckCore

/// The settings a machine studies with (issue 19): the config file, then for each synced key the
/// latest setting event, by instant and then event id, whatever order the lines are in.
@Suite struct EffectiveStudyConfigTests {
    static let t0 = Instant(milliseconds: 1_795_341_600_000)

    static func event(_ n: UInt64, _ key: String, _ value: String, at seconds: Int64) -> SettingEvent {
        SettingEvent(id: EventID(high: 7, low: n), at: t0.adding(seconds: seconds), key: key, value: value)
    }

    /// The history layer checks setting keys without seeing the study settings; the two lists
    /// must be one list less the machine-local keys.
    @Test func theHistorysSyncedKeysAreTheStudyKeysLessTheMachineLocalOnes() {
        #expect(SettingEvent.keys == StudyConfig.syncedKeys)
        #expect(StudyConfig.machineLocalKeys == ["language", "sync_dir"])
        #expect(StudyConfig.keys.filter { !StudyConfig.isSynced($0) } == ["language", "sync_dir"])
    }

    @Test func withoutEventsTheFileDecides() {
        var file = StudyConfig()
        file.newPerDay = 7
        let effective = EffectiveStudyConfig(file: file, settings: [])
        #expect(effective.config == file && effective.fromEvents.isEmpty && effective.refused.isEmpty)
    }

    @Test func theLatestEventByInstantWinsOverTheFileWhateverTheFileOrder() {
        var file = StudyConfig()
        file.desiredRetention = 0.95  // a hand edit: the events still decide this key
        file.newPerDay = 33  // no event names it: the file decides
        let events = [
            Self.event(1, "desired_retention", "0.80", at: 100),
            Self.event(2, "desired_retention", "0.85", at: 300),
            Self.event(3, "desired_retention", "0.75", at: 200),
            Self.event(4, "learning_steps", "2m 20m", at: 50),
        ]
        for order in [events, events.reversed(), [events[2], events[0], events[3], events[1]]] {
            let effective = EffectiveStudyConfig(file: file, settings: order)
            #expect(effective.config.desiredRetention == 0.85)
            #expect(effective.config.learningSteps == [120, 1200])
            #expect(effective.config.newPerDay == 33)
            #expect(effective.fromEvents["desired_retention"] == events[1])
            #expect(effective.fromEvents["new_per_day"] == nil)
        }
    }

    /// Two machines setting one key in the same millisecond agree: the larger event id wins.
    @Test func tiesInOneMillisecondGoToTheLargerEventID() {
        let a = SettingEvent(id: EventID(high: 1, low: 9), at: Self.t0, key: "new_per_day", value: "10")
        let b = SettingEvent(id: EventID(high: 2, low: 0), at: Self.t0, key: "new_per_day", value: "50")
        #expect(EffectiveStudyConfig(file: StudyConfig(), settings: [a, b]).config.newPerDay == 50)
        #expect(EffectiveStudyConfig(file: StudyConfig(), settings: [b, a]).config.newPerDay == 50)
    }

    /// A value the settings refuse (a newer build's wider range, a hand-written line) is skipped:
    /// the latest good one stands, and the refused one is reported only when it is later.
    @Test func aRefusedValueIsSkippedAndReportedWhenItIsTheLatest() {
        let good = Self.event(1, "desired_retention", "0.8", at: 100)
        let bad = Self.event(2, "desired_retention", "1.5", at: 200)
        let oldBad = Self.event(3, "maximum_interval", "0", at: 10)
        let laterGood = Self.event(4, "maximum_interval", "400", at: 20)
        let effective = EffectiveStudyConfig(file: StudyConfig(), settings: [bad, good, oldBad, laterGood])
        #expect(effective.config.desiredRetention == 0.8)
        #expect(effective.config.maximumInterval == 400)
        #expect(effective.refused.map(\.event) == [bad])
        #expect(effective.refused.first?.error.description == "desired_retention `1.5`; expected a number from 0.70 to 0.99")
        // Bad parameters are refused with the scheduler's own words, the file's value kept.
        let parameters = Self.event(5, "parameters", "1, 2, 3", at: 300)
        let p = EffectiveStudyConfig(file: StudyConfig(), settings: [parameters])
        #expect(p.config.parameters == StudyConfig().parameters && p.refused.count == 1)
    }

    /// What a replay schedules follows the effective settings, not the file's.
    @Test func theSchedulerUsesTheSyncedRetention() throws {
        var h = History()
        for (k, days) in [0, 1, 4].enumerated() {
            try h.add(.review(ReviewEvent(id: EventID(high: 3, low: UInt64(k)), card: "c", at: Self.t0.adding(seconds: Int64(days) * 86_400), rating: .good)))
        }
        let file = StudyConfig()
        let effective = EffectiveStudyConfig(file: file, settings: [Self.event(1, "desired_retention", "0.75", at: 0)]).config
        let before = Replay(history: h, scheduler: try Scheduler(file.schedulerConfiguration)).cards["c"]?.schedule.due
        let after = Replay(history: h, scheduler: try Scheduler(effective.schedulerConfiguration)).cards["c"]?.schedule.due
        #expect(before != nil && after != nil)
        #expect(after! > before!)  // a lower retention lets a card wait longer
    }
}
