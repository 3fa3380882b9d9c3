#if canImport(Glibc)
import Glibc
#endif

/// Advice that a large, fresh allocation be backed by 2 MiB pages where the kernel offers them
/// (Linux's transparent huge pages in `madvise` mode, the default of most distributions).
///
/// At a million events the reviews take 40 MB and the id index 11 MB: in 4 KiB pages, each
/// first touch is a page fault (10,000 of them, on the loading thread), and the index's random
/// probes miss the TLB on nearly every access. Advice only: where huge pages are off, or on
/// another system, nothing changes.
enum HugePages {
    static let size = 2 << 20

    /// Advises the whole 2 MiB pages inside `bytes` bytes from `start`; call before they are
    /// first written, or the small pages already there stay until the kernel collapses them.
    static func advise(_ start: UnsafeMutableRawPointer?, bytes: Int) {
        #if os(Linux)
        guard let start, bytes >= 2 * size else { return }
        let first = (Int(bitPattern: start) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: start) + bytes) & ~(size - 1)
        guard end > first, let from = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(from, end - first, MADV_HUGEPAGE)
        #endif
    }

    /// An array of `count` zeros, advised before the zeros are written.
    static func zeros<T: FixedWidthInteger>(_ count: Int, of: T.Type = T.self) -> [T] {
        // No storage for none: the standard library would write the count into the shared empty
        // array, which other threads read (a race ThreadSanitizer reports, between tests).
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            advise(UnsafeMutableRawPointer(buffer.baseAddress), bytes: count * MemoryLayout<T>.stride)
            buffer.initialize(repeating: 0)
            initialized = count
        }
    }
}
