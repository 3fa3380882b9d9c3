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
