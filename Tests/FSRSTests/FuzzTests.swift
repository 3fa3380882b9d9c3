import Testing

@testable import FSRS

@Suite struct FuzzTests {
    /// Pinned values: changing the hash would move every fuzzed due date in existing histories.
    /// (They come from the Python port in Fixtures/generate_conformance.py.)
    @Test func unitIsPinned() {
        #expect(Fuzz.unit(cardID: "http/404/code-to-meaning", reviewCount: 0) == Double(808_078_805_730_417) * 0x1p-53)
        #expect(Fuzz.unit(cardID: "http/404/code-to-meaning", reviewCount: 1) == Double(124_117_766_884_213) * 0x1p-53)
        #expect(Fuzz.unit(cardID: "", reviewCount: 0) == Double(4_528_053_500_482_786) * 0x1p-53)
        #expect(Fuzz.unit(cardID: "卡片", reviewCount: 7) == Double(1_129_636_063_940_693) * 0x1p-53)
    }

    @Test func unitIsInRangeAndRoughlyUniform() {
        var buckets = [Int](repeating: 0, count: 10)
        var sum = 0.0
        let ids = (0..<200).map { "http/\(300 + $0)/code-to-meaning" }
        for id in ids {
            for count in 0..<100 {
                let u = Fuzz.unit(cardID: id, reviewCount: count)
                #expect(u >= 0 && u < 1)
                buckets[Int(u * 10)] += 1
                sum += u
            }
        }
        #expect(abs(sum / 20_000 - 0.5) < 0.01)
        #expect(buckets.allSatisfy { (1800...2200).contains($0) })
    }

    /// The split form a replay uses must give the very same numbers, or due dates would move.
    @Test func seedThenUnitEqualsUnit() {
        for id in ["", "a", "http/404/code-to-meaning", "卡片", String(repeating: "x", count: 100)] {
            let seed = Fuzz.seed(cardID: id)
            for count in [0, 1, 2, 255, 256, 65_537, Int.max, -1] {
                #expect(Fuzz.unit(seed: seed, reviewCount: count) == Fuzz.unit(cardID: id, reviewCount: count))
            }
        }
        #expect(Fuzz.unit(seed: Fuzz.seed(cardID: "http/404/code-to-meaning"), reviewCount: 1) == Double(124_117_766_884_213) * 0x1p-53)
    }

    /// `unit(seed:)` multiplies by a power of the prime for the count's high zero bytes; it must
    /// equal FNV-1a over all eight bytes, one at a time, for counts of every byte length.
    @Test func unitEqualsTheBytewiseHash() {
        var counts = Array(0...600) + [-1, Int.min, Int.max, 65_535, 65_536, 1 << 24, (1 << 24) + 7, 1 << 40, 1 << 56]
        var generator = SplitMix64(seed: 18)
        for _ in 0..<2_000 { counts.append(Int(truncatingIfNeeded: generator.next() >> (generator.next() % 64))) }
        for id in ["", "http/404/code-to-meaning", "卡片"] {
            let seed = Fuzz.seed(cardID: id)
            for count in counts {
                var bytes = UInt64(truncatingIfNeeded: count).littleEndian
                let hash = withUnsafeBytes(of: &bytes) { raw in raw.reduce(seed) { ($0 ^ UInt64($1)) &* StableHash.fnvPrime } }
                #expect(Fuzz.unit(seed: seed, reviewCount: count) == Double(StableHash.mix(hash) >> 11) * 0x1p-53, "count \(count)")
            }
        }
    }

    @Test func separatorKeepsIdAndCountApart() {
        #expect(Fuzz.unit(cardID: "a1", reviewCount: 2) != Fuzz.unit(cardID: "a", reviewCount: 12))
        #expect(Fuzz.unit(cardID: "a", reviewCount: 0) != Fuzz.unit(cardID: "a", reviewCount: 1))
        #expect(Fuzz.unit(cardID: "a", reviewCount: 5) == Fuzz.unit(cardID: String("xa".dropFirst()), reviewCount: 5))
    }

    /// py-fsrs's range (checked against py-fsrs with `random` patched to 0 and to 0.999999999):
    /// I ≤ 2 is left alone; otherwise [lo, hi] widened to hi + 1 by rounding, capped at the maximum.
    @Test(arguments: [(Int64(1), Int64(1), Int64(1)), (2, 2, 2), (3, 2, 5), (10, 8, 13), (100, 93, 108), (36_500, 34_673, 36_500)])
    func fuzzedDaysSpanPyFSRSRange(days: Int64, low: Int64, high: Int64) {
        let scheduler = defaultScheduler(fuzz: true)
        #expect(scheduler.fuzzedDays(days, fuzz: 0) == low)
        #expect(scheduler.fuzzedDays(days, fuzz: 0.999_999_999) == high)
        let all = stride(from: 0.0, to: 1.0, by: 0.0005).map { scheduler.fuzzedDays(days, fuzz: $0) }
        #expect(all.allSatisfy { (low...high).contains($0) })
        if high - low < 100 { #expect(Set(all).count == Int(high - low + 1)) }
    }

    /// Below 1,024 days the range comes from a table made when the scheduler is; it must give
    /// what py-fsrs's formula, written out here, gives, up to and past the table's end and with
    /// a maximum inside the table.
    @Test(arguments: [36_500, 400])
    func fuzzedDaysFromTheTableEqualTheFormula(maximum: Int) throws {
        let scheduler = try Scheduler(SchedulerConfiguration(maximumInterval: maximum))
        for days in Int64(3)...1_100 {
            let interval = Double(days)
            let delta =
                1.0 + 0.15 * max(min(interval, 7) - 2.5, 0) + 0.1 * max(min(interval, 20) - 7, 0) + 0.05 * max(interval - 20, 0)
            let high = min(Int64((interval + delta).rounded(.toNearestOrEven)), Int64(maximum))
            let low = min(max(2, Int64((interval - delta).rounded(.toNearestOrEven))), high)
            for fuzz in [0, 0.25, 0.5, 0.999_999] {
                let drawn = min(Int64((fuzz * Double(high - low + 1) + Double(low)).rounded(.toNearestOrEven)), Int64(maximum))
                #expect(scheduler.fuzzedDays(days, fuzz: fuzz) == drawn, "\(days) days, fuzz \(fuzz)")
            }
        }
    }

    @Test func fuzzOutsideTheUnitIntervalCountsAsZero() {
        let scheduler = defaultScheduler(fuzz: true)
        for bad in [-0.5, 1, 7, .nan, .infinity, -.infinity] {
            #expect(scheduler.fuzzedDays(10, fuzz: bad) == 8)
        }
    }
}
