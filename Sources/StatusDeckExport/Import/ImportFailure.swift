import StatusDeckHistory

/// Why an import stopped: the file is not what it should be (one `FILE[:LINE]: found; expected`
/// line, exit 2), or the machine said no while reading it (exit 1). Either way nothing was written.
public enum ImportFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case input(InputError)
    case system(String)

    public var description: String {
        switch self {
        case .input(var e):
            // Every import message reads `FILE[:LINE]: found …; expected …`.
            if !e.found.hasPrefix("found ") { e.found = "found " + e.found }
            return e.description
        case .system(let message): return message
        }
    }

    public var exitCode: Int32 {
        if case .input = self { return 2 }
        return 1
    }

    static func bad(_ path: String, line: Int? = nil, found: String, expected: String) -> ImportFailure {
        .input(InputError(path: path, line: line, found: found, expected: expected))
    }
}

/// `withUnsafeBytes` rethrows untyped errors; this keeps `ImportFailure` typed through it.
func withBytes<R>(
    _ bytes: [UInt8], _ range: Range<Int>? = nil, _ body: (UnsafeRawBufferPointer) throws(ImportFailure) -> R
) throws(ImportFailure) -> R {
    let result: Result<R, ImportFailure> = bytes.withUnsafeBytes { raw in
        let part = range.map { UnsafeRawBufferPointer(rebasing: raw[$0]) } ?? raw
        return Result { () throws(ImportFailure) -> R in try body(part) }
    }
    return try result.get()
}
