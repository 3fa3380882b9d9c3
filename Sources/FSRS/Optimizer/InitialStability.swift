#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The pre-fit of w0…w3 (the stability after a first Again, Hard, Good, Easy) from the cards'
/// first long-term reviews, and the outlier filter that comes before it, as fsrs-rs does them
/// (`dataset.rs`, `parameter_initialization.rs`).
enum InitialStability {
    static let highest = 100.0

    /// The items to train on and those that pre-fit the initial stabilities.
    struct Split {
        var training: [TrainingItem]
        var initialization: [TrainingItem]
    }

    /// fsrs-rs's outlier filter. Items with exactly one long-term review are grouped by first
    /// rating and days to the first long-term review; per rating, the rarest delays (together
    /// under max(20, 5 %) of the group) are dropped, and so are delays seen fewer than 6 times
    /// or longer than 100 days (365 after Easy). Every item of a card whose first delay was
    /// dropped leaves the training set too.
    static func split(_ items: [TrainingItem]) -> Split {
        // rating → delay → item indices
        var groups: [Int: [Int: [Int]]] = [:]
        for (index, item) in items.enumerated() where item.longTermReviewCount == 1 {
            groups[item.reviews[item.reviews.startIndex].rating, default: [:]][item.current.deltaT, default: []].append(index)
        }
        var removed: [Int: Set<Int>] = [:]
        var kept: [Int] = []
        for (rating, byDelay) in groups.sorted(by: { $0.key < $1.key }) {
            // Rarest first; among equally rare, the shortest delay first.
            let delays = byDelay.sorted { ($0.value.count, $0.key) < ($1.value.count, $1.key) }
            let total = delays.reduce(0) { $0 + $1.value.count }
            var removedCount = 0
            for (delay, indices) in delays {
                if removedCount + indices.count >= max(20, total / 20) {
                    if indices.count >= 6 && delay <= (rating != 4 ? 100 : 365) {
                        kept += indices
                    } else {
                        removed[rating, default: []].insert(delay)
                    }
                } else {
                    removedCount += indices.count
                    removed[rating, default: []].insert(delay)
                }
            }
        }
        let training = items.filter { item in
            guard let first = item.firstLongTermReview else { return false }
            return !(removed[item.reviews[item.reviews.startIndex].rating]?.contains(first.deltaT) ?? false)
        }
        return Split(training: training, initialization: kept.map { items[$0] })
    }

    /// The share of items recalled.
    static func averageRecall(_ items: [TrainingItem]) -> Double {
        items.isEmpty ? 0 : items.reduce(0) { $0 + $1.label } / Double(items.count)
    }

    /// Fitted w0…w3 and how many first reviews had each rating; nil when no first rating has
    /// data (fsrs-rs's `NotEnoughData`).
    static func fit(_ initialization: [TrainingItem], averageRecall: Double) -> (stability: [Double], counts: [Int: Int])? {
        // rating → delay → (recalled, count)
        var groups: [Int: [Int: (Double, Double)]] = [:]
        for item in initialization where item.longTermReviewCount == 1 {
            guard let first = item.firstLongTermReview else { continue }
            let rating = item.reviews[item.reviews.startIndex].rating
            let old = groups[rating, default: [:]][first.deltaT] ?? (0, 0)
            groups[rating, default: [:]][first.deltaT] = (old.0 + (first.rating > 1 ? 1 : 0), old.1 + 1)
        }
        var fitted: [Int: Double] = [:]
        var counts: [Int: Int] = [:]
        for (rating, byDelay) in groups {
            let data = byDelay.sorted { $0.key < $1.key }
            let delays = data.map { Double($0.key) }
            let count = data.map(\.value.1)
            // Laplace smoothing towards the average recall.
            let recall = data.map { ($0.value.0 + averageRecall) / ($0.value.1 + 1) }
            counts[rating] = Int(count.reduce(0, +))
            fitted[rating] = search(delays: delays, recall: recall, count: count, prior: SchedulerConfiguration.defaultParameters[rating - 1])
        }
        guard let stability = smoothAndFill(fitted, counts: counts) else { return nil }
        return (stability, counts)
    }

