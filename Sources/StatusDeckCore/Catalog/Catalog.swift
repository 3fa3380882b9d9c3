extension Catalog {
    /// Every registered code, sorted by code. Each class lives in its own file so the facts of a
    /// class can be reviewed (and merged) on their own.
    public static let all: [StatusCode] =
        (informational + successful + redirection + clientErrors + serverErrors)
        .sorted { $0.code < $1.code }

    /// The entry for a code, when the catalog has one.
    public static func entry(_ code: Int) -> StatusCode? {
        byCode[code]
    }

    private static let byCode: [Int: StatusCode] =
        Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
}
