/// The deterministic stand-in for py-fsrs's `random()` when it fuzzes an interval.
///
/// py-fsrs draws from a process-global Mersenne Twister, so its due dates cannot be replayed.
/// Deriving the number from the card id and the review count instead (as Anki does) means
/// replaying a history reproduces every fuzzed due date, on any machine, in any process.
/// Swift's `Hasher` is seeded per process, so the hash is written out here and must never change:
/// changing it would move the due dates of every fuzzed card in every existing history.
public enum Fuzz {
    /// A number in [0, 1) that depends only on `cardID` and `reviewCount`.
    ///
    /// Pass as `reviewCount` the number of reviews of the card that come before the one being
    /// scheduled (0 for the first review). FNV-1a 64 over the id's UTF-8, a 0xFF separator (a byte
    /// UTF-8 never contains, so "a1"+2 and "a"+12 cannot collide by concatenation) and the count's
    /// eight little-endian bytes, then the SplitMix64 finalizer so consecutive counts give unrelated
    /// numbers; the top 53 bits become the fraction.
    @inlinable
    public static func unit(cardID: String, reviewCount: Int) -> Double {
        unit(seed: seed(cardID: cardID), reviewCount: reviewCount)
    }

    /// The hash state after the card id and its separator: the part of `unit` that depends only
    /// on the card. A replay computes it once per card instead of once per review.
    @inlinable
    public static func seed(cardID: String) -> UInt64 {
        StableHash.fnv1a(CollectionOfOne(0xFF), from: StableHash.fnv1a(cardID))
    }

    /// `unit(cardID:reviewCount:)` for the card whose `seed(cardID:)` is `seed`; the same number.
    @inlinable
    public static func unit(seed: UInt64, reviewCount: Int) -> Double {
        var count = UInt64(truncatingIfNeeded: reviewCount).littleEndian
        let hash = withUnsafeBytes(of: &count) { StableHash.fnv1a($0, from: seed) }
        return Double(StableHash.mix(hash) >> 11) * 0x1p-53
    }
}
