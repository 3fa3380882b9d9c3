import FSRS

/// A study day: a local calendar date whose day begins at `day_starts_at`, not at midnight.
///
/// Days are numbered from 1970-01-01 so that per-day figures live in arrays indexed by day number
/// instead of dictionaries keyed by date strings. An answer at 02:00 with the day starting at 04:00
/// belongs to the previous day's number, as it does in Anki.
public struct StudyDay: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 in the shifted local frame.
    public var number: Int64

    @inlinable public init(number: Int64) { self.number = number }

    /// The study day containing `instant` for a day that starts at `startsAtHour` local time in a
    /// zone `utcOffsetSeconds` east of UTC.
    @inlinable
    public init(containing instant: Instant, startsAtHour: Int, utcOffsetSeconds: Int) {
        self.number = Self.number(
            of: instant.milliseconds,
            shift: Self.shift(startsAtHour: startsAtHour, utcOffsetSeconds: utcOffsetSeconds))
    }

    /// Milliseconds to add to an instant so that study days begin at multiples of a day.
    @inlinable
    public static func shift(startsAtHour: Int, utcOffsetSeconds: Int) -> Int64 {
        Int64(utcOffsetSeconds) * 1000 - Int64(startsAtHour) * 3_600_000
    }

    /// Floor division, so instants before 1970 still land on the right day.
    @inlinable
    public static func number(of milliseconds: Int64, shift: Int64) -> Int64 {
        let local = milliseconds &+ shift
        let q = local / 86_400_000
        return local % 86_400_000 < 0 ? q - 1 : q
    }

    @inlinable public static func < (a: StudyDay, b: StudyDay) -> Bool { a.number < b.number }

    @inlinable public func advanced(by days: Int64) -> StudyDay { StudyDay(number: number + days) }

    /// The proleptic Gregorian date of this day.
    public var date: (year: Int, month: Int, day: Int) { CivilCalendar.date(days: number) }

    /// Monday 0 … Sunday 6; 1970-01-01 was a Thursday.
    public var weekday: Int {
        let r = (number + 3) % 7
        return Int(r < 0 ? r + 7 : r)
    }

    /// `YYYY-MM-DD`, the key used in JSON and CSV.
    public var iso: String {
        let (y, m, d) = date
        return Self.padded(y, 4) + "-" + Self.padded(m, 2) + "-" + Self.padded(d, 2)
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
