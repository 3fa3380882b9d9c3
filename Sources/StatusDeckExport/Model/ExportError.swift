#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an encoder could not produce its bytes. These are failures of the machinery (SQLite, zip,
/// the scratch files) or an interruption, not of the input: every deck and history the model can
/// hold is encodable.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    case sqlite(String)
    case zip(String)
    /// A scratch or output file could not be made or written: its path and the errno.
    case file(String, Int32)
    /// Stopped by a signal (Ctrl-C) before it was done.
    case cancelled

    public var description: String {
        switch self {
        case .sqlite(let message): "building the Anki collection failed: \(message)"
        case .zip(let message): "zipping the Anki package failed: \(message)"
        case .file(let path, let code): "\(path): cannot write: \(String(cString: strerror(code)))"
        case .cancelled: "interrupted; nothing was written"
        }
    }
}
