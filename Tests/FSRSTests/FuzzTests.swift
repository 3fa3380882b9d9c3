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

    @Test func fuzzOutsideTheUnitIntervalCountsAsZero() {
        let scheduler = defaultScheduler(fuzz: true)
        for bad in [-0.5, 1, 7, .nan, .infinity, -.infinity] {
            #expect(scheduler.fuzzedDays(10, fuzz: bad) == 8)
        }
    }
}
