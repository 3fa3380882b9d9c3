import FSRS
import Foundation

/// What the figures were measured on, printed above the table so a figure is never read alone.
enum Machine {
    static var description: String {
        let cpu =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores (\(cpu))"
    }

    /// The 1, 5 and 15 minute load averages: above the core count, figures include waiting.
    static var loadAverage: String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    static func date(_ instant: Instant) -> String { format(instant, "yyyy-MM-dd") }

    static func rfc3339(_ instant: Instant) -> String { format(instant, "yyyy-MM-dd'T'HH:mm:ss'Z'") }

    private static func format(_ instant: Instant, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: Date(timeIntervalSince1970: Double(instant.milliseconds) / 1000))
    }
}
