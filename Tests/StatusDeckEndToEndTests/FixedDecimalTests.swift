import FSRS
import Foundation
import Testing

@testable import StatusDeckCLI

/// `FixedDecimal` replaced `String(format: "%.Nf")` (corelibs Foundation, and ICU with it, left
/// the binary): it must print what printf printed, byte for byte, for every double.
@Suite struct FixedDecimalTests {
    static func printf(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// Halves that round to even, values whose decimal spelling is a half but whose binary value
    /// is not (2.675 is 2.67499…), negatives that round to "-0.00", the extremes, and NaN.
    static let table: [Double] = [
        0, -0.0, 0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375, -0.125, 2.675, 1.005, 0.045, 9.995, 99.5, 999.9999,
        -0.001, -0.004, 0.05, 0.15, 0.25, 0.35, 4.5, 5.5, 0.0625, 1e-7, 5e-5, 0.9, 0.95, 0.995, 36500.123,
        1e22, 1e23, 9_007_199_254_740_994, .leastNonzeroMagnitude, .leastNormalMagnitude,
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity, .nan, -.nan,
    ]

    @Test(arguments: 0...17) func tableMatchesPrintf(digits: Int) {
        for value in Self.table {
            #expect(FixedDecimal.format(value, digits: digits) == Self.printf(value, digits), "\(value) with \(digits) digits")
        }
    }

    /// What the listings print: stability, difficulty and retrievability at 2 to 4 digits, and
    /// arbitrary bit patterns (subnormals, huge values) at up to 6. Seeded, so a failure repeats.
    @Test func randomValuesMatchPrintf() {
        var generator = SplitMix64(seed: 0x5EED_F1CE)
        var mismatches: [String] = []
        for round in 0..<100_000 {
            let digits = Int(generator.next() % 7)
            let value: Double
            switch round % 4 {
            case 0: value = Double(Int64(bitPattern: generator.next()) % 2_000_000_000) / 1_000_000
            case 1: value = Double(Int64(bitPattern: generator.next()) % 200_000) / [2.0, 8, 200, 2000, 20000][Int(generator.next() % 5)]
            case 2: value = Double(bitPattern: generator.next())
            default: value = Double(generator.next() >> 11) / Double(1 << 53)
            }
            let mine = FixedDecimal.format(value, digits: digits)
            let theirs = Self.printf(value, digits)
            if mine != theirs, mismatches.count < 10 { mismatches.append("\(value) .\(digits)f: \(mine) vs \(theirs)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func cardListingsUseIt() {
        #expect(CardRow.fixed(2.675, 2) == "2.67")
        #expect(CardRow.fixed(0.125, 2) == "0.12")
        #expect(CardRow.fixed(-0.001, 2) == "-0.00")
    }
}
