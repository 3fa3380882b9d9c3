/// Number and text formatting shared by the stats renderers, without Foundation so the output
/// is the same on every platform and locale.
enum StatsFormat {
    /// `x` with exactly `decimals` digits after the point, rounded half away from zero.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(x) * scale).rounded())
        let sign = x < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(scaled) }
        let unit = Int64(scale)
        let frac = String(scaled % unit)
        return sign + String(scaled / unit) + "." + String(repeating: "0", count: decimals - frac.count) + frac
    }

    /// A share as a percentage with one decimal, or an en dash when there is nothing to share.
    static func percent(_ x: Double?) -> String {
        guard let x else { return "–" }
        return fixed(x * 100, 1) + "%"
    }

    /// `45s`, `3m 05s`, `1h 02m`.
    static func duration(milliseconds: Int64) -> String {
        let s = (milliseconds + 500) / 1000
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m " + StudyDay.padded(Int(s % 60), 2) + "s" }
        return "\(s / 3600)h " + StudyDay.padded(Int(s / 60 % 60), 2) + "m"
    }

    /// `UTC+08:00`, `UTC-03:30`.
    static func offset(_ seconds: Int) -> String {
        let m = abs(seconds) / 60
        return "UTC" + (seconds < 0 ? "-" : "+") + StudyDay.padded(m / 60, 2) + ":" + StudyDay.padded(m % 60, 2)
    }

    static func leftPad(_ s: String, _ width: Int) -> String {
        let w = StatsText.width(s)
        return w >= width ? s : String(repeating: " ", count: width - w) + s
    }

    static func rightPad(_ s: String, _ width: Int) -> String {
        let w = StatsText.width(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }
}
