import CZstd

/// libzstd's streaming decompressor: compressed bytes in, decompressed bytes out a buffer at a
/// time, so a large collection never needs its size known up front or to sit whole in memory.
struct ZstdStream: ~Copyable {
    private let context: OpaquePointer
    private var output: [UInt8]
    private var midFrame = false
    let path: String
    let entry: String

    init(path: String, entry: String) throws(ImportFailure) {
        // libzstd is opened on first use, not linked: a missing one is said here, in one line.
        if let failure = statusdeck_zstd_load() { throw .system("\(path): \(String(cString: failure))") }
        guard let context = ZSTD_createDCtx() else { throw .system("\(path): out of memory for zstd") }
        self.context = context
        self.output = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        self.path = path
        self.entry = entry
    }

    deinit { ZSTD_freeDCtx(context) }

    mutating func feed(
        _ chunk: UnsafeRawBufferPointer, _ write: (UnsafeRawBufferPointer) throws(ImportFailure) -> Void
    ) throws(ImportFailure) {
        var input = ZSTD_inBuffer(src: chunk.baseAddress, size: chunk.count, pos: 0)
        while input.pos < input.size {
            let capacity = output.count
            let (result, produced) = output.withUnsafeMutableBytes { raw -> (Int, Int) in
                var out = ZSTD_outBuffer(dst: raw.baseAddress, size: capacity, pos: 0)
                let r = ZSTD_decompressStream(context, &out, &input)
                return (r, out.pos)
            }
            if ZSTD_isError(result) != 0 {
                throw .bad(
                    path, found: "\(entry) that is not zstd data (\(String(cString: ZSTD_getErrorName(result))))",
                    expected: "an intact Anki package")
            }
            midFrame = result != 0
            if produced > 0 {
                try withBytes(output, 0..<produced, write)
            }
        }
    }

    /// A stream cut off inside a frame is a damaged package.
    func finish() throws(ImportFailure) {
        if midFrame { throw .bad(path, found: "\(entry) cut off", expected: "an intact Anki package") }
    }

    /// Decompresses a small whole entry (the media list).
    static func decompress(_ bytes: [UInt8], path: String, entry: String) throws(ImportFailure) -> [UInt8] {
        var out: [UInt8] = []
        var stream = try ZstdStream(path: path, entry: entry)
        try withBytes(bytes) { (raw) throws(ImportFailure) in
            try stream.feed(raw) { (chunk: UnsafeRawBufferPointer) throws(ImportFailure) in out += chunk }
        }
        try stream.finish()
        return out
    }
}
