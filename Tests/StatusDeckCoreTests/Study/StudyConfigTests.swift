import FSRS
import StatusDeckHistory
import Testing

@testable import StatusDeckCore

@Suite struct StudyConfigTests {
    @Test func renderedFileParsesBackEqual() throws {
        var config = StudyConfig()
        try config.set("learning_steps", to: "30s 2m 1h")
        try config.set("new_per_day", to: "35")
        try config.set("language", to: "zh")
        try config.set("fuzz", to: "false")
        try config.set("relearning_steps", to: "none")
        let parsed = try StudyConfig.parse(config.render(), path: "config")
        #expect(parsed == config)
        #expect(parsed.learningSteps == [30, 120, 3600])
        #expect(parsed.relearningSteps == [])
    }

    @Test func defaultsMatchTheIssue() {
        let c = StudyConfig.default
        #expect(c.newPerDay == 20 && c.dayStartsAt == 4 && c.desiredRetention == 0.9 && c.parameters.count == 21)
        #expect(c.schedulerConfiguration == SchedulerConfiguration.default)
    }

    @Test func answerTimeIsCappedAtMaxAnswerSeconds() throws {
        #expect(StudyConfig.default.maxAnswerSeconds == 60)
        #expect(StudyConfig.default.cappedAnswerMilliseconds(3_600_000) == 60_000)
        #expect(StudyConfig.default.cappedAnswerMilliseconds(59_999) == 59_999)
        #expect(StudyConfig.default.cappedAnswerMilliseconds(-5) == 0)
        let c = try StudyConfig.parse("max_answer_seconds = 3600\n", path: "config")
        #expect(c.maxAnswerSeconds == 3600)
        #expect(c.cappedAnswerMilliseconds(7_200_000) == 3_600_000)
        #expect(try StudyConfig.parse(c.render(), path: "config") == c)
    }

    @Test func commentsBlankLinesAndMissingKeys() throws {
        let c = try StudyConfig.parse("# mine\n\n  new_per_day = 5   # fewer\nday_starts_at=0\n", path: "config")
        #expect(c.newPerDay == 5 && c.dayStartsAt == 0 && c.reviewsPerDay == 200)
    }

    @Test(arguments: [
        ("desired_retention = 1.2\n", "config:1: desired_retention `1.2`; expected a number from 0.70 to 0.99"),
        ("\nnew_per_day = many\n", "config:2: new_per_day `many`; expected a whole number from 0 to 9999"),
        ("day_starts_at = 24\n", "config:1: day_starts_at `24`; expected an hour from 0 to 23"),
        ("language = fr\n", "config:1: language `fr`; expected zh or en"),
        (
            "colour = red\n",
            "config:1: unknown key `colour`; expected one of desired_retention, learning_steps, relearning_steps, maximum_interval, parameters, fuzz, new_per_day, reviews_per_day, day_starts_at, language, max_answer_seconds, bury_new_siblings, bury_review_siblings, leech_threshold, leech_action, sync_dir"
        ),
        ("fuzz = true\nfuzz = false\n", "config:2: `fuzz` set twice; expected each key once"),
        ("just words\n", "config:1: `just words`; expected `key = value`"),
        ("parameters = 1, 2, 3\n", "config:1: parameters has 3 numbers; expected 21 (FSRS-6 weights w0…w20)"),
        ("learning_steps = 1m 10y\n", "config:1: learning_steps `1m 10y`; expected durations like `1m 10m` (s, m, h or d; 1s to 36500d), or `none`"),
        ("maximum_interval = 0\n", "config:1: maximum_interval `0`; expected a whole number of days from 1 to 36500"),
        ("max_answer_seconds = 0\n", "config:1: max_answer_seconds `0`; expected a whole number of seconds from 1 to 3600"),
        ("max_answer_seconds = 3601\n", "config:1: max_answer_seconds `3601`; expected a whole number of seconds from 1 to 3600"),
    ])
    func errorsNameFileLineKeyAndRange(text: String, message: String) {
        do {
            _ = try StudyConfig.parse(text, path: "config")
            Issue.record("parsed")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func parameterBoundsComeFromTheScheduler() {
        var params = SchedulerConfiguration.defaultParameters
        params[4] = 50
        var c = StudyConfig()
        #expect(throws: InputError.self) { try c.set("parameters", to: params.map { String($0) }.joined(separator: " ")) }
        params[4] = 6
        #expect(throws: Never.self) { try c.set("parameters", to: params.map { String($0) }.joined(separator: ",")) }
        #expect(c.parameters[4] == 6)
    }
}
