import Foundation

/// The operating system's own words for a failure ("No space left on device"), which name the
/// cause; Foundation's ("The operation could not be completed.") do not.
enum SystemReason {
    static func of(_ error: Error) -> String {
        if let posix = error as? POSIXError { return text(posix.code.rawValue) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return text(Int32(ns.code)) }
        // On Linux the underlying error is stored as a Swift `Error`; bridge it explicitly.
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error {
            let inner = underlying as NSError
            if inner.domain == NSPOSIXErrorDomain { return text(Int32(inner.code)) }
        }
        return ns.localizedDescription
    }

    static func text(_ code: Int32) -> String { String(cString: strerror(code)) }
}
