/// Hashes that are the same on every run and every machine, unlike Swift's `Hasher` (seeded per
/// process). Their values end up stored (fuzzed due dates, Anki guids) or shown (choice order),
/// so they must never change.
public enum StableHash {
    public static let fnvOffsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    public static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// FNV-1a 64 of `bytes`, continuing from `hash`.
    @inlinable
    public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes, from hash: UInt64 = fnvOffsetBasis) -> UInt64
    where Bytes.Element == UInt8 {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= fnvPrime
        }
        return hash
    }

    /// FNV-1a 64 of a string's UTF-8, straight from a native string's buffer when it has one.
    @inlinable
    public static func fnv1a(_ string: String, from hash: UInt64 = fnvOffsetBasis) -> UInt64 {
        string.utf8.withContiguousStorageIfAvailable { fnv1a($0, from: hash) } ?? fnv1a(string.utf8, from: hash)
    }

    /// SplitMix64's finalizer: every input bit reaches every output bit.
    @inlinable
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A seeded generator, so the same seed gives the same numbers on any machine: synthetic
/// histories for benchmarks and property tests whose failures replay from their seed.
///
/// SplitMix64 (Steele, Lea, Flood 2014): one 64-bit state, passes BigCrush, and small enough to
/// write out here rather than depend on a library's generator that might change between versions.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return StableHash.mix(state)
    }

    /// A uniform number in [0, 1) from the top 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform whole number in `range`; the tiny modulo bias is irrelevant for test data.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
}
