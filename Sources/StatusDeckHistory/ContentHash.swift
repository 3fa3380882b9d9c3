import FSRS

/// A fast 64-bit hash of bytes, to tell whether a file's content is still what it was.
///
/// Not for security: it guards a cache against edits, truncation and bit rot, where a chance
/// collision is 1 in 2^64. Four independent lanes of xor, multiply and rotate a word at a time
/// keep a core busy at about a byte a cycle and a half.
public enum ContentHash {
    private static let k1: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let k2: UInt64 = 0xBF58_476D_1CE4_E5B9
    private static let k3: UInt64 = 0x94D0_49BB_1331_11EB
    private static let k4: UInt64 = 0x2545_F491_4F6C_DD1D

    public static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let n = bytes.count
        var a = seed ^ k1, b = seed ^ k2, c = seed ^ k3, d = seed ^ k4
        if let p = bytes.baseAddress {
            var i = 0
            while i + 32 <= n {
                a = rotate((a ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k1)
                b = rotate((b ^ p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* k2)
                c = rotate((c ^ p.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)) &* k3)
                d = rotate((d ^ p.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) &* k4)
                i += 32
            }
            while i + 8 <= n {
                a = rotate((a ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k1)
                i += 8
            }
            var last: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                last |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << shift
                shift += 8
                i += 1
            }
            b = rotate((b ^ last) &* k2)
        }
        return combine(combine(combine(mix(a ^ UInt64(n)), b), c), d)
    }

    /// Folds `value` into `hash`, order-sensitive: the hash of a sequence of blocks.
    @inline(__always)
    public static func combine(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        mix(hash &* k3 ^ value)
    }

    @inline(__always)
    private static func rotate(_ x: UInt64) -> UInt64 { x << 31 | x >> 33 }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 { StableHash.mix(x) }
}
