import FSRS
import StatusDeckCore
import StatusDeckHistory

/// Time arithmetic the encoders share. Text is Core's RFC 3339 form (`2026-11-22T03:04:05.006Z`),
/// the same the history file uses, so an exported instant can be matched to its history line.
enum Timestamp {
    static func format(_ instant: Instant) -> String { RFC3339.format(instant) }

    /// The UTC calendar date as `YYYY-MM-DD`.
    static func date(_ instant: Instant) -> String { String(format(instant).prefix(10)) }

    /// Division rounding toward negative infinity, so instants before 1970 land on the right day.
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
