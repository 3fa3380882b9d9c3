import FSRS

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
/// rest compared byte for byte with the line the held review is written as (`ReviewLineMatcher`). A line that matches can only
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
            TwoLanes.run(together: middle < bytes.count, run)
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
        var matcher = ReviewLineMatcher(self)
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
                        matcher.matches(mine[Int(slot)], line.baseAddress! + idAt + 32, line.count - idAt - 32)
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

/// Whether a line is, byte for byte, what `ReviewLineWriter` writes for a review, compared
/// piece by piece where the line lies instead of writing the whole line first: the card and deck
/// names quoted once each into one block of bytes, the date written once a day.
struct ReviewLineMatcher {
    /// Each card's name as the writer quotes it, one after another; card k is
    /// `cardBytes[cardStarts[k]..<cardStarts[k + 1]]`. The same for decks (deck number - 1).
    private var cardBytes: [UInt8] = []
    private var cardStarts: [Int] = [0]
    private var deckBytes: [UInt8] = []
    private var deckStarts: [Int] = [0]
    /// The day of the last instant compared, and its `YYYY-MM-DDT` (bytes 0–7 and 7–10).
    private var lastDay: (number: Int64, text: (UInt64, UInt32)) = (.min, (0, 0))

    init(_ history: History) {
        for k in 0..<history.cardTable.count {
            JSONString.append(history.cardTable.string(at: k), to: &cardBytes)
            cardStarts.append(cardBytes.count)
        }
        for k in 0..<history.deckTable.count {
            JSONString.append(history.deckTable.string(at: k), to: &deckBytes)
            deckStarts.append(deckBytes.count)
        }
    }

    /// `line` (n bytes, no newline) from just after the 32 hex digits of the id, which were
    /// `p`'s, against the rest of `p`'s line: `","card":"…","at":"…","rating":…}`.
    mutating func matches(_ p: PackedReview, _ line: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        @inline(__always) func lit(_ s: StaticString) -> Bool {
            let k = s.utf8CodeUnitCount
            guard i + k <= n, memcmp(line + i, s.utf8Start, k) == 0 else { return false }
            i += k
            return true
        }
        @inline(__always) func bytes(_ block: [UInt8], _ starts: [Int], _ k: Int) -> Bool {
            let start = starts[k], count = starts[k + 1] - start
            guard i + count <= n else { return false }
            let same = block.withUnsafeBufferPointer { memcmp(line + i, $0.baseAddress! + start, count) == 0 }
            i += count
            return same
        }
        guard Int(p.card) + 1 < cardStarts.count, lit(#"","card":"#), bytes(cardBytes, cardStarts, Int(p.card)), lit(#","at":""#),
            i + 24 <= n, instant(p.at, line + i)
        else { return false }
        i += 24
        guard lit(#"","rating":"#), i < n, line[i] == UInt8(48 + p.ratingValue.rawValue) else { return false }
        i += 1
        if p.deck != 0 {
            guard Int(p.deck) < deckStarts.count, lit(#","deck":"#), bytes(deckBytes, deckStarts, Int(p.deck) - 1) else { return false }
        }
        switch p.storedMode {
        case 1: guard lit(#","mode":"flip""#) else { return false }
        case 2: guard lit(#","mode":"type""#) else { return false }
        case 3: guard lit(#","mode":"choice""#) else { return false }
        default: break
        }
        if p.milliseconds != ReviewEvent.noMilliseconds {
            guard lit(#","ms":"#) else { return false }
            // The number's digits, last first, compared from the line's end of it backwards.
            var width = 1, v = p.milliseconds
            while v >= 10 {
                v /= 10
                width += 1
            }
            guard i + width <= n else { return false }
            v = p.milliseconds
            for d in stride(from: width - 1, through: 0, by: -1) {
                guard line[i + d] == UInt8(48 + v % 10) else { return false }
                v /= 10
            }
            i += width
        }
        switch p.correct {
        case true?: guard lit(#","correct":true"#) else { return false }
        case false?: guard lit(#","correct":false"#) else { return false }
        case nil: break
        }
        return lit("}") && i == n
    }

    /// Whether the 24 bytes at `at` are `RFC3339.write` of `milliseconds`.
    @inline(__always)
    private mutating func instant(_ milliseconds: Int64, _ at: UnsafePointer<UInt8>) -> Bool {
        let ms = min(max(milliseconds, RFC3339.minMilliseconds), RFC3339.maxMilliseconds)
        let (day, msOfDay) = RFC3339.floorDivide(ms, 86_400_000)
        var text = (UInt64(0), UInt32(0), UInt64(0), UInt64(0))  // 32 bytes: the instant and room
        return withUnsafeMutableBytes(of: &text) { raw in
            let b = raw.bindMemory(to: UInt8.self)
            if day != lastDay.number {
                RFC3339.write(Instant(milliseconds: milliseconds), into: b, at: 0)
                lastDay = (day, (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 7, as: UInt32.self)))
            } else {
                raw.storeBytes(of: lastDay.text.0, as: UInt64.self)
                raw.storeBytes(of: lastDay.text.1, toByteOffset: 7, as: UInt32.self)
                RFC3339.writeClock(msOfDay, into: b, at: 0)
            }
            return memcmp(b.baseAddress!, at, 24) == 0
        }
    }
}
