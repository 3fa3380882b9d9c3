import FSRS

/// RFC 3339 timestamps, written by hand: Foundation's formatters are slow and locale-bound.
///
/// Output is always UTC with milliseconds (`2026-11-22T10:00:00.123Z`). Input may carry any
/// offset, lowercase `t`/`z`, and any number of fraction digits (truncated to milliseconds).
public enum RFC3339 {
    /// Formats years 0000–9999; instants outside are clamped so the line stays parseable.
    public static func format(_ instant: Instant) -> String {
        String(unsafeUninitializedCapacity: 24) { buffer in
            write(instant, into: buffer, at: 0)
            return 24
        }
    }

    static let minMilliseconds: Int64 = -62_167_219_200_000  // 0000-01-01T00:00:00.000Z
    static let maxMilliseconds: Int64 = 253_402_300_799_999  // 9999-12-31T23:59:59.999Z

    /// Writes exactly 24 bytes.
    static func write(_ instant: Instant, into p: UnsafeMutableBufferPointer<UInt8>, at o: Int) {
        let ms = min(max(instant.milliseconds, minMilliseconds), maxMilliseconds)
        let (days, msOfDay) = floorDivide(ms, 86_400_000)
        let (y, m, d) = CivilCalendar.date(days: days)
        func put2(_ v: Int, _ at: Int) {
            p[o + at] = UInt8(48 + v / 10)
            p[o + at + 1] = UInt8(48 + v % 10)
        }
        put2(y / 100, 0)
        put2(y % 100, 2)
        p[o + 4] = 45
        put2(m, 5)
        p[o + 7] = 45
        put2(d, 8)
        p[o + 10] = 84
        writeClock(msOfDay, into: p, at: o)
    }

    /// Writes bytes 11–23 of `write`'s 24, the clock `HH:MM:SS.mmmZ`, for milliseconds into a
    /// day: the part a writer of many lines on the same day cannot take from the line before.
    @inline(__always)
    static func writeClock(_ msOfDay: Int64, into p: UnsafeMutableBufferPointer<UInt8>, at o: Int) {
        let seconds = Int(msOfDay / 1000), milli = Int(msOfDay % 1000)
        @inline(__always) func put2(_ v: Int, _ at: Int) {
            p[o + at] = UInt8(48 + v / 10)
            p[o + at + 1] = UInt8(48 + v % 10)
        }
        put2(seconds / 3600, 11)
        p[o + 13] = 58
        put2(seconds / 60 % 60, 14)
        p[o + 16] = 58
        put2(seconds % 60, 17)
        p[o + 19] = 46
        p[o + 20] = UInt8(48 + milli / 100)
        p[o + 21] = UInt8(48 + milli / 10 % 10)
        p[o + 22] = UInt8(48 + milli % 10)
        p[o + 23] = 90
    }

    /// Parses a timestamp; nil when it is not RFC 3339 or names an impossible date or time.
    public static func parse(_ text: String) -> Instant? {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Instant? {
        let n = b.count
        guard n >= 20 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let v = Int(b[i]) - 48
            return v >= 0 && v <= 9 ? v : nil
        }
        @inline(__always) func two(_ i: Int) -> Int? {
            guard let a = digit(i), let c = digit(i + 1) else { return nil }
            return a * 10 + c
        }
        guard let y1 = two(0), let y2 = two(2), b[4] == 45, let month = two(5), b[7] == 45,
            let day = two(8), b[10] == 84 || b[10] == 116,
            let hour = two(11), b[13] == 58, let minute = two(14), b[16] == 58, let second = two(17)
        else { return nil }
        let year = y1 * 100 + y2
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }
        var i = 19
        var millis = 0
        if b[i] == 46 {
            i += 1
            var count = 0
            while i < n, let d = digit(i) {
                if count < 3 { millis = millis * 10 + d }
                count += 1
                i += 1
            }
            guard count > 0 else { return nil }
            while count < 3 {
                millis *= 10
                count += 1
            }
        }
        guard i < n else { return nil }
        var offsetMinutes = 0
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45 {
            guard i + 6 == n, let oh = two(i + 1), b[i + 3] == 58, let om = two(i + 4),
                oh <= 23, om <= 59
            else { return nil }
            offsetMinutes = (oh * 60 + om) * (b[i] == 45 ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == n else { return nil }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        return Instant(milliseconds: seconds * 1000 + Int64(millis))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }
}
