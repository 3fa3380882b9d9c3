import StatusDeckCore
import StatusDeckHistory

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a store operation failed, worded for the person at the keyboard.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file is malformed: `path:line: found; expected`. Exit code 2.
    case input(InputError)
    /// A system call failed. Exit code 1.
    case system(path: String, action: String, errno: Int32)
    /// The disk or the file size limit is full; nothing was half-written. Exit code 1.
    case full(path: String, errno: Int32, writing: Appending)

    /// What a full disk kept out of the history, so the message speaks of what the user did.
    public enum Appending: Equatable, Sendable {
        case answer
        case `import`
    }

    public var description: String {
        switch self {
        case .input(let e):
            return e.description
        case .system(let path, let action, let code):
            return "\(path): cannot \(action): \(Self.message(code))"
        case .full(let path, let code, .answer):
            return "\(path): cannot append: \(Self.message(code)); the answer was not saved and nothing was half-written (free some space, then answer again)"
        case .full(let path, let code, .import):
            return "\(path): cannot append: \(Self.message(code)); the import was not saved and nothing was half-written (free some space, then import again)"
        }
    }

    /// A symbolic link where a data dir file belongs (bad input, exit 2).
    public static func symbolicLink(_ path: String) -> StoreError {
        .input(InputError(path: path, found: "found a symbolic link", expected: "a regular file in the data dir"))
    }

    /// Exit status for the CLI: 2 for a bad file, 1 for the machine saying no.
    public var exitCode: Int32 {
        if case .input = self { return 2 }
        return 1
    }

    static func message(_ code: Int32) -> String {
        guard let s = strerror(code) else { return "error \(code)" }
        return String(cString: s)
    }
}
