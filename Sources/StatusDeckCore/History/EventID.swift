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

    /// Sixteen hex digits without a branch per digit: digits and letters come in random order,
    /// so a branch would be mispredicted half the time.
    @inline(__always)
    static func word(_ p: UnsafePointer<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        var bad: UInt8 = 0
        for i in 0..<16 {
            let b = p[i]
            let digit = b &- 48
            let letter = (b | 0x20) &- 97
            bad |= (digit < 10 ? 0 : 1) & (letter < 6 ? 0 : 1)
            let v = (b & 0x0F) &+ 9 &* (b >> 6)
            value = value << 4 | UInt64(v & 0x0F)
        }
        return bad == 0 ? value : nil
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
