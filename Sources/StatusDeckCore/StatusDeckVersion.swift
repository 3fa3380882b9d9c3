/// The release this build belongs to; shown by `statusdeck --version`.
public enum StatusDeckVersion {
    public static let current = "0.1.0"
}
