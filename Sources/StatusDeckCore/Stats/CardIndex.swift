/// Card id → position, for the replay loop that looks one up per answer.
///
/// A million lookups through `[String: Int32]` spend most of their time in SipHash; the ids are
/// a few hundred short ASCII strings, so FNV-1a over their bytes with open addressing is several
/// times cheaper, and the history's interned strings make the final equality check a pointer
/// comparison.
struct CardIndex {
    private(set) var ids: [String] = []
    private var slots = [Int32](repeating: -1, count: 1024)

    @inline(__always)
    private static func hash(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { bytes in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            return Int(truncatingIfNeeded: h ^ (h >> 32))
        }
    }

    /// The position of `id`, or nil when it was never inserted. A match keeps the caller's copy
    /// of the id, so the next lookup of an interned id compares storage, not bytes.
    @inline(__always)
    mutating func find(_ id: String) -> Int32? {
        let mask = slots.count - 1
        var i = Self.hash(id) & mask
        while true {
            let s = slots[i]
            if s < 0 { return nil }
            if ids[Int(s)] == id {
                ids[Int(s)] = id
                return s
            }
            i = (i + 1) & mask
        }
    }

    /// Adds `id` at the next position; the caller checked that it is not there.
    @discardableResult
    mutating func insert(_ id: String) -> Int32 {
        if (ids.count + 1) * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for (n, existing) in ids.enumerated() { place(existing, Int32(n)) }
        }
        let position = Int32(ids.count)
        ids.append(id)
        place(id, position)
        return position
    }

    private mutating func place(_ id: String, _ position: Int32) {
        let mask = slots.count - 1
        var i = Self.hash(id) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = position
    }

    var count: Int { ids.count }
}
