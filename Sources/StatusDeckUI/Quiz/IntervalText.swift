/// How long until a card is due, in the short form shown beside each grade key: "45s", "10m",
/// "5.5m", "3h", "1d", "8d", "1.2mo", "2.1y". Units are letters every reader of both languages
/// knows, so the same text serves zh and en.
public enum IntervalText {
    public static func short(milliseconds: Int64) -> String {
        let s = Double(max(0, milliseconds)) / 1000
        let minute = 60.0, hour = 3600.0, day = 86_400.0
        if s < minute { return "\(Int(s.rounded()))s" }
        if s < hour { return number(s / minute) + "m" }
        if s < day { return number(s / hour) + "h" }
        if s < 30 * day { return "\(Int((s / day).rounded()))d" }
        if s < 365 * day { return number(s / (30 * day)) + "mo" }
        return number(s / (365 * day)) + "y"
    }

    /// One decimal when it matters ("5.5"), none when it does not ("10").
    private static func number(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        if tenths % 10 == 0 || tenths >= 100 { return "\(Int((x).rounded()))" }
        return "\(tenths / 10).\(tenths % 10)"
    }
}
