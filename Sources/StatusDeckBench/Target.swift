/// A speed or memory goal from issues 3–6, and how a measured figure is judged against it.
struct Target: Sendable {
    enum Kind: Sendable {
        /// Seconds; the figure passes when its median is at most the bound.
        case atMostSeconds(Double)
        /// Events per second; the median must reach the bound.
        case atLeastPerSecond(Double)
        /// Peak resident bytes; the largest of the runs must stay within the bound.
        case atMostBytes(Double)
    }

    var kind: Kind
    /// Where the goal comes from, e.g. "issue 4".
    var source: String

    var text: String {
        switch kind {
        case .atMostSeconds(let s): return "≤ " + Format.seconds(s)
        case .atLeastPerSecond(let r): return "≥ " + Format.rate(r)
        case .atMostBytes(let b): return "≤ " + Format.bytes(b)
        }
    }
}

/// How figures are written in the table: three significant digits and a unit a person reads.
enum Format {
    static func seconds(_ s: Double) -> String {
        guard s.isFinite else { return "—" }
        if s >= 1 { return sig(s) + " s" }
        if s >= 1e-3 { return sig(s * 1e3) + " ms" }
        return sig(s * 1e6) + " µs"
    }

    static func rate(_ r: Double) -> String {
        guard r.isFinite else { return "—" }
        if r >= 1e6 { return sig(r / 1e6) + " M/s" }
        if r >= 1e3 { return sig(r / 1e3) + " k/s" }
        return sig(r) + " /s"
    }

    static func bytes(_ b: Double) -> String {
        guard b.isFinite else { return "—" }
        // Decimal megabytes, as the issues state their memory bounds ("100 MB").
        return sig(b / 1e6) + " MB"
    }

    static func ratio(_ r: Double) -> String {
        guard r.isFinite else { return "—" }
        return sig(r) + "×"
    }

    /// Three significant digits without exponent notation or a trailing ".0".
    static func sig(_ x: Double) -> String {
        let magnitude = abs(x)
        let decimals = magnitude >= 100 ? 0 : (magnitude >= 10 ? 1 : 2)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (x * scale).rounded() / scale
        if decimals == 0 { return String(Int64(rounded)) }
        var text = String(rounded)
        // String(Double) may give "1e-05"-style text for tiny values; those never reach here
        // with two decimals, but pad short fractions ("2.5" → "2.50") for aligned columns.
        if let dot = text.firstIndex(of: ".") {
            let have = text.distance(from: dot, to: text.endIndex) - 1
            if have < decimals { text += String(repeating: "0", count: decimals - have) }
        }
        return text
    }
}
