#if canImport(Dispatch)
import Dispatch
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Another machine's lines told apart into those this history already holds, written exactly
/// as it would write them, and the rest.
///
/// A sync that reads every device file meets, in the usual case, a million lines it holds
/// already. Parsing each one (and indexing it, then looking it up) cost more than loading the
/// history. Here a line is only matched: its id is read at its fixed place, looked up, and the
/// held review's own line is written and compared byte for byte. A line that matches can only
/// be that review; anything else (a new event, an undo, a mark, a setting, another spelling of
/// a held one, a mistake) goes to `rest`, which is parsed as before.
public struct KnownLines: Sendable {
    /// Positions in `packed` of the reviews whose lines were found, in file order.
    public var held: [Int32] = []
    /// Every other complete line, newlines kept, in file order.
    public var rest: [UInt8] = []
    /// Bytes looked at: up to and including the last newline.
    public var consumed = 0
}

extension History {
    /// Splits the complete lines of `bytes` (bytes after the last newline are not looked at).
    /// Two threads take half the bytes each, split at a line's end.
    public func knownLines(in bytes: UnsafeBufferPointer<UInt8>) -> KnownLines {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return KnownLines() }
        var middle = bytes.count
        if bytes.count >= 1 << 20, let newline = memchr(base + bytes.count / 2, 0x0a, bytes.count - bytes.count / 2) {
            middle = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
        }
        let halves = Halves(first: UnsafeBufferPointer(rebasing: bytes[0..<middle]), second: UnsafeBufferPointer(rebasing: bytes[middle...]))
        var parts = [KnownLines(), KnownLines()]
        parts.withUnsafeMutableBufferPointer { out in
            let results = DisjointWrites(out)
            let run: @Sendable (Int) -> Void = { k in results.buffer[k] = knownLines(half: k == 0 ? halves.first : halves.second) }
            #if canImport(Dispatch)
            if middle < bytes.count {
                DispatchQueue.concurrentPerform(iterations: 2, execute: run)
                return
            }
            #endif
            run(0)
            run(1)
        }
        guard parts[0].consumed == middle else { return parts[0] }  // no newline after the first half's last line
        var whole = parts[0]
        whole.held += parts[1].held
        whole.rest += parts[1].rest
        whole.consumed += parts[1].consumed
        return whole
    }

    /// One thread's share. Lines are taken 64 at a time: their index entries, then the reviews
    /// those point to, are read first, all 64 at once, so the cache misses overlap.
    private func knownLines(half b: UnsafeBufferPointer<UInt8>) -> KnownLines {
        var out = KnownLines()
        guard let base = b.baseAddress else { return out }
        let index = eventIndex
        var writer = ReviewLineWriter(self)
        let prefix: StaticString = #"{"v":1,"id":""#
        let afterID: StaticString = #"","card":""#
        let idAt = prefix.utf8CodeUnitCount, cardAt = idAt + 32 + afterID.utf8CodeUnitCount
        var starts = [Int](repeating: 0, count: 64), ends = [Int](repeating: 0, count: 64)
        var ids = [EventID?](repeating: nil, count: 64), hashes = [UInt64](repeating: 0, count: 64)
        var position = 0
        var sum: UInt64 = 0
        packed.withUnsafeBufferPointer { mine in
            while true {
                var lines = 0
                while lines < 64, position < b.count, let newline = memchr(base + position, 0x0a, b.count - position) {
                    let end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                    starts[lines] = position
                    ends[lines] = end
                    ids[lines] = nil
                    if end - position > cardAt, memcmp(base + position, prefix.utf8Start, idAt) == 0,
                        memcmp(base + position + idAt + 32, afterID.utf8Start, afterID.utf8CodeUnitCount) == 0,
                        let id = EventID(hex: UnsafeBufferPointer(start: base + position + idAt, count: 32))
                    {
                        ids[lines] = id
                        hashes[lines] = EventIndex.hash(id)
                    }
                    position = end + 1
                    lines += 1
                }
                if lines == 0 { break }
                // In a loop of their own, a few instructions apart, so that the processor has all
                // of them in flight at once; among the scanning above it could hold only a few.
                for k in 0..<lines where ids[k] != nil { sum &+= index.warm(hashes[k]) }
                for k in 0..<lines where ids[k] != nil {
                    if let s = index.likelySlot(hashes[k]), s >= 0 { sum &+= UInt64(bitPattern: mine[Int(s)].at) }
                }
                for k in 0..<lines {
                    let line = UnsafeBufferPointer(start: base + starts[k], count: ends[k] - starts[k])
                    if let id = ids[k], let slot = index.find(id, hash: hashes[k], packed, undos), slot >= 0,
                        writer.matches(reviewAt: Int(slot), line)
                    {
                        out.held.append(slot)
                    } else {
                        out.rest.append(contentsOf: UnsafeBufferPointer(start: base + starts[k], count: ends[k] - starts[k] + 1))
                    }
                }
                out.consumed = ends[lines - 1] + 1
            }
        }
        if sum == 1 { out.held.reserveCapacity(0) }  // uses the warming loads, so they are kept
        return out
    }
}

/// The two halves of a file's bytes, each read by one thread only.
private struct Halves: @unchecked Sendable {
    let first: UnsafeBufferPointer<UInt8>
    let second: UnsafeBufferPointer<UInt8>
}
