/// A point in time as whole milliseconds since the Unix epoch (UTC).
///
/// The scheduler never reads a clock: every instant comes in as an argument, so a schedule is a
/// pure function of its inputs. Milliseconds match the history file's RFC 3339 precision.
public struct Instant: Hashable, Comparable, Sendable {
    public var milliseconds: Int64

    @inlinable public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    @inlinable public static func < (a: Instant, b: Instant) -> Bool { a.milliseconds < b.milliseconds }

    /// The instant `seconds` later (or earlier, when negative).
    @inlinable public func adding(seconds: Int64) -> Instant {
        Instant(milliseconds: milliseconds + seconds * 1000)
    }
}
