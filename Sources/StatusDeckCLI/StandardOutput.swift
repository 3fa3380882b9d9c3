#if canImport(Glibc)
// `stdout` is a C global Swift 6 cannot prove safe; this file only reads the pointer, from the
// main thread, after every command has finished printing.
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Standard output through stdio, in order with `print`, checked once before exit.
enum StandardOutput {
    /// Use instead of `FileHandle.standardOutput.write`, which traps when stdout is full. A
    /// failure here surfaces in `flushFailure()` as exit 1, never as a crash.
    static func write(_ text: String) {
        // fwrite, not fputs: a NUL inside the text must not end it early.
        var bytes = Array(text.utf8)
        _ = fwrite(&bytes, 1, bytes.count, stdout)
    }

    /// Straight to file descriptor 1, past stdio's buffer, for output whose timing matters (an
    /// acknowledgement that must not be printed before, or long after, the thing it acknowledges).
    static func writeNow(_ text: String) {
        writeAll(1, text)
    }

    /// Flushes stdout; nil when all of it was written, else what to say about it.
    ///
    /// `fflush`'s result alone is not enough: stdio may have met the error in an earlier,
    /// implicit flush, dropped that buffer and kept only the stream's error flag (not errno).
    static func flushFailure() -> String? {
        if fflush(stdout) != 0 {
            return "could not write the output (\(String(cString: strerror(errno))))"
        }
        return ferror(stdout) != 0 ? "could not write all of the output" : nil
    }
}

/// Writes all of `text` to `fd` with write(2), retrying on EINTR; stops quietly on failure
/// (the caller's exit status says the rest).
func writeAll(_ fd: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let n = write(fd, base + offset, raw.count - offset)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}
