/// `%.Nf` without Foundation: `String(format:)` lives in corelibs Foundation, which drags ICU and
/// ~1.9 ms of relocations into every start of the static binary for three call sites.
///
/// The digits are those of the double's exact binary value, rounded half to even, as glibc's
/// printf does; rounding a shorter decimal (`description`) instead would turn 2.675, stored as
/// 2.67499999…, into 2.68. Negative values keep their sign even when they round to zero
/// ("-0.00"), and non-finite values print as glibc prints them ("nan", "-inf").
enum FixedDecimal {
    /// `value` with exactly `digits` digits after the point (none and no point for 0).
    static func format(_ value: Double, digits: Int) -> String {
        precondition((0...17).contains(digits), "FixedDecimal supports 0 to 17 decimals")
        let sign = value.sign == .minus ? "-" : ""
        if value.isNaN { return sign + "nan" }
        if value.isInfinite { return sign + "inf" }
        // value = significand × 2^exponent, with an integer significand below 2^53.
        let magnitude = value.magnitude
        var significand = magnitude.significandBitPattern
        var exponent = Int(Double.leastNormalMagnitude.exponent) - Double.significandBitCount
        if magnitude.isNormal {
            significand |= 1 << UInt64(Double.significandBitCount)
            exponent = Int(magnitude.exponent) - Double.significandBitCount
        }
        var integer: [UInt8]  // decimal digits of the integer part, most significant first
        var fraction = [UInt8](repeating: 0, count: digits)
        var roundUp = false
        if exponent >= 0 {
            integer = decimalDigits(of: significand, shiftedLeft: exponent)
        } else {
            let shift = -exponent
            integer = shift < 64 ? decimalDigits(of: significand >> UInt64(shift), shiftedLeft: 0) : [0]
            // The remainder below 1, as remainder / 2^shift. It stays below 2^53 × 10^digits,
            // under 2^110 for 17 digits, so 128 bits hold every step exactly.
            var remainder = shift < 64 ? UInt128(significand & ((1 << UInt64(shift)) - 1)) : UInt128(significand)
            for i in 0..<digits {
                remainder *= 10
                if shift < 128 {
                    fraction[i] = UInt8(truncatingIfNeeded: remainder >> UInt128(shift))
                    remainder &= (1 << UInt128(shift)) - 1
                }
            }
            // What is left decides: more than half a unit up, less down, exactly half to even.
            if remainder != 0 && shift < 128 {
                let half = UInt128(1) << UInt128(shift - 1)
                let last = digits > 0 ? fraction[digits - 1] : integer[integer.count - 1]
                roundUp = remainder > half || (remainder == half && last % 2 == 1)
            }
        }
        if roundUp {
            var carry = true
            for i in stride(from: digits - 1, through: 0, by: -1) where carry {
                fraction[i] += 1
                carry = fraction[i] == 10
                if carry { fraction[i] = 0 }
            }
            for i in stride(from: integer.count - 1, through: 0, by: -1) where carry {
                integer[i] += 1
                carry = integer[i] == 10
                if carry { integer[i] = 0 }
            }
            if carry { integer.insert(1, at: 0) }
        }
        var text = sign
        text.unicodeScalars.append(contentsOf: integer.map { Unicode.Scalar(48 + $0) })
        if digits > 0 {
            text += "."
            text.unicodeScalars.append(contentsOf: fraction.map { Unicode.Scalar(48 + $0) })
        }
        return text
    }

    /// The decimal digits of `value × 2^shift`, exactly, for any shift a double's exponent gives
    /// (up to 971): limbs of nine decimal digits, least significant first, doubled `shift` times.
    private static func decimalDigits(of value: UInt64, shiftedLeft shift: Int) -> [UInt8] {
        let base: UInt64 = 1_000_000_000
        var limbs: [UInt64] = value == 0 ? [0] : []
        var rest = value
        while rest > 0 {
            limbs.append(rest % base)
            rest /= base
        }
        for _ in 0..<shift {
            var carry: UInt64 = 0
            for i in limbs.indices {
                let doubled = limbs[i] * 2 + carry
                limbs[i] = doubled % base
                carry = doubled / base
            }
            if carry > 0 { limbs.append(carry) }
        }
        var digits: [UInt8] = []
        for (i, limb) in limbs.enumerated().reversed() {
            var chunk = [UInt8](repeating: 0, count: 9)
            var l = limb
            for j in stride(from: 8, through: 0, by: -1) {
                chunk[j] = UInt8(l % 10)
                l /= 10
            }
            // The most significant limb without its leading zeros (but one digit at least).
            if i == limbs.count - 1 {
                digits += chunk.drop { $0 == 0 }
                if digits.isEmpty { digits = [0] }
            } else {
                digits += chunk
            }
        }
        return digits
    }
}
