#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How well a set of parameters predicts a history, as fsrs-rs's `evaluate` measures it.
public struct Evaluation: Hashable, Sendable {
    /// Binary cross-entropy of the predicted recall, each item weighted by recency (fsrs-rs:
    /// 0.25 + 0.75·(i/(n−1))³ for the i-th of n items in order).
    public var logLoss: Double
    /// fsrs-rs's RMSE (bins): items binned by delay, review count and lapses; per bin the mean
    /// prediction against the mean outcome, squared, weighted by the bin's recency weight.
    public var rmseBins: Double
    /// The area under the ROC curve of prediction against outcome (unweighted, ties half): the
    /// chance that a recalled item was given a higher prediction than a forgotten one.
    public var auc: Double

    /// Evaluates `parameters` (assumed within FSRS-6 bounds) on `items` in the order given;
    /// nil for no items.
    public static func of(parameters: [Double], items: [TrainingItem]) -> Evaluation? {
        guard !items.isEmpty else { return nil }
        let p = predictions(parameters: parameters, items: items)
        let weights = recencyWeights(items.count)
        var loss = 0.0
        var weightSum = 0.0
        var bins: [RMSEBin: (predicted: Double, actual: Double, count: Double, weight: Double)] = [:]
        for (i, item) in items.enumerated() {
            let y = item.label
            loss += (y * log(p[i]) + (1 - y) * log(1 - p[i])) * weights[i]
            weightSum += weights[i]
            let old = bins[item.rmseBin] ?? (0, 0, 0, 0)
            bins[item.rmseBin] = (old.predicted + p[i], old.actual + y, old.count + 1, old.weight + weights[i])
        }
        var squares = 0.0
        var binWeights = 0.0
        for bin in bins.values {
            let gap = bin.predicted / bin.count - bin.actual / bin.count
            squares += gap * gap * bin.weight
            binWeights += bin.weight
        }
        return Evaluation(
            logLoss: -loss / weightSum, rmseBins: (squares / binWeights).squareRoot(),
            auc: areaUnderCurve(p, items.map(\.label)))
    }

    /// fsrs-rs's recency weights for n items.
    static func recencyWeights(_ n: Int) -> [Double] {
        let last = Swift.max(Double(n) - 1, 1)
        return (0..<n).map { 0.25 + 0.75 * pow(Double($0) / last, 3) }
    }

    /// The predicted recall of each item's last review. Items of one card that extend the one
    /// before continue from its state instead of replaying the card from the start.
    static func predictions(parameters: [Double], items: [TrainingItem]) -> [Double] {
        let tape = GradientTape(recording: false)
        tape.reset(parameters: parameters)
        let model = MemoryModel(tape: tape)
        var cache: [Int: (history: ArraySlice<TrainingReview>, state: MemoryModel.State)] = [:]
        var out: [Double] = []
        out.reserveCapacity(items.count)
        for item in items {
            let history = item.reviews.dropLast()
            var state: MemoryModel.State
            var from: Int
            if let known = cache[item.card], known.history.count <= history.count,
                history.prefix(known.history.count).elementsEqual(known.history)
            {
                state = known.state
                from = history.startIndex + known.history.count
            } else {
                let first = history[history.startIndex]
                state = model.initial(rating: first.rating)
                from = history.startIndex + 1
            }
            while from < history.endIndex {
                state = model.next(state, history[from])
                from += 1
            }
            cache[item.card] = (history, state)
            out.append(model.retrievability(days: item.current.deltaT, stability: state.stability).value)
        }
        return out
    }

    /// Mann–Whitney AUC with average ranks for ties; 0.5 when one class is absent.
    static func areaUnderCurve(_ predictions: [Double], _ labels: [Double]) -> Double {
        let order = predictions.indices.sorted { predictions[$0] < predictions[$1] }
        var rankSum = 0.0
        var positives = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && predictions[order[j + 1]] == predictions[order[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i...j where labels[order[k]] == 1 {
                rankSum += rank
                positives += 1
            }
            i = j + 1
        }
        let negatives = Double(predictions.count) - positives
        guard positives > 0, negatives > 0 else { return 0.5 }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }
}
