/// A 128-bit event id, written as 32 lowercase hex digits.
///
/// Random 128 bits make ids unique across machines without coordination, so two histories
/// merge by union. Held as two words rather than a String: a million ids then cost no allocations.
public struct EventID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// A fresh id from the caller's generator (the CLI passes the system generator).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> EventID {
        EventID(high: generator.next(), low: generator.next())
    }

    /// Parses 32 hex digits (either case), or the same with UUID dashes (8-4-4-4-12).
    public init?(_ text: String) {
        var utf8 = Array(text.utf8)
        guard let id = utf8.withUnsafeMutableBufferPointer({ EventID(hex: UnsafeBufferPointer($0)) }) else { return nil }
        self = id
    }

    init?(hex bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count == 32, let base = bytes.baseAddress {
            guard let high = Self.word(base), let low = Self.word(base + 16) else { return nil }
            self.init(high: high, low: low)
            return
        }
        var high: UInt64 = 0, low: UInt64 = 0, digits = 0
        let dashed = bytes.count == 36
        guard bytes.count == 32 || dashed else { return nil }
        for i in 0..<bytes.count {
            let b = bytes[i]
            if dashed && (i == 8 || i == 13 || i == 18 || i == 23) {
                guard b == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard let v = Self.nibble(b) else { return nil }
            if digits < 16 { high = high << 4 | UInt64(v) } else { low = low << 4 | UInt64(v) }
            digits += 1
        }
        self.init(high: high, low: low)
    }

    /// Sixteen hex digits, eight at a time in one 64-bit word (SWAR): digits and letters come in
    /// random order, so a branch per digit would be mispredicted half the time, and a loop per
    /// digit cost more than the rest of the line.
    @inline(__always)
    static func word(_ p: UnsafePointer<UInt8>) -> UInt64? {
        let raw = UnsafeRawPointer(p)
        guard let high = eight(UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))),
            let low = eight(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        else { return nil }
        return high << 32 | low
    }

    /// Eight hex digits, the first in the lowest byte, as a 32-bit value; nil unless all are hex.
    @inline(__always)
    static func eight(_ x: UInt64) -> UInt64? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // Every byte below 0x80, so adding up to 0x7F to a byte never carries into the next.
        guard x & highBits == 0 else { return nil }
        // A byte ≥ k gets its high bit from + (0x80 - k).
        let digit = (x &+ 0x50 &* ones) & ~(x &+ 0x46 &* ones) & highBits  // 0x30...0x39
        let lower = x | 0x20 &* ones  // A-F → a-f
        let letter = (lower &+ 0x1F &* ones) & ~(lower &+ 0x19 &* ones) & highBits  // 0x61...0x66
        guard digit | letter == highBits else { return nil }
        // '0'-'9' → 0-9; 'a'-'f' and 'A'-'F' (bit 6 set) → low nibble + 9.
        let nibbles = (x & 0x0F0F_0F0F_0F0F_0F0F) &+ ((x >> 6) & ones) &* 9
        // Pairs, then quads, then the two halves; the first digit is the most significant.
        let pairs = ((nibbles & 0x000F_000F_000F_000F) << 4) | ((nibbles >> 8) & 0x000F_000F_000F_000F)
        let quads = ((pairs & 0x0000_00FF_0000_00FF) << 8) | ((pairs >> 16) & 0x0000_00FF_0000_00FF)
        return ((quads & 0xFFFF) << 16) | ((quads >> 32) & 0xFFFF)
    }

    @inline(__always)
    static func nibble(_ b: UInt8) -> UInt8? {
        let d = b &- 48
        if d < 10 { return d }
        let l = (b | 0x20) &- 97
        return l < 6 ? l &+ 10 : nil
    }

    public var description: String {
        var bytes = [UInt8](repeating: 0, count: 32)
        EventID.writeHex(high, into: &bytes, at: 0)
        EventID.writeHex(low, into: &bytes, at: 16)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func writeHex(_ value: UInt64, into bytes: inout [UInt8], at start: Int) {
        let digits: StaticString = "0123456789abcdef"
        digits.withUTF8Buffer { table in
            for i in 0..<16 {
                bytes[start + i] = table[Int((value >> UInt64(60 - 4 * i)) & 0xf)]
            }
        }
    }

    public static func < (a: EventID, b: EventID) -> Bool {
        (a.high, a.low) < (b.high, b.low)
    }
}
