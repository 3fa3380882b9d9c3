#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands out one shared String per distinct byte sequence.
///
/// A history repeats a few hundred card ids and deck names a million times; sharing one String
/// each saves a heap allocation per field and lets later lookups compare by identity.
struct StringInterner: Sendable {
    private var slots: [Int32]
    private(set) var strings: [String] = []
    private var bytes: [[UInt8]] = []
    private var hashes: [UInt64] = []

    /// Allocates nothing until the first string, so an empty interner is free to create and swap.
    init() { slots = [] }

    mutating func intern(_ b: UnsafeBufferPointer<UInt8>) -> String {
        strings[Int(index(b))]
    }

    /// How many distinct strings were seen; indices run from 0 to this, in order of first sight.
    var count: Int { strings.count }

    func string(at index: Int) -> String { strings[index] }

    /// Whether the string at `index` is exactly these bytes.
    @inline(__always)
    func matches(_ index: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool { Self.same(bytes[index], b) }

    /// The index of `s` among the distinct strings, adding it when new.
    mutating func index(of s: String) -> Int32 {
        var s = s
        return s.withUTF8 { index($0) }
    }

    /// The index of these bytes among the distinct strings, adding them when new.
    mutating func index(_ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        if slots.isEmpty { slots = [Int32](repeating: -1, count: 64) }
        let h = Self.hash(b)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let s = Int(slots[i])
            if s < 0 { break }
            if hashes[s] == h && Self.same(bytes[s], b) { return Int32(s) }
            i = (i + 1) & mask
        }
        let index = Int32(strings.count)
        slots[i] = index
        strings.append(String(decoding: b, as: UTF8.self))
        bytes.append(Array(b))
        hashes.append(h)
        if strings.count * 2 > slots.count { grow() }
        return index
    }

    /// Eight bytes a step; card ids are a few dozen bytes, so this is a handful of multiplies.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(b.count)
        guard let base = b.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        var last: UInt64 = 0
        if i < b.count, b.count >= 8 {
            // The last eight bytes, overlapping ones already mixed: one load instead of a byte loop.
            last = raw.loadUnaligned(fromByteOffset: b.count - 8, as: UInt64.self)
        } else {
            var shift: UInt64 = 0
            while i < b.count {
                last |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
        }
        h = (h ^ last) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }

    @inline(__always)
    private static func same(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { x in
            guard let p = x.baseAddress, let q = b.baseAddress else { return true }
            return memcmp(p, q, b.count) == 0
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (s, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(s)
        }
    }
}
