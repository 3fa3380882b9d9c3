import FoundationEssentials
import Glibc

/// The operating system's own words for a failure ("No space left on device"), which name the
/// cause; Foundation's ("The operation could not be completed.") do not.
enum SystemReason {
    static func of(_ error: Error) -> String {
        if let posix = error as? POSIXError { return text(posix.code.rawValue) }
        // FileManager wraps the system's error in a CocoaError; the cause is the one underneath.
        if let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError {
            return text(posix.code.rawValue)
        }
        return String(describing: error)
    }

    static func text(_ code: Int32) -> String { String(cString: strerror(code)) }
}
