import Dispatch
import Foundation
import Testing

@testable import FSRS

/// Fixtures/optimizer.json, made by fsrs-rs-python 0.9.3 (Fixtures/generate_optimizer.py): three
/// histories, fsrs-rs's `evaluate` of several parameter sets on them, and fsrs-rs's own fit.
struct OptimizerFixture {
    struct Scored {
        var label: String
        var parameters: [Double]
        var items: Int
        var logLoss: Double
        var rmseBins: Double
    }

    struct History {
        var name: String
        var reviews: [ReviewRecord]
        var items: Int
        var fsrsRsFit: [Double]
        var evaluations: [Scored]
    }

    var histories: [History]

    static let shared: OptimizerFixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/optimizer.json")
        let root = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let histories = (root["histories"] as! [[String: Any]]).map { h in
            History(
                name: h["name"] as! String,
                reviews: (h["records"] as! [[Int]]).map { ReviewRecord(card: $0[0], day: Int64($0[1]), rating: $0[2]) },
                items: h["items"] as! Int,
                fsrsRsFit: h["fsrsRsFit"] as! [Double],
                evaluations: (h["evaluations"] as! [[String: Any]]).map { e in
                    Scored(
                        label: e["label"] as! String, parameters: e["parameters"] as! [Double], items: e["items"] as! Int,
                        logLoss: e["logLoss"] as! Double, rmseBins: e["rmseBins"] as! Double)
                })
        }
        return OptimizerFixture(histories: histories)
    }()

    func history(_ name: String) -> History { histories.first { $0.name == name }! }
}

@Suite struct OptimizerTests {
    @Test func itemsAreBuiltAsFsrsRsSees_them() {
        for history in OptimizerFixture.shared.histories {
            #expect(TrainingSet.items(history.reviews).count == history.items, "\(history.name)")
        }
    }

    @Test(arguments: ["sample", "steady", "struggling"])
    func evaluationMatchesFsrsRs(_ name: String) {
        let history = OptimizerFixture.shared.history(name)
        let items = TrainingSet.items(history.reviews)
        for scored in history.evaluations {
            let ours = Evaluation.of(parameters: scored.parameters, items: Array(items.prefix(scored.items)))!
            #expect(abs(ours.logLoss - scored.logLoss) < 1e-6, "\(name) \(scored.label): log loss \(ours.logLoss) vs \(scored.logLoss)")
            #expect(abs(ours.rmseBins - scored.rmseBins) < 1e-6, "\(name) \(scored.label): RMSE \(ours.rmseBins) vs \(scored.rmseBins)")
            #expect(ours.auc > 0.5 && ours.auc < 1)
        }
    }

    @Test(arguments: ["sample", "steady", "struggling"])
    func fitIsAsGoodAsFsrsRs(_ name: String) throws {
        let history = OptimizerFixture.shared.history(name)
        let items = TrainingSet.items(history.reviews)
        let clock = ContinuousClock()
        let start = clock.now
        let fit = try Optimizer.fit(items)
        let elapsed = clock.now - start
        let ours = Evaluation.of(parameters: fit.parameters, items: items)!.logLoss
        let theirs = Evaluation.of(parameters: history.fsrsRsFit, items: items)!.logLoss
        let defaults = Evaluation.of(parameters: SchedulerConfiguration.defaultParameters, items: items)!.logLoss
        print("\(name): default \(defaults), fsrs-rs fit \(theirs), our fit \(ours) in \(elapsed)")
        #expect(fit.stage == .full)
        #expect(ours <= theirs * 1.01, "\(name): our fit's log loss \(ours) vs fsrs-rs's \(theirs)")
        #expect(SchedulerConfiguration(parameters: fit.parameters).violations().isEmpty)
    }
}

/// The CLI runs each batch's two halves on two threads; the fit must not depend on it.
@Suite struct OptimizerThreadsTests {
    @Test func twoThreadsGiveTheSameFitBitForBit() throws {
        let items = TrainingSet.items(OptimizerFixture.shared.history("steady").reviews)
        let alone = try Optimizer.fit(items)
        let together = try Optimizer.fit(items) { work in DispatchQueue.concurrentPerform(iterations: 2, execute: work) }
        #expect(alone == together)
    }
}

@Suite struct GradientTests {
    /// The tape's gradient of a card's loss against central finite differences, on a card with
    /// a lapse, same-day reviews and every rating, at the defaults and at a point off them.
    @Test(arguments: [SchedulerConfiguration.defaultParameters, OptimizerFixture.shared.history("steady").fsrsRsFit])
    func gradientMatchesFiniteDifferences(_ parameters: [Double]) {
        let reviews = [(3, 0), (1, 2), (3, 0), (2, 3), (4, 7), (1, 20), (1, 0), (3, 0), (3, 5), (4, 12)]
            .map { TrainingReview(rating: $0.0, deltaT: $0.1) }
        let card = Optimizer.Trajectory(
            reviews: reviews[...], targets: [(1, 0, 0.3), (3, 1, 0.5), (4, 1, 0.7), (5, 0, 0.8), (8, 1, 0.9), (9, 1, 1)])
        let tape = GradientTape(recording: true)
        var gradient = [Double](repeating: 0, count: 21)
        _ = Optimizer.lossAndGradient(card, parameters: parameters, tape: tape, into: &gradient)
        for i in 0..<21 {
            let h = 1e-6 * max(1, abs(parameters[i]))
            var up = parameters
            var down = parameters
            up[i] += h
            down[i] -= h
            var unused = [Double](repeating: 0, count: 21)
            let numeric =
                (Optimizer.lossAndGradient(card, parameters: up, tape: tape, into: &unused)
                    - Optimizer.lossAndGradient(card, parameters: down, tape: tape, into: &unused)) / (2 * h)
            #expect(abs(numeric - gradient[i]) <= 1e-5 * max(1, abs(numeric)), "w\(i): tape \(gradient[i]) vs numeric \(numeric)")
        }
    }

    @Test func tooFewItemsAreRefused() {
        let items = TrainingSet.items((0..<5).flatMap { [ReviewRecord(card: $0, day: 0, rating: 3), ReviewRecord(card: $0, day: 3, rating: 3)] })
        #expect(throws: OptimizerError.notEnoughData(items: 5, kept: 0)) { try Optimizer.fit(items) }
    }

    @Test func optimalRetentionIsInRangeAndDeterministic() {
        let parameters = SchedulerConfiguration.defaultParameters
        let a = OptimalRetention.workload(parameters: parameters, retention: 0.9)
        #expect(a == OptimalRetention.workload(parameters: parameters, retention: 0.9))
        #expect(a.isFinite && a > 0)
    }
}
