/// The formats `statusdeck export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case apkg, tsv, csv, json, md

    /// The file name extension, without the dot.
    public var fileExtension: String { rawValue }

    /// Binary formats are never written to a terminal.
    public var isBinary: Bool { self == .apkg }
}
