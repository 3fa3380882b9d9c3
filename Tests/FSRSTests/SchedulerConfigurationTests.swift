import Testing

@testable import FSRS

@Suite struct SchedulerConfigurationTests {
    @Test func defaultsAreThoseOfPyFSRS() throws {
        let configuration = SchedulerConfiguration.default
        #expect(configuration.parameters.count == 21)
        #expect(configuration.parameters[0] == 0.212 && configuration.parameters[20] == 0.1542)
        #expect(configuration.desiredRetention == 0.9)
        #expect(configuration.learningSteps == [60, 600] && configuration.relearningSteps == [600])
        #expect(configuration.maximumInterval == 36_500 && configuration.enableFuzzing)
        #expect(configuration.violations().isEmpty)
        let scheduler = try Scheduler(configuration)
        #expect(scheduler.decay == -0.1542)
        #expect(isClose(scheduler.factor, 0.9803464944134797, relative: 1e-15))
    }

    /// py-fsrs's `test_scheduler_parameter_validation` cases.
    @Test func rejectsWhatPyFSRSRejects() {
        func violations(_ change: (inout [Double]) -> Void) -> [String] {
            var parameters = SchedulerConfiguration.defaultParameters
            change(&parameters)
            return SchedulerConfiguration(parameters: parameters).violations()
        }
        #expect(violations { $0[6] = 100 } == ["parameters[6] is 100.0; expected a number from 0.001 to 4.0"])
        #expect(violations { $0[10] = -42 } == ["parameters[10] is -42.0; expected a number from 0.001 to 3.5"])
        #expect(
            violations {
                $0[0] = 0
                $0[3] = 101
            }.count == 2)
        #expect(violations { $0 = [] } == ["parameters has 0 values; expected 21"])
        #expect(violations { $0.removeLast() } == ["parameters has 20 values; expected 21"])
        #expect(violations { $0 += [0.1, 0.1, 0.1] } == ["parameters has 24 values; expected 21"])
        #expect(violations { $0[20] = .nan }.count == 1)
    }

    @Test func reportsEveryViolationAtOnce() {
        var parameters = SchedulerConfiguration.defaultParameters
        parameters[4] = 0
        parameters[16] = 7
        parameters.append(1)
        let bad = SchedulerConfiguration(
            parameters: parameters, desiredRetention: 1, learningSteps: [60, 0],
            relearningSteps: [-5], maximumInterval: 0, enableFuzzing: true)
        let expected = [
            "parameters has 22 values; expected 21",
            "parameters[4] is 0.0; expected a number from 1.0 to 10.0",
            "parameters[16] is 7.0; expected a number from 1.0 to 6.0",
            "desired retention is 1.0; expected a number greater than 0 and less than 1",
            "learning step 2 is 0 s; expected a whole number of seconds from 1 to 3153600000",
            "relearning step 1 is -5 s; expected a whole number of seconds from 1 to 3153600000",
            "maximum interval is 0 days; expected a whole number of days from 1 to 36500",
        ]
        #expect(bad.violations() == expected)
        #expect(throws: SchedulerConfigurationError(violations: expected)) { try Scheduler(bad) }
        #expect(SchedulerConfigurationError(violations: expected).description.split(separator: "\n").count == 1)
    }

    @Test func acceptsBoundsAndEdges() throws {
        let low = SchedulerConfiguration(
            parameters: SchedulerConfiguration.parameterBounds.map(\.lowerBound), desiredRetention: 0.01,
            learningSteps: [], relearningSteps: [], maximumInterval: 1, enableFuzzing: false)
        let high = SchedulerConfiguration(
            parameters: SchedulerConfiguration.parameterBounds.map(\.upperBound), desiredRetention: 0.99,
            learningSteps: [SchedulerConfiguration.longestStepSeconds], relearningSteps: [1],
            maximumInterval: 36_500, enableFuzzing: true)
        #expect(low.violations().isEmpty && high.violations().isEmpty)
        _ = try Scheduler(low)
        _ = try Scheduler(high)
        #expect(SchedulerConfiguration(desiredRetention: 0).violations().count == 1)
        #expect(SchedulerConfiguration(desiredRetention: .nan).violations().count == 1)
        #expect(SchedulerConfiguration(maximumInterval: 36_501).violations().count == 1)
    }
}
