/// A 128-bit event id, written as 32 lowercase hex digits.
///
/// Random 128 bits make ids unique across machines without coordination, so two histories
/// merge by union. Held as two words rather than a String: a million ids then cost no allocations.
public struct EventID: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
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
            guard let id = Self.hex32(base) else { return nil }
            self = id
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

    /// Exactly 32 hex digits (either case) at `p`, as four 64-bit words (SWAR): the four are
    /// checked together and rejected with one branch, and digits and letters, which come in
    /// random order, cost no branch at all. A branch per digit would be mispredicted half the
    /// time; a loop per digit cost more than the rest of the line.
    @inline(__always)
    static func hex32(_ p: UnsafePointer<UInt8>) -> EventID? {
        let raw = UnsafeRawPointer(p)
        @inline(__always) func word(_ k: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)) }
        let (a, b, c, d) = (word(0), word(1), word(2), word(3))
        guard notHex(a) | notHex(b) | notHex(c) | notHex(d) == 0 else { return nil }
        return EventID(high: value(a) << 32 | value(b), low: value(c) << 32 | value(d))
    }

    /// The high bit of a byte of `x` that is not a hex digit: set for each such byte below the
    /// first byte of 0x80 or more, and at least that one. Bytes below 0x80 never carry into the
    /// next when 0x50 or less is added, so each is classified on its own.
    @inline(__always)
    static func notHex(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // A byte ≥ k gets its high bit from + (0x80 - k).
        let digit = (x &+ 0x50 &* ones) & ~(x &+ 0x46 &* ones)  // 0x30...0x39
        let lower = x | 0x20 &* ones  // A-F → a-f
        let letter = (lower &+ 0x1F &* ones) & ~(lower &+ 0x19 &* ones)  // 0x61...0x66
        return (x | ~(digit | letter)) & highBits
    }

    /// Eight hex digits (checked), the first in the lowest byte, as a 32-bit value.
    @inline(__always)
    static func value(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // '0'-'9' → 0-9; 'a'-'f' and 'A'-'F' (bit 6 set) → low nibble + 9.
        let nibbles = (x & 0x0F0F_0F0F_0F0F_0F0F) &+ ((x >> 6) & ones) &* 9
        // Pairs, then quads, then the two halves; the first digit is the most significant.
        let pairs = ((nibbles << 4) | (nibbles >> 8)) & 0x00FF_00FF_00FF_00FF
        let quads = ((pairs << 8) | (pairs >> 16)) & 0x0000_FFFF_0000_FFFF
        return ((quads << 16) | (quads >> 32)) & 0xFFFF_FFFF
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
