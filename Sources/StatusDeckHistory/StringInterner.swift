/// Hands out one shared String per distinct byte sequence, and its number in order of first sight.
///
/// A history repeats a few hundred card ids and a few deck ids a million times; each line's
/// bytes are looked up here, so the lookup is kept to a few loads: the hash reads three words
/// whatever the length, and the bytes of every string sit in one flat buffer.
struct StringInterner: Sendable {
    private var slots: [Int32]
    private(set) var strings: [String] = []
    /// Every string's bytes, one after another; string k is `storage[ends[k - 1]..<ends[k]]`.
    private var storage: [UInt8] = []
    private var ends: [Int] = []
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
    func matches(_ index: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : ends[index - 1]
        guard ends[index] - start == b.count else { return false }
        return storage.withUnsafeBufferPointer { s in
            guard let p = s.baseAddress, let q = b.baseAddress else { return true }
            return Self.equal(p + start, q, b.count)
        }
    }

    /// The index of `s` among the distinct strings, adding it when new.
    mutating func index(of s: String) -> Int32 {
        var s = s
        return s.withUTF8 { index($0) }
    }

    /// The index of `s` if it was seen, without adding it.
    func existingIndex(of s: String) -> Int? {
        var s = s
        return s.withUTF8 { b in find(b, hash: Self.hash(b)).map(Int.init) }
    }

    @inline(__always)
    private func find(_ b: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32? {
        guard !slots.isEmpty else { return nil }
        return slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                let mask = slots.count - 1
                var i = Int(truncatingIfNeeded: h >> 40) & mask
                while true {
                    let s = Int(slots[i])
                    if s < 0 { return nil }
                    if hashes[s] == h && matches(s, b) { return Int32(s) }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// The index of these bytes among the distinct strings, adding them when new. Inlined into
    /// the line fast path, which calls it for every line's card: a string seen before (nearly
    /// always) costs the hash and a probe, not a call; adding one is kept out of line.
    @inline(__always)
    mutating func index(_ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(b)
        if let found = find(b, hash: h) { return found }
        return add(b, hash: h)
    }

    @inline(never)
    private mutating func add(_ b: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32 {
        if slots.isEmpty { slots = [Int32](repeating: -1, count: 64) }
        let index = Int32(strings.count)
        strings.append(String(decoding: b, as: UTF8.self))
        storage.append(contentsOf: b)
        ends.append(storage.count)
        hashes.append(h)
        if strings.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for s in hashes.indices { place(Int32(s)) }
        } else {
            place(index)
        }
        return index
    }

    private mutating func place(_ s: Int32) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hashes[Int(s)] >> 40) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = s
    }

    /// The first, middle and last eight bytes and the length: ids that share a prefix and a
    /// suffix (`http/404/…-to-code`) differ in the middle. Strings that share all three words
    /// and the length still work, they only probe further.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = b.count
        var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        guard let base = b.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        if n >= 8 {
            let words = (
                raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: n / 2 - 4, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            )
            h = (h ^ words.0) &* 0xBF58_476D_1CE4_E5B9
            h = (h ^ words.1 ^ (h >> 29)) &* 0x94D0_49BB_1331_11EB
            h = (h ^ words.2 ^ (h >> 32)) &* 0x9E37_79B9_7F4A_7C15
        } else {
            var last: UInt64 = 0
            for i in 0..<n { last |= UInt64(base[i]) << UInt64(8 * i) }
            h = (h ^ last) &* 0xBF58_476D_1CE4_E5B9
        }
        return h ^ (h >> 31)
    }

    /// `memcmp(p, q, n) == 0` for short strings without the call: eight bytes a step, the last
    /// step overlapping the one before.
    @inline(__always)
    static func equal(_ p: UnsafePointer<UInt8>, _ q: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let a = UnsafeRawPointer(p), b = UnsafeRawPointer(q)
        if n < 8 {
            for i in 0..<n where p[i] != q[i] { return false }
            return true
        }
        var i = 0
        while i + 8 < n {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        return a.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
}
