/// Hands out one shared String per distinct byte sequence.
///
/// A history repeats a few hundred card ids and deck names a million times; sharing one String
/// each saves a heap allocation per field and lets later lookups compare by identity.
struct StringInterner {
    private var slots: [Int32]
    private var strings: [String] = []
    private var bytes: [[UInt8]] = []
    private var hashes: [UInt64] = []

    /// Allocates nothing until the first string, so an empty interner is free to create and swap.
    init() { slots = [] }

    mutating func intern(_ b: UnsafeBufferPointer<UInt8>) -> String {
        if slots.isEmpty { slots = [Int32](repeating: -1, count: 64) }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in b { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let s = Int(slots[i])
            if s < 0 { break }
            if hashes[s] == h && bytes[s].elementsEqual(b) { return strings[s] }
            i = (i + 1) & mask
        }
        let string = String(decoding: b, as: UTF8.self)
        slots[i] = Int32(strings.count)
        strings.append(string)
        bytes.append(Array(b))
        hashes.append(h)
        if strings.count * 2 > slots.count { grow() }
        return string
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