    /// Ternary search over [0.001, 100] for the stability minimising the count-weighted log loss
    /// of the default forgetting curve plus |S − prior|/16.
    private static func search(delays: [Double], recall: [Double], count: [Double], prior: Double) -> Double {
        let decay = -SchedulerConfiguration.defaultParameters[20]
        let factor = pow(0.9, 1 / decay) - 1
        func loss(_ s: Double) -> Double {
            var total = 0.0
            for i in delays.indices {
                let p = pow(delays[i] / s * factor + 1, decay)
                total += -(recall[i] * log(p) + (1 - recall[i]) * log(1 - p)) * count[i]
            }
            return total + abs(s - prior) / 16
        }
        var low = MemoryModel.stabilityRange.lowerBound
        var high = highest
        var best = prior
        var iterations = 0
        while high - low > Double.ulpOfOne && iterations < 1000 {
            iterations += 1
            let a = low + (high - low) / 3
            let b = high - (high - low) / 3
            if loss(a) < loss(b) { high = b } else { low = a }
            best = (high + low) / 2
        }
        return best
    }

    /// fsrs-rs's `smooth_and_fill`: keeps only ratings that had data, makes stability grow with
    /// the rating (the better-attested value wins), fills the missing ratings from the present
    /// ones by its interpolation rules, and clamps to [0.001, 100]. nil when no rating had data.
    static func smoothAndFill(_ stability: [Int: Double], counts: [Int: Int]) -> [Double]? {
        var s = stability.filter { counts[$0.key] != nil }
        for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
            if let a = s[small], let b = s[big], a > b {
                if counts[small, default: 0] > counts[big, default: 0] { s[big] = a } else { s[small] = b }
            }
        }
        let w1 = 0.41
        let w2 = 0.54
        var r: [Double?] = [nil, s[1], s[2], s[3], s[4]]
        switch s.count {
        case 0:
            return nil
        case 1:
            let (rating, value) = s.first!
            let factor = value / SchedulerConfiguration.defaultParameters[rating - 1]
            r = [nil] + SchedulerConfiguration.defaultParameters[0..<4].map { $0 * factor }.sorted()
        case 2:
            switch (r[1], r[2], r[3], r[4]) {
            case (nil, nil, let r3?, let r4?):
                let r2 = pow(r3, 1 / (1 - w2)) * pow(r4, 1 - 1 / (1 - w2))
                r[2] = r2
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, nil, let r4?):
                let r3 = pow(r2, 1 - w2) * pow(r4, w2)
                r[3] = r3
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, let r3?, nil):
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (let r1?, nil, nil, let r4?):
                let k = w1 * -w2 + (w1 + w2)
                r[2] = pow(r1, w1 / k) * pow(r4, 1 - w1 / k)
                r[3] = pow(r1, 1 - w2 / k) * pow(r4, w2 / k)
            case (let r1?, nil, let r3?, nil):
                let r2 = pow(r1, w1) * pow(r3, 1 - w1)
                r[2] = r2
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            case (let r1?, let r2?, nil, nil):
                let r3 = pow(r1, 1 - 1 / (1 - w1)) * pow(r2, 1 / (1 - w1))
                r[3] = r3
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            default:
                break
            }
        case 3:
            switch (r[1], r[2], r[3], r[4]) {
            case (nil, let r2?, let r3?, _): r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (let r1?, nil, let r3?, _): r[2] = pow(r1, w1) * pow(r3, 1 - w1)
            case (_, let r2?, nil, let r4?): r[3] = pow(r2, 1 - w2) * pow(r4, w2)
            case (_, let r2?, let r3?, nil): r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            default: break
            }
        default:
            break
        }
        let values = r.compactMap { $0 }
        guard values.count >= 4 else { return nil }
        return values.prefix(4).map { Swift.min(Swift.max($0, MemoryModel.stabilityRange.lowerBound), highest) }
    }
}
