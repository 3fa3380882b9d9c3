#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One review as the optimizer sees it: the button and the study days since the card's previous
/// review (0 for the first review and for a review on the same study day as the one before).
public struct TrainingReview: Hashable, Sendable {
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    public var rating: Int
    /// Whole study days since the previous review of the card.
    public var deltaT: Int

    public init(rating: Int, deltaT: Int) {
        self.rating = rating
        self.deltaT = deltaT
    }
}

/// fsrs-rs's `FSRSItem`: a card's reviews up to and including one review that came a study day or
/// more after the one before it. Everything before the last review is history; the last review
/// is what the model predicts (recalled unless Again).
public struct TrainingItem: Hashable, Sendable {
    /// The card's reviews from its first to the one predicted; a slice, so that the items of one
    /// card share one array.
    public var reviews: ArraySlice<TrainingReview>
    /// Which card it belongs to (any number that is the same for every item of a card).
    public var card: Int

    public init(reviews: ArraySlice<TrainingReview>, card: Int) {
        self.reviews = reviews
        self.card = card
    }

    public init(reviews: [TrainingReview], card: Int) {
        self.init(reviews: reviews[...], card: card)
    }

    /// The review predicted.
    public var current: TrainingReview { reviews[reviews.endIndex - 1] }

    /// Recalled: the last review was not Again.
    public var label: Double { current.rating > 1 ? 1 : 0 }

    /// Reviews that came on a later study day than the one before (`delta_t > 0`).
    public var longTermReviewCount: Int { reviews.reduce(0) { $0 + ($1.deltaT > 0 ? 1 : 0) } }

    /// The first review on a later study day, if any.
    var firstLongTermReview: TrainingReview? { reviews.first { $0.deltaT > 0 } }

    /// The bin of fsrs-rs `evaluate`'s RMSE: elapsed days, number of long-term reviews and
    /// lapses, each on a logarithmic scale (fsrs-rs `FSRSItem::r_matrix_index`).
    public var rmseBin: RMSEBin {
        func bucket(_ x: Double, base: Double, scale: Double) -> Int {
            Int((scale * pow(base, (log(x) / log(base)).rounded(.down))).rounded())
        }
        let elapsed = Int((2.48 * pow(3.62, (log(Double(current.deltaT)) / log(3.62)).rounded(.down)) * 100).rounded())
        let length = bucket(Double(longTermReviewCount + 1), base: 1.89, scale: 1.99)
        var lapses = 0
        for review in reviews.dropLast() where review.rating == 1 && review.deltaT > 0 { lapses += 1 }
        let lapse = lapses == 0 ? 0 : bucket(Double(lapses), base: 1.73, scale: 1.65)
        return RMSEBin(elapsed: elapsed, length: length, lapses: lapse)
    }
}

/// A cell of the RMSE (bins) table.
public struct RMSEBin: Hashable, Sendable {
    public var elapsed: Int
    public var length: Int
    public var lapses: Int
}
