/// Why an encoder could not produce its bytes. These are failures of the machinery (SQLite, zip),
/// not of the input: every deck and history the model can hold is encodable.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    case sqlite(String)
    case zip(String)

    public var description: String {
        switch self {
        case .sqlite(let message): "building the Anki collection failed: \(message)"
        case .zip(let message): "zipping the Anki package failed: \(message)"
        }
    }
}
