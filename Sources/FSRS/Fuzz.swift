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
        let prime: UInt64 = 0x0000_0100_0000_01B3
        let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
        // Native strings hash straight from their buffer; the iterator is the fallback for bridged ones.
        var hash = cardID.utf8.withContiguousStorageIfAvailable { bytes in
            var hash = offsetBasis
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= prime
            }
            return hash
        } ?? cardID.utf8.reduce(offsetBasis) { hash, byte in (hash ^ UInt64(byte)) &* prime }
        hash ^= 0xFF
        hash &*= prime
        return hash
    }

    /// `unit(cardID:reviewCount:)` for the card whose `seed(cardID:)` is `seed`; the same number.
    @inlinable
    public static func unit(seed: UInt64, reviewCount: Int) -> Double {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var hash = seed
        var count = UInt64(truncatingIfNeeded: reviewCount)
        for _ in 0..<8 {
            hash ^= count & 0xFF
            hash &*= prime
            count >>= 8
        }
        hash ^= hash >> 30
        hash &*= 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 27
        hash &*= 0x94D0_49BB_1331_11EB
        hash ^= hash >> 31
        return Double(hash >> 11) * 0x1p-53
    }
}
