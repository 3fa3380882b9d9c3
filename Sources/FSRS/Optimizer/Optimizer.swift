#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The hyperparameters of a fit; the defaults are fsrs-rs's `TrainingConfig::default()`.
public struct OptimizerConfiguration: Hashable, Sendable {
    public var epochs = 5
    public var batchSize = 512
    public var seed: UInt64 = 2023
    public var learningRate = 0.04
    /// Items with more reviews than this are left out, as fsrs-rs does.
    public var maximumSequenceLength = 256
    /// The weight of the pull towards the starting parameters (L2, scaled per parameter).
    public var gamma = 1.0

    public init() {}
}

/// Runs `work(0)` and `work(1)`, one after the other or at once; a fit is the same either way.
/// The optimizer starts no threads itself (the package keeps threads in StatusDeckHistory): a
/// caller with two cores passes one that runs both halves of each batch at once.
public typealias PairRunner = (_ work: @Sendable (Int) -> Void) -> Void

/// What the two halves of a batch write: each half its own tape and its own slice of `halves`,
/// so they never touch the same memory (hence unchecked).
private struct HalfBatchScratch: @unchecked Sendable {
    let tapes: [GradientTape]
    let halves: UnsafeMutablePointer<Double>
}

/// Why there is no fit.
public enum OptimizerError: Error, Hashable, Sendable {
    /// Fewer training items than fsrs-rs fits once its outlier filter has `kept` some of the
    /// `items`, or none of a card's first review followed by one on a later day to pre-fit the
    /// initial stabilities from.
    case notEnoughData(items: Int, kept: Int)
}

/// What a fit did, besides its parameters.
public struct Fit: Hashable, Sendable {
    public enum Stage: Hashable, Sendable {
        /// Only w0…w3 were fitted (fewer than 64 items, as fsrs-rs).
        case initialStabilityOnly
        /// All 21, by gradient descent.
        case full
    }

    public var parameters: [Double]
    public var stage: Stage
    /// The items trained on (after the outlier filter).
    public var trainingItems: Int
}

/// Fits FSRS-6's 21 parameters to training items the way fsrs-rs's `compute_parameters` does:
/// outlier filter, pre-fit of the initial stabilities, then Adam over mini-batches of whole
/// cards with a cosine learning rate, an L2 pull towards the pre-fit start, the parameters
/// clamped after every step, and the recent reviews weighted more.
public enum Optimizer {
    /// fsrs-rs returns the defaults untouched below 8 training items; this fit refuses instead.
    public static let minimumItems = 8
    /// Below 64 items fsrs-rs fits only w0…w3.
    public static let minimumItemsForFullFit = 64

    /// fsrs-rs's per-parameter scale of the L2 pull.
    static let parameterSpread: [Double] = [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
        1.03, 0.31, 0.32, 0.14, 0.27,
    ]

    /// - Parameter items: training items in the order of the review they predict (recency
    ///   weighting depends on it), as `TrainingSet.items` makes them.
    ///   - runPair: how the two halves of each batch are run (see `PairRunner`).
    public static func fit(
        _ items: [TrainingItem], configuration: OptimizerConfiguration = OptimizerConfiguration(),
        runPair: PairRunner = { work in
            work(0)
            work(1)
        }
    ) throws(OptimizerError) -> Fit {
        let split = InitialStability.split(items)
        let training = split.training
        guard training.count >= minimumItems,
            let initial = InitialStability.fit(split.initialization, averageRecall: InitialStability.averageRecall(training))
        else { throw .notEnoughData(items: items.count, kept: training.count) }
        let start = initial.stability + SchedulerConfiguration.defaultParameters[4...]
        if training.count == split.initialization.count || training.count < minimumItemsForFullFit {
            return Fit(parameters: start, stage: .initialStabilityOnly, trainingItems: training.count)
        }
        var w = train(training, start: start, configuration, runPair: runPair)
        let fitted = [1: w[0], 2: w[1], 3: w[2], 4: w[3]]
        if let smoothed = InitialStability.smoothAndFill(fitted, counts: initial.counts) {
            w.replaceSubrange(0..<4, with: smoothed)
        }
        return Fit(parameters: w, stage: .full, trainingItems: training.count)
    }

    /// One card's reviews and the reviews in it to predict.
    struct Trajectory {
        var reviews: ArraySlice<TrainingReview>
        /// (offset in `reviews`, recalled, weight)
        var targets: [(position: Int, label: Double, weight: Double)]
    }

    struct Batch {
        var cards: [Trajectory]
        var predictions: Int
    }

    /// Cards in batches of at most `size` predictions (a longer card alone), shortest cards first.
    static func batches(_ items: [TrainingItem], weights: [Double], size: Int) -> [Batch] {
        var byCard: [Int: [Int]] = [:]
        for i in items.indices { byCard[items[i].card, default: []].append(i) }
        var cards: [Trajectory] = byCard.sorted(by: { $0.key < $1.key }).compactMap { _, indices in
            let members = indices.sorted { items[$0].reviews.count < items[$1].reviews.count }
            guard let last = members.last else { return nil }
            let longest = items[last].reviews
            return Trajectory(
                reviews: longest,
                targets: members.map { (items[$0].reviews.count - 1, items[$0].label, weights[$0]) })
        }
        // Stable, so cards of equal length keep card order.
        cards = cards.enumerated().sorted { ($0.element.reviews.count, $0.offset) < ($1.element.reviews.count, $1.offset) }.map(\.element)
        var out: [Batch] = []
        var current = Batch(cards: [], predictions: 0)
        for card in cards {
            if !current.cards.isEmpty && current.predictions + card.targets.count > size {
                out.append(current)
                current = Batch(cards: [], predictions: 0)
            }
            current.cards.append(card)
            current.predictions += card.targets.count
        }
        if !current.cards.isEmpty { out.append(current) }
        return out
    }

