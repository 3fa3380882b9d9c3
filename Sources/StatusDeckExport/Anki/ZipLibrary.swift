import CZip

/// libzip, opened on first use rather than linked, so commands that never zip do not pay for
/// loading it. Every entry into libzip asks `failure` first and reports it as its own error.
enum ZipLibrary {
    /// Nil once libzip is loaded; else one line saying what is missing.
    static var failure: String? {
        statusdeck_zip_load().map { String(cString: $0) }
    }
}
