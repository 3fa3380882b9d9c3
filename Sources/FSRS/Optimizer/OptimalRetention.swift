/// The desired retention that costs the least study time per card remembered, found as fsrs-rs's
/// `optimal_retention` finds it: simulate a year of study at a retention, count the seconds spent
/// and the cards remembered at the end (the sum of their recall chances), and minimise the ratio
/// over 0.70…0.95.
///
/// The simulation is a simpler one than fsrs-rs's: learning and relearning steps are folded into
/// one same-day review, there are no daily limits but the time budget, and reviews happen on
/// their due day. Its costs and rating shares are fsrs-rs's `SimulatorConfig::default()`. The same
/// seeded draws serve every retention, so the comparison is not blurred by chance.
public enum OptimalRetention {
    public static let deckSize = 5000
    public static let days = 365
    /// Seconds of study a day (fsrs-rs's `max_cost_perday`); new cards wait when it is spent.
    static let dailyBudget = 1800.0
    static let firstRatingShare = [0.24, 0.094, 0.495, 0.171]
    /// Hard, Good, Easy among successful reviews.
    static let reviewRatingShare = [0.224, 0.631, 0.145]
    /// Seconds per answer: learning, review, relearning × Again…Easy.
    static let learnCost = [19.58, 18.79, 13.78, 10.71]
    static let reviewCost = [19.38, 17.59, 12.38, 8.94]
    static let relearnCost = 12.32
    public static let range = 0.70...0.95

    public struct Workload: Hashable, Sendable {
        public var retention: Double
        /// Seconds of study per card remembered at the end of the year.
        public var costPerCard: Double
    }

    public struct Result: Hashable, Sendable {
        public var retention: Double
        public var costPerCard: Double
        /// At 0.80, 0.85, 0.90 and 0.95, for comparison.
        public var workloads: [Workload]
    }

    public static func find(parameters: [Double], seed: UInt64 = 2023) -> Result {
        // Golden-section search: the cost per card is smooth enough in retention for it.
        var low = range.lowerBound
        var high = range.upperBound
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = high - ratio * (high - low)
        var b = low + ratio * (high - low)
        var fa = workload(parameters: parameters, retention: a, seed: seed)
        var fb = workload(parameters: parameters, retention: b, seed: seed)
        while high - low > 0.005 {
            if fa < fb {
                high = b
                b = a
                fb = fa
                a = high - ratio * (high - low)
                fa = workload(parameters: parameters, retention: a, seed: seed)
            } else {
                low = a
                a = b
                fa = fb
                b = low + ratio * (high - low)
                fb = workload(parameters: parameters, retention: b, seed: seed)
            }
        }
        let best = fa < fb ? (a, fa) : (b, fb)
        let compare = [0.80, 0.85, 0.90, 0.95].map { Workload(retention: $0, costPerCard: workload(parameters: parameters, retention: $0, seed: seed)) }
        return Result(retention: best.0, costPerCard: best.1, workloads: compare)
    }

    /// Seconds of study per card remembered after a simulated year at `retention`.
    public static func workload(parameters: [Double], retention: Double, seed: UInt64 = 2023) -> Double {
        let tape = GradientTape(recording: false)
        tape.reset(parameters: parameters)
        let model = MemoryModel(tape: tape)
        let decay = -parameters[20]
        let factor = libmPow(0.9, 1 / decay) - 1
        // Days until recall falls to `retention`.
        func interval(_ s: Double) -> Int {
            Swift.max(1, Swift.min(36_500, Int((s / factor * (libmPow(retention, 1 / decay) - 1)).rounded())))
        }
        var rng = SeededGenerator(seed: seed)
        func pick(_ shares: [Double]) -> Int {
            var u = rng.unit() * shares.reduce(0, +)
            for (i, share) in shares.enumerated() {
                u -= share
                if u < 0 { return i }
            }
            return shares.count - 1
        }
        var states: [MemoryModel.State] = []
        var lastDay: [Int] = []
        var due: [[Int]] = Array(repeating: [], count: days)
        var total = 0.0
        var introduced = 0
        for day in 0..<days {
            var spent = 0.0
            for card in due[day] {
                let elapsed = day - lastDay[card]
                let r = model.retrievability(days: elapsed, stability: states[card].stability).value
                var state: MemoryModel.State
                if rng.unit() < r {
                    let rating = 2 + pick(reviewRatingShare)
                    spent += reviewCost[rating - 1]
                    state = model.next(states[card], TrainingReview(rating: rating, deltaT: elapsed))
                } else {
                    spent += reviewCost[0] + relearnCost
                    state = model.next(states[card], TrainingReview(rating: 1, deltaT: elapsed))
                    state = model.next(state, TrainingReview(rating: 3, deltaT: 0))
                }
                states[card] = state
                lastDay[card] = day
                let next = day + interval(state.stability.value)
                if next < days { due[next].append(card) }
            }
            while introduced < deckSize && spent < dailyBudget {
                let rating = 1 + pick(firstRatingShare)
                spent += learnCost[rating - 1]
                var state = model.initial(rating: rating)
                if rating == 1 {
                    spent += relearnCost
                    state = model.next(state, TrainingReview(rating: 3, deltaT: 0))
                }
                states.append(state)
                lastDay.append(day)
                let next = day + interval(state.stability.value)
                if next < days { due[next].append(introduced) }
                introduced += 1
            }
            total += spent
        }
        var remembered = 0.0
        for card in states.indices {
            remembered += model.retrievability(days: days - lastDay[card], stability: states[card].stability).value
        }
        return remembered > 0 ? total / remembered : .infinity
    }
}