    static func train(
        _ training: [TrainingItem], start: [Double], _ configuration: OptimizerConfiguration, runPair: PairRunner
    ) -> [Double] {
        let allWeights = Evaluation.recencyWeights(training.count)
        var items: [TrainingItem] = []
        var weights: [Double] = []
        for (item, weight) in zip(training, allWeights) where item.reviews.count <= configuration.maximumSequenceLength {
            items.append(item)
            weights.append(weight)
        }
        let total = items.count
        let batches = batches(items, weights: weights, size: configuration.batchSize)
        var schedule = CosineSchedule(
            steps: Double((total / configuration.batchSize + 1) * configuration.epochs), initial: configuration.learningRate)
        var adam = Adam(count: GradientTape.parameterCount)
        var rng = SeededGenerator(seed: configuration.seed)
        // One tape and one gradient per half of a batch: each half is worked by one thread at most,
        // and the halves are added in the same order whoever ran them, so the fit is the same.
        let count = GradientTape.parameterCount
        let scratch = HalfBatchScratch(
            tapes: [GradientTape(recording: true), GradientTape(recording: true)],
            halves: .allocate(capacity: 2 * count))
        let halves = scratch.halves
        defer { halves.deallocate() }
        var w = start
        var order = Array(batches.indices)
        for _ in 0..<configuration.epochs {
            order = Array(batches.indices)
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, Int(rng.next() % UInt64(i + 1)))
            }
            for b in order {
                let rate = schedule.next()
                let cards = batches[b].cards
                let middle = cards.count / 2
                let parameters = w
                halves.initialize(repeating: 0, count: 2 * count)
                runPair { part in
                    var g = [Double](repeating: 0, count: count)
                    for card in part == 0 ? cards[..<middle] : cards[middle...] {
                        _ = lossAndGradient(card, parameters: parameters, tape: scratch.tapes[part], into: &g)
                    }
                    for i in 0..<count { scratch.halves[part * count + i] = g[i] }
                }
                var gradient = (0..<count).map { halves[$0] + halves[count + $0] }
                let scale = configuration.gamma * Double(batches[b].predictions) / Double(total)
                for i in w.indices {
                    let spread = parameterSpread[i]
                    gradient[i] += 2 * (w[i] - start[i]) / (spread * spread) * scale
                }
                adam.step(&w, gradient: gradient, rate: rate)
                ParameterBounds.clamp(&w)
            }
        }
        return w
    }

    /// The weighted log loss of a card's predictions, adding its gradient to `gradient`.
    /// Predictions are clamped to [1e−7, 1 − 1e−7], with no gradient where the clamp bites.
    static func lossAndGradient(_ card: Trajectory, parameters: [Double], tape: GradientTape, into gradient: inout [Double]) -> Double {
        tape.reset(parameters: parameters)
        let model = MemoryModel(tape: tape)
        let reviews = card.reviews
        let base = reviews.startIndex
        var state = model.initial(rating: reviews[base].rating)
        var seeds: [(Traced, Double)] = []
        var loss = 0.0
        var target = 0
        let low = 1e-7
        let high = 1 - 1e-7
        for position in 1..<reviews.count {
            let review = reviews[base + position]
            if target < card.targets.count && card.targets[target].position == position {
                let (_, y, weight) = card.targets[target]
                target += 1
                let stability = tape.clamp(state.stability, MemoryModel.stabilityRange.lowerBound, MemoryModel.stabilityRange.upperBound)
                let r = model.retrievability(days: review.deltaT, stability: stability)
                let p = Swift.min(Swift.max(r.value, low), high)
                loss -= weight * (y * log(p) + (1 - y) * log(1 - p))
                if r.value > low && r.value < high { seeds.append((r, -weight * (y / p - (1 - y) / (1 - p)))) }
            }
            if target == card.targets.count { break }
            state = model.next(state, review)
        }
        tape.backward(seeds: seeds, into: &gradient)
        return loss
    }
}

/// Adam as fsrs-rs runs it: β1 0.9, β2 0.999, ε 1e−8, bias-corrected.
struct Adam {
    private var m: [Double]
    private var v: [Double]
    private var t = 0

    init(count: Int) {
        m = [Double](repeating: 0, count: count)
        v = [Double](repeating: 0, count: count)
    }

    mutating func step(_ w: inout [Double], gradient: [Double], rate: Double) {
        t += 1
        let correction1 = 1 - pow(0.9, Double(t))
        let correction2 = 1 - pow(0.999, Double(t))
        for i in w.indices {
            m[i] = 0.9 * m[i] + 0.1 * gradient[i]
            v[i] = 0.999 * v[i] + 0.001 * gradient[i] * gradient[i]
            w[i] -= rate * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + 1e-8)
        }
    }
}

/// PyTorch's CosineAnnealingLR (η_min 0) in its recursive form, as fsrs-rs steps it once per
/// batch over `steps` batches.
struct CosineSchedule {
    let steps: Double
    let initial: Double
    private var count = -1.0
    private var rate: Double

    init(steps: Double, initial: Double) {
        self.steps = steps
        self.initial = initial
        rate = initial
    }

    mutating func next() -> Double {
        count += 1
        if count == 0 {
            rate = initial
        } else if (count - 1 - steps).truncatingRemainder(dividingBy: 2 * steps) == 0 {
            rate = initial * (1 - cos(Double.pi / steps)) / 2
        } else {
            rate = (1 + cos(Double.pi * count / steps)) / (1 + cos(Double.pi * (count - 1) / steps)) * rate
        }
        return rate
    }
}
