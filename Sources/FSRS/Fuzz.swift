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
    ///
    /// A replay calls this once a review. FNV-1a's step on a zero byte is a bare multiply by the
    /// prime (x ^ 0 == x), so the count's high zero bytes (all but one or two for any real count)
    /// are one multiply by a power of the prime instead of one dependent multiply each: the same
    /// number, since wrapping multiplication is associative.
    @inlinable
    public static func unit(seed: UInt64, reviewCount: Int) -> Double {
        var rest = UInt64(truncatingIfNeeded: reviewCount)
        var hash = seed
        var left = 8
        repeat {
            hash = (hash ^ (rest & 0xFF)) &* StableHash.fnvPrime
            rest >>= 8
            left -= 1
        } while rest != 0
        hash &*= primePower(left)
        return Double(StableHash.mix(hash) >> 11) * 0x1p-53
    }

    /// The FNV prime to the power `k` (0...7), modulo 2^64.
    @inlinable
    static func primePower(_ k: Int) -> UInt64 {
        switch k {
        case 0: 0x0000_0000_0000_0001
        case 1: 0x0000_0100_0000_01B3
        case 2: 0x0003_6600_0002_E329
        case 3: 0x08A9_7B00_04E7_FEAB
        case 4: 0x9FFA_AC08_5635_BC91
        case 5: 0x0CAE_E32A_7D4F_6A63
        case 6: 0xDC96_6432_EDF1_C639
        default: 0xC552_7B8A_51D3_D2DB
        }
    }
}
