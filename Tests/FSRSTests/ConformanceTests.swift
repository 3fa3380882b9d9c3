import Foundation
import Testing

@testable import FSRS

/// Replays Fixtures/conformance.json, which py-fsrs 6.3.2 itself produced
/// (Fixtures/generate_conformance.py), and demands the same result for every review.
@Suite struct ConformanceTests {
    struct Fixture: Decodable {
        let oracle: String
        let configurations: [SchedulerConfiguration]
        let sequences: [Sequence]
    }

    struct Sequence: Decodable {
        let cardID: String
        let start: Int64
        let reviews: [Row]
    }

    /// One review and py-fsrs's answer; stored as an array to keep the fixture small.
    struct Row: Decodable {
        let config: Int, rating: Int, at: Int64, fuzz53: UInt64
        let stage: Int, step: Int?, due: Int64
        let stability: Double, difficulty: Double, retrievabilityBefore: Double

        init(from decoder: Decoder) throws {
            var row = try decoder.unkeyedContainer()
            config = try row.decode(Int.self)
            rating = try row.decode(Int.self)
            at = try row.decode(Int64.self)
            fuzz53 = try row.decode(UInt64.self)
            stage = try row.decode(Int.self)
            step = try row.decodeIfPresent(Int.self)
            due = try row.decode(Int64.self)
            stability = try row.decode(Double.self)
            difficulty = try row.decode(Double.self)
            retrievabilityBefore = try row.decode(Double.self)
        }
    }

    static func load() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/conformance.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test func everyReviewMatchesPyFSRS() throws {
        let fixture = try Self.load()
        #expect(fixture.oracle == "py-fsrs 6.3.2")
        #expect(fixture.sequences.count >= 300)
        let schedulers = try fixture.configurations.map { try Scheduler($0) }
        var mismatches = 0
        var reviews = 0
        for sequence in fixture.sequences {
            var card = Schedule.new(due: Instant(milliseconds: sequence.start))
            for (count, row) in sequence.reviews.enumerated() {
                let scheduler = schedulers[row.config]
                let at = Instant(milliseconds: row.at)
                let fuzz = Fuzz.unit(cardID: sequence.cardID, reviewCount: count)
                let place = "\(sequence.cardID) review \(count)"
                // The Python port of Fuzz.unit must agree bit for bit, or fuzzed dues would differ.
                #expect(fuzz == Double(row.fuzz53) * 0x1p-53, "\(place)")
                let r = scheduler.retrievability(of: card, at: at)
                let rating = try #require(Rating(rawValue: row.rating))
                card = scheduler.review(card, rating: rating, at: at, fuzz: fuzz)
                reviews += 1
                let exact = card.stage.rawValue == row.stage && card.step == row.step && card.due.milliseconds == row.due
                let close =
                    isClose(card.stability, row.stability, relative: 1e-9)
                    && isClose(card.difficulty, row.difficulty, relative: 1e-9)
                    && (r == row.retrievabilityBefore || isClose(r, row.retrievabilityBefore, relative: 1e-9))
                if !(exact && close) {
                    mismatches += 1
                    if mismatches <= 10 {
                        Issue.record(
                            "\(place): got \(card), r \(r); py-fsrs \(row.stage) \(String(describing: row.step)) \(row.due) S \(row.stability) D \(row.difficulty) r \(row.retrievabilityBefore)"
                        )
                    }
                }
            }
        }
        #expect(mismatches == 0)
        #expect(reviews >= 3000)
    }

    /// The fixture must exercise what it claims to: every path, every kind of timing, fuzz.
    @Test func fixtureCoversTheTraps() throws {
        let fixture = try Self.load()
        var sameDay = 0, exactlyOneDay = 0, backwards = 0, longGap = 0, fuzzed = 0, stages = Set<Int>()
        for sequence in fixture.sequences {
            for (previous, row) in zip(sequence.reviews, sequence.reviews.dropFirst()) {
                let gap = row.at - previous.at
                if gap < 0 { backwards += 1 } else if gap < dayMs { sameDay += 1 }
                if gap == dayMs { exactlyOneDay += 1 }
                if gap > 100 * dayMs { longGap += 1 }
            }
            for row in sequence.reviews {
                stages.insert(row.stage)
                if fixture.configurations[row.config].enableFuzzing && row.stage == 2 && row.due - row.at >= 3 * dayMs {
                    fuzzed += 1
                }
            }
        }
        #expect(stages == [1, 2, 3])
        #expect(sameDay > 500 && exactlyOneDay > 100 && backwards > 10 && longGap > 50 && fuzzed > 500)
        #expect(Set(fixture.configurations.map(\.desiredRetention)).count > 4)
        #expect(Set(fixture.configurations.map(\.maximumInterval)).count > 4)
    }
}

extension SchedulerConfiguration: Decodable {
    enum CodingKeys: String, CodingKey {
        case parameters, desiredRetention, learningSteps, relearningSteps, maximumInterval, enableFuzzing
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            parameters: try c.decode([Double].self, forKey: .parameters),
            desiredRetention: try c.decode(Double.self, forKey: .desiredRetention),
            learningSteps: try c.decode([Int64].self, forKey: .learningSteps),
            relearningSteps: try c.decode([Int64].self, forKey: .relearningSteps),
            maximumInterval: try c.decode(Int.self, forKey: .maximumInterval),
            enableFuzzing: try c.decode(Bool.self, forKey: .enableFuzzing))
    }
}
