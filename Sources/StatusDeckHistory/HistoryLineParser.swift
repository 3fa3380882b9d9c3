import FSRS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one history line, byte by byte.
///
/// Any JSON object with the documented keys in any order is accepted (whitespace, string
/// escapes, `\u` surrogate pairs, `null` for optional fields). Foundation's JSON decoder would
/// spend microseconds per line; this spends well under one, which a million-line history needs.
public struct HistoryLineParser {
    /// Strings of the general parser (cards, decks, modes).
    private var interner = StringInterner()
    /// Card and deck ids as numbered by `parsePacked`.
    private var cards = StringInterner()
    private var decks = StringInterner()
    /// The last deck's number + 1 and its bytes' length: a history's lines mostly name the deck
    /// of the line before, and comparing the bytes is cheaper than hashing them.
    private var lastDeck: (UInt32, Int) = (0, 0)
    private var scratch: [UInt8] = []
    /// The date part (`YYYY-MM-DD`) of the last canonical instant and its day number: a history's
    /// lines mostly share their day with the line before, so the calendar is worked out once a day.
    private var lastDate: (UInt64, UInt16) = (0, 0)
    private var lastDays: Int64 = 0

    public init() {}

    /// Parses one line (without its newline). Errors carry `line` but not the path.
    public mutating func parse(_ text: String, line: Int = 1) throws(InputError) -> HistoryRecord {
        var utf8 = Array(text.utf8)
        let count = utf8.count
        return try utf8.withUnsafeMutableBufferPointer { (b) throws(InputError) -> HistoryRecord in
            try parse(UnsafeBufferPointer(rebasing: UnsafeBufferPointer(b)[0..<count]), line: line)
        }
    }

    public mutating func parse(_ b: UnsafeBufferPointer<UInt8>, line: Int) throws(InputError) -> HistoryRecord {
        // In two steps: `unpack(try parsePacked(...))` would read `self` before the parse numbered the line's card.
        let packed = try parsePacked(b, line: line)
        return unpack(packed)
    }

    /// The fast path alone: nil for any line it leaves to the general parser.
    mutating func parseCanonical(_ b: UnsafeBufferPointer<UInt8>) -> HistoryRecord? {
        guard let packed = canonical(b) else { return nil }
        return unpack(packed)
    }

    private func unpack(_ packed: Packed) -> HistoryRecord {
        switch packed {
        case .review(let p):
            return .review(
                ReviewEvent(
                    id: p.id, card: cards.string(at: Int(p.card)),
                    deck: p.deck == 0 ? nil : decks.string(at: Int(p.deck) - 1),
                    at: p.instant, storedMilliseconds: p.milliseconds, rating: p.ratingValue,
                    storedMode: p.storedMode, correct: p.correct))
        case .undo(let u):
            return .undo(u)
        case .mark(let m):
            return .mark(m)
        case .setting(let e):
            return .setting(e)
        }
    }

    /// A line as the reader keeps it: a review's card and deck are numbered in this parser's own
    /// tables (`cardID(at:)`, `deckID(at:)`), so a line costs no String and no reference count.
    enum Packed {
        case review(PackedReview)
        case undo(UndoEvent)
        /// Marks are rare (a handful a day), so they keep their card id as a String.
        case mark(CardMarkEvent)
        /// Settings are rarer still. Boxed: held inline, their two Strings would make every
        /// line's value, a review's on the hot path included, 16 bytes larger.
        indirect case setting(SettingEvent)
    }

    mutating func parsePacked(_ b: UnsafeBufferPointer<UInt8>, line: Int) throws(InputError) -> Packed {
        if let packed = canonical(b) { return packed }
        var cursor = Cursor(b: b, i: 0, line: line)
        switch try parseObject(&cursor) {
        case .review(let r):
            let card = cards.index(of: r.card)
            let deck = r.deck.map { UInt32(decks.index(of: $0)) + 1 } ?? 0
            return .review(
                PackedReview(
                    id: r.id, at: r.at.milliseconds, milliseconds: r.storedMilliseconds,
                    card: UInt32(card), deck: deck, rating: UInt8(r.rating.rawValue),
                    flags: PackedReview.flags(storedMode: r.storedMode, correct: r.correct)))
        case .undo(let u):
            return .undo(u)
        case .mark(let m):
            return .mark(m)
        case .setting(let e):
            return .setting(e)
        }
    }

    /// How many card and deck ids `parsePacked` has numbered.
    var cardCount: Int { cards.count }
    var deckCount: Int { decks.count }

    /// The card id numbered `index` by `parsePacked`.
    func cardID(at index: Int) -> String { cards.string(at: index) }
    /// The deck id numbered `index` (`PackedReview.deck` - 1) by `parsePacked`.
    func deckID(at index: Int) -> String { decks.string(at: index) }

    /// The general parser alone, without the canonical fast path: what the fast path must agree with.
    mutating func parseGeneral(_ b: UnsafeBufferPointer<UInt8>, line: Int) throws(InputError) -> HistoryRecord {
        var cursor = Cursor(b: b, i: 0, line: line)
        return try parseObject(&cursor)
    }

    /// The line exactly as the encoder writes it, read at fixed offsets with no allocation.
    /// Anything else (other order, spaces, escapes, a mistake) returns nil and goes through the
    /// general parser, which also words the errors; so this path never has to explain itself.
    private mutating func canonical(_ b: UnsafeBufferPointer<UInt8>) -> Packed? {
        guard let base = b.baseAddress, let (packed, end) = canonical(base, limit: b.count), end == b.count else { return nil }
        return packed
    }

    /// The fast path on a line starting at `base` and ending at `limit` or at the first newline
    /// before it; returns the record and where the line's text ends. The reader hands it the rest
    /// of its chunk, so a canonical line is read once, not first searched for its newline.
    mutating func canonical(_ base: UnsafePointer<UInt8>, limit n: Int) -> (Packed, Int)? {
        var i = 0
        // The literals are compared eight bytes a step inline: a call to memcmp per key cost a
        // tenth of the parse.
        @inline(__always) func lit(_ s: StaticString) -> Bool {
            let k = s.utf8CodeUnitCount
            guard i + k <= n, StringInterner.equal(base + i, s.utf8Start, k) else { return false }
            i += k
            return true
        }
        @inline(__always) func ends() -> Bool { i == n || base[i] == 0x0a }
        @inline(__always) func plainString() -> UnsafeBufferPointer<UInt8>? {
            let start = i
            var ascii = true
            // Eight bytes a step while none is a quote, a backslash, a control or a non-ASCII byte;
            // the byte loop below deals with any other stop.
            while i + 8 <= n {
                let stops = Self.plainStops(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
                if stops == 0 {
                    i += 8
                    continue
                }
                // The lowest flagged byte is exactly the first that is not plain; when it is the
                // closing quote (the usual case) the string ends there, with no byte loop.
                let k = i + stops.trailingZeroBitCount >> 3
                if base[k] == 0x22 { i = k }
                break
            }
            while i < n {
                let x = base[i]
                if x == 0x22 { break }
                if x == 0x5c || x < 0x20 { return nil }
                if x >= 0x80 { ascii = false }
                i += 1
            }
            guard i < n else { return nil }
            let s = UnsafeBufferPointer(start: base + start, count: i - start)
            i += 1
            if !ascii, !Self.isValidUTF8(s) { return nil }
            return s
        }
        guard lit(#"{"v":1,"id":""#), i + 32 <= n, let id = EventID.hex32(base + i) else { return nil }
        i += 32
        if lit(#"","undo":""#) {
            guard i + 32 <= n, let target = EventID.hex32(base + i) else { return nil }
            i += 32
            guard lit(#"","at":""#), i + 24 <= n,
                let at = canonicalInstant(base + i)
            else { return nil }
            i += 24
            guard lit("\"}"), ends() else { return nil }
            return (.undo(UndoEvent(id: id, target: target, at: at)), i)
        }
        guard lit(#"","card":""#), let cardBytes = plainString(), cardBytes.count > 0,
            lit(#","at":""#), i + 24 <= n,
            let at = canonicalInstant(base + i)
        else { return nil }
        i += 24
        guard lit(#"","rating":"#), i < n, let rating = Rating(rawValue: Int(base[i]) - 48) else { return nil }
        i += 1
        var deck: UInt32 = 0
        var mode: UInt8 = 0
        var ms = ReviewEvent.noMilliseconds
        var correct: Bool?
        if lit(#","deck":""#) {
            guard let d = plainString() else { return nil }
            deck = deckNumber(d)
        }
        if lit(#","mode":""#) {
            if lit("type\"") { mode = 2 } else if lit("flip\"") { mode = 1 } else if lit("choice\"") { mode = 3 } else { return nil }
        }
        if lit(#","ms":"#) {
            var v = 0
            let start = i
            // Up to seven digits (every answer under ~2.8 hours) in one word; longer ones below.
            if i + 8 <= n, let (value, count) = Self.shortNumber(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                v = value
                i += count
            }
            while i < n, base[i] >= 48, base[i] <= 57, i - start < 15 {
                v = v * 10 + Int(base[i] - 48)
                i += 1
            }
            guard i > start, !(i - start > 1 && base[start] == 48) else { return nil }
            ms = ReviewEvent.encode(milliseconds: v)
        }
        if lit(#","correct":true"#) { correct = true } else if lit(#","correct":false"#) { correct = false }
        guard lit("}"), ends() else { return nil }
        let card = UInt32(cards.index(cardBytes))
        return (
            .review(
                PackedReview(
                    id: id, at: at.milliseconds, milliseconds: ms, card: card, deck: deck,
                    rating: UInt8(rating.rawValue), flags: PackedReview.flags(storedMode: mode, correct: correct))), i
        )
    }

    /// `PackedReview.deck` for these bytes, numbering them when new. Only the comparison with
    /// the last line's deck is inlined: with the lookup beside it, the whole was too large to be,
    /// and the call cost more than the comparison.
    @inline(__always)
    private mutating func deckNumber(_ d: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if lastDeck.0 != 0, lastDeck.1 == d.count, decks.matches(Int(lastDeck.0) - 1, d) { return lastDeck.0 }
        return otherDeckNumber(d)
    }

    @inline(never)
    private mutating func otherDeckNumber(_ d: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let number = UInt32(decks.index(d)) + 1
        lastDeck = (number, d.count)
        return number
    }

    /// The high bit of each of eight bytes (little-endian) that may be `"`, `\\`, below 0x20 or
    /// above 0x7F. A byte above the first such byte may be flagged wrongly (a borrow runs upward),
    /// never one below it, so the lowest flag is exact.
    @inline(__always)
    static func plainStops(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & high }
        let quote = hasZero(x ^ (0x22 &* ones))
        let backslash = hasZero(x ^ (0x5C &* ones))
        let control = (x &- 0x20 &* ones) & ~x & high
        return quote | backslash | control | (x & high)
    }

    /// `RFC3339.parse` of exactly `YYYY-MM-DDTHH:MM:SS.mmmZ`, with the date taken from the last
    /// line when it is the same; nil whenever that would be nil.
    @inline(__always)
    private mutating func canonicalInstant(_ p: UnsafePointer<UInt8>) -> Instant? {
        let raw = UnsafeRawPointer(p)
        let date = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        guard date == lastDate, lastDate.0 != 0 else {
            guard let at = RFC3339.parse(UnsafeBufferPointer(start: p, count: 24)) else { return nil }
            // Only a UTC instant with this layout reaches here, so its day is the date's day.
            lastDate = date
            lastDays = RFC3339.floorDivide(at.milliseconds, 86_400_000).0
            return at
        }
        // `HH:MM:SS` as one word and `.mmmZ` as another, checked and read without a branch per
        // digit (SWAR, as in `EventID.eight`).
        let clock = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 11, as: UInt64.self))
        let fraction = UInt64(littleEndian: UInt64(raw.loadUnaligned(fromByteOffset: 19, as: UInt32.self)))
        let clockDigits: UInt64 = 0xFFFF_00FF_FF00_FFFF, fractionDigits: UInt64 = 0x00FF_FFFF_00
        guard p[10] == 84 || p[10] == 116, p[23] == 90 || p[23] == 122,
            clock & ~clockDigits == 0x3A_0000_3A_0000, fraction & ~fractionDigits & 0xFFFF_FFFF == 0x2E,
            Self.digits(clock, clockDigits), Self.digits(fraction, fractionDigits)
        else { return nil }
        @inline(__always) func at(_ x: UInt64, _ k: UInt64) -> Int { Int((x >> (8 * k)) & 0xFF) - 48 }
        let hour = at(clock, 0) * 10 + at(clock, 1), minute = at(clock, 3) * 10 + at(clock, 4)
        let second = at(clock, 6) * 10 + at(clock, 7)
        guard hour <= 23, minute <= 59, second <= 59 else { return nil }
        let seconds = lastDays * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Instant(milliseconds: seconds * 1000 + Int64(at(fraction, 1) * 100 + at(fraction, 2) * 10 + at(fraction, 3)))
    }

    /// The number written by the ASCII digits that start `x` (eight bytes, little-endian) and how
    /// many they are, when fewer than eight are followed by a byte that is not one; nil when all
    /// eight are digits (the caller reads on digit by digit).
    @inline(__always)
    static func shortNumber(_ word: UInt64) -> (Int, Int)? {
        let t = UInt64(littleEndian: word) ^ 0x3030_3030_3030_3030
        // A byte outside '0'...'9' has its high bit in t or in t + 0x76; a carry only runs up out
        // of a byte that is itself flagged, so the lowest flag is exact.
        let stops = (t | (t &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080
        guard stops != 0 else { return nil }
        let count = stops.trailingZeroBitCount >> 3
        guard count > 0 else { return (0, 0) }
        // The digits moved to the top bytes, zeros (leading zero digits) below them, then pairs,
        // quads and halves combined, the first digit the most significant.
        var v = t << UInt64(64 - 8 * count)
        v = ((v & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        v = ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
        return (Int(truncatingIfNeeded: v), count)
    }

    /// Whether every byte of `x` where `mask` is 0xFF is an ASCII digit. A byte outside '0'...'9'
    /// sets its high bit in `t` or in `t + 0x76`; a carry out of a byte only happens when that byte
    /// is already rejected.
    @inline(__always)
    static func digits(_ x: UInt64, _ mask: UInt64) -> Bool {
        let t = (x ^ 0x3030_3030_3030_3030) & mask
        return (t | (t &+ 0x7676_7676_7676_7676 & mask)) & 0x8080_8080_8080_8080 & mask == 0
    }

    private enum Key: Int { case v, id, card, at, rating, deck, mode, ms, correct, undo, mark, setting, value }
    private static let keyNames = [
        "v", "id", "card", "at", "rating", "deck", "mode", "ms", "correct", "undo", "mark", "setting", "value",
    ]
    private static let keyList = "one of v, id, card, at, rating, deck, mode, ms, correct, undo, mark, setting, value"
    private static let settingList = "one of " + SettingEvent.keys.joined(separator: ", ")
    private static let markList = CardMark.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")

    private mutating func parseObject(_ c: inout Cursor) throws(InputError) -> HistoryRecord {
        c.skipSpace()
        guard c.peek == UInt8(ascii: "{") else {
            throw c.error(found: c.atEnd ? "an empty line" : "\(c.describeHere())", expected: "a JSON object `{...}` per line")
        }
        c.i += 1
        var seen: UInt16 = 0
        var version: Int?
        var id: EventID?
        var card: String?
        var at: Instant?
        var rating: Rating?
        var deck: String?
        var mode: String?
        var ms: Int?
        var correct: Bool?
        var undo: EventID?
        var mark: CardMark?
        var setting: String?
        var value: String?
        c.skipSpace()
        if c.peek == UInt8(ascii: "}") {
            c.i += 1
        } else {
            while true {
                c.skipSpace()
                guard c.peek == UInt8(ascii: "\"") else {
                    throw c.error(found: c.describeHere(), expected: "a key in double quotes")
                }
                let key = try parseKey(&c)
                c.skipSpace()
                guard c.peek == UInt8(ascii: ":") else { throw c.error(found: c.describeHere(), expected: "`:` after a key") }
                c.i += 1
                c.skipSpace()
                let bit: UInt16 = 1 << UInt16(key.rawValue)
                if seen & bit != 0 {
                    throw c.error(found: "key \"\(Self.keyNames[key.rawValue])\" twice", expected: "each key once")
                }
                seen |= bit
                let name = Self.keyNames[key.rawValue]
                switch key {
                case .v:
                    let v = try parseInteger(&c, name: name, expected: "1")
                    guard v == 1 else { throw c.error(found: "unknown version \(v)", expected: "\"v\":1 (a newer StatusDeck wrote this line?)") }
                    version = v
                case .id:
                    id = try parseID(&c, name: name)
                case .undo:
                    undo = try parseID(&c, name: name)
                case .mark:
                    let m = try parseString(&c, name: name, expected: Self.markList, intern: true)
                    guard let value = CardMark(rawValue: m) else {
                        throw c.error(found: "mark \(Cursor.quote(m))", expected: Self.markList)
                    }
                    mark = value
                case .setting:
                    let k = try parseString(&c, name: name, expected: Self.settingList, intern: true)
                    guard SettingEvent.keys.contains(k) else {
                        throw c.error(found: "setting \(Cursor.quote(k))", expected: Self.settingList)
                    }
                    setting = k
                case .value:
                    value = try parseString(&c, name: name, expected: "the setting's value as a string, e.g. \"0.9\"", intern: false)
                case .card:
                    let s = try parseString(&c, name: name, expected: "a card id string", intern: true)
                    guard !s.isEmpty else { throw c.error(found: "an empty card id", expected: "a card id like \"http/404/code-to-meaning\"") }
                    card = s
                case .at:
                    at = try parseInstant(&c)
                case .rating:
                    let r = try parseInteger(&c, name: name, expected: "1 to 4")
                    guard let value = Rating(rawValue: r) else {
                        throw c.error(found: "rating \(r)", expected: "1 (again), 2 (hard), 3 (good) or 4 (easy)")
                    }
                    rating = value
                case .deck:
                    if !c.takeNull() { deck = try parseString(&c, name: name, expected: "a deck id string or null", intern: true) }
                case .mode:
                    if !c.takeNull() {
                        let m = try parseString(&c, name: name, expected: "\"flip\", \"type\" or \"choice\"", intern: true)
                        guard m == "flip" || m == "type" || m == "choice" else {
                            throw c.error(found: "mode \(Cursor.quote(m))", expected: "\"flip\", \"type\" or \"choice\"")
                        }
                        mode = m
                    }
                case .ms:
                    if !c.takeNull() {
                        let v = try parseInteger(&c, name: name, expected: "milliseconds, a whole number ≥ 0")
                        guard v >= 0 else { throw c.error(found: "ms \(v)", expected: "milliseconds, a whole number ≥ 0") }
                        ms = v
                    }
                case .correct:
                    if !c.takeNull() { correct = try parseBool(&c, name: name) }
                }
                c.skipSpace()
                if c.peek == UInt8(ascii: ",") {
                    c.i += 1
                    continue
                }
                if c.peek == UInt8(ascii: "}") {
                    c.i += 1
                    break
                }
                throw c.error(found: c.describeHere(), expected: "`,` or `}`")
            }
        }
        c.skipSpace()
        guard c.atEnd else { throw c.error(found: "text after the object: \(c.describeHere())", expected: "one JSON object per line") }
        guard version != nil else { throw c.error(found: "no \"v\"", expected: "\"v\":1") }
        guard let id else { throw c.error(found: "no \"id\"", expected: "an event id of 32 hex digits") }
        guard let at else { throw c.error(found: "no \"at\"", expected: "an RFC 3339 instant like \"2026-11-22T10:00:00.000Z\"") }
        if let undo {
            guard card == nil, rating == nil, deck == nil, mode == nil, ms == nil, correct == nil, mark == nil,
                setting == nil, value == nil
            else {
                throw c.error(found: "an undo with review fields", expected: "an undo line to hold only v, id, undo and at")
            }
            return .undo(UndoEvent(id: id, target: undo, at: at))
        }
        if setting != nil || value != nil {
            guard card == nil, rating == nil, deck == nil, mode == nil, ms == nil, correct == nil, mark == nil else {
                throw c.error(found: "a setting with card fields", expected: "a setting line to hold only v, id, at, setting and value")
            }
            guard let setting else { throw c.error(found: "\"value\" without \"setting\"", expected: Self.settingList) }
            guard let value else { throw c.error(found: "setting \(setting) without \"value\"", expected: "its value as a string") }
            return .setting(SettingEvent(id: id, at: at, key: setting, value: value))
        }
        guard let card else { throw c.error(found: "no \"card\"", expected: "a card id (or \"undo\" for an undo line)") }
        if let mark {
            guard rating == nil, deck == nil, mode == nil, ms == nil, correct == nil else {
                throw c.error(found: "a mark with review fields", expected: "a mark line to hold only v, id, card, at and mark")
            }
            return .mark(CardMarkEvent(id: id, card: card, at: at, mark: mark))
        }
        guard let rating else { throw c.error(found: "no \"rating\"", expected: "a rating from 1 to 4") }
        return .review(
            ReviewEvent(
                id: id, card: card, at: at, rating: rating, deck: deck, mode: mode,
                answerMilliseconds: ms, correct: correct))
    }

    private mutating func parseKey(_ c: inout Cursor) throws(InputError) -> Key {
        // Fast path: a plain ASCII key without escapes.
        let start = c.i + 1
        var j = start
        while j < c.b.count, c.b[j] != UInt8(ascii: "\""), c.b[j] != UInt8(ascii: "\\") { j += 1 }
        if j < c.b.count, c.b[j] == UInt8(ascii: "\"") {
            let key = Self.key(UnsafeBufferPointer(rebasing: c.b[start..<j]))
            c.i = j + 1
            if let key { return key }
            throw c.error(found: "unknown key \(Cursor.quote(String(decoding: c.b[start..<j], as: UTF8.self)))", expected: Self.keyList)
        }
        let name = try decodeString(&c)
        var bytes = Array(name.utf8)
        let count = bytes.count
        let key = bytes.withUnsafeMutableBufferPointer { Self.key(UnsafeBufferPointer(rebasing: UnsafeBufferPointer($0)[0..<count])) }
        guard let key else { throw c.error(found: "unknown key \(Cursor.quote(name))", expected: Self.keyList) }
        return key
    }

    private static func key(_ k: UnsafeBufferPointer<UInt8>) -> Key? {
        @inline(__always) func eq(_ s: StaticString) -> Bool {
            guard s.utf8CodeUnitCount == k.count else { return false }
            let p = s.utf8Start
            for i in 0..<k.count where p[i] != k[i] { return false }
            return true
        }
        switch k.count {
        case 1: return eq("v") ? .v : nil
        case 2: return eq("id") ? .id : eq("at") ? .at : eq("ms") ? .ms : nil
        case 4: return eq("card") ? .card : eq("deck") ? .deck : eq("mode") ? .mode : eq("undo") ? .undo : eq("mark") ? .mark : nil
        case 5: return eq("value") ? .value : nil
        case 6: return eq("rating") ? .rating : nil
        case 7: return eq("correct") ? .correct : eq("setting") ? .setting : nil
        default: return nil
        }
    }

    /// Returns the raw bytes of a string without escapes (fast path), or decodes it into `scratch`.
    private mutating func stringBytes<R>(
        _ c: inout Cursor, name: String, expected: String,
        _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) throws(InputError) -> R {
        guard c.peek == UInt8(ascii: "\"") else {
            throw c.error(found: "\"\(name)\" is \(c.describeValue())", expected: expected)
        }
        let start = c.i + 1
        var j = start
        var ascii = true
        let b = c.b
        while j < b.count {
            let x = b[j]
            if x == UInt8(ascii: "\"") || x == UInt8(ascii: "\\") || x < 0x20 { break }
            if x >= 0x80 { ascii = false }
            j += 1
        }
        if j < b.count, b[j] == UInt8(ascii: "\"") {
            let raw = UnsafeBufferPointer(rebasing: b[start..<j])
            if !ascii, !Self.isValidUTF8(raw) {
                throw c.error(found: "invalid UTF-8 in \"\(name)\"", expected: "UTF-8 text")
            }
            c.i = j + 1
            return body(raw)
        }
        let decoded = try decodeString(&c)
        var bytes = Array(decoded.utf8)
        let count = bytes.count
        return bytes.withUnsafeMutableBufferPointer { body(UnsafeBufferPointer(rebasing: UnsafeBufferPointer($0)[0..<count])) }
    }

    private mutating func parseString(_ c: inout Cursor, name: String, expected: String, intern: Bool) throws(InputError) -> String {
        // Swapped out rather than copied so the closure mutates the only reference (no COW copy).
        var interner = StringInterner()
        swap(&interner, &self.interner)
        defer { swap(&interner, &self.interner) }
        return try stringBytes(&c, name: name, expected: expected) { interner.intern($0) }
    }

    private mutating func parseID(_ c: inout Cursor, name: String) throws(InputError) -> EventID {
        let expected = "an event id of 32 hex digits"
        var text = ""
        let id = try stringBytes(&c, name: name, expected: expected) { (raw) -> EventID? in
            if let id = EventID(hex: raw) { return id }
            text = String(decoding: raw, as: UTF8.self)
            return nil
        }
        guard let id else { throw c.error(found: "\"\(name)\" \(Cursor.quote(text))", expected: expected) }
        return id
    }

    private mutating func parseInstant(_ c: inout Cursor) throws(InputError) -> Instant {
        let expected = "an RFC 3339 instant like \"2026-11-22T10:00:00.000Z\""
        var text = ""
        let at = try stringBytes(&c, name: "at", expected: expected) { (raw) -> Instant? in
            if let at = RFC3339.parse(raw) { return at }
            text = String(decoding: raw, as: UTF8.self)
            return nil
        }
        guard let at else { throw c.error(found: "\"at\" \(Cursor.quote(text))", expected: expected) }
        return at
    }

    private func parseInteger(_ c: inout Cursor, name: String, expected: String) throws(InputError) -> Int {
        let b = c.b
        let start = c.i
        var j = start
        var negative = false
        if j < b.count, b[j] == UInt8(ascii: "-") {
            negative = true
            j += 1
        }
        var value = 0
        let digitsStart = j
        while j < b.count, b[j] >= 0x30, b[j] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(b[j] - 0x30))
            guard !o1, !o2 else { throw c.error(found: "\"\(name)\" too large", expected: expected) }
            value = a
            j += 1
        }
        let digits = j - digitsStart
        let isNumberEnd = j >= b.count || !(b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: "e") || b[j] == UInt8(ascii: "E"))
        guard digits > 0, isNumberEnd, !(digits > 1 && b[digitsStart] == 0x30) else {
            throw c.error(found: "\"\(name)\" is \(c.describeValue())", expected: expected)
        }
        c.i = j
        return negative ? -value : value
    }

    private func parseBool(_ c: inout Cursor, name: String) throws(InputError) -> Bool {
        if c.take("true") { return true }
        if c.take("false") { return false }
        throw c.error(found: "\"\(name)\" is \(c.describeValue())", expected: "true, false or null")
    }

    /// Decodes a JSON string with escapes starting at its opening quote.
    private mutating func decodeString(_ c: inout Cursor) throws(InputError) -> String {
        scratch.removeAll(keepingCapacity: true)
        let b = c.b
        var j = c.i + 1
        while true {
            guard j < b.count else {
                c.i = j
                throw c.error(found: "a string without its closing quote", expected: "`\"`")
            }
            let x = b[j]
            if x == UInt8(ascii: "\"") {
                j += 1
                break
            }
            if x < 0x20 {
                c.i = j
                throw c.error(found: "a raw control character in a string", expected: "it escaped, e.g. \\n or \\u0001")
            }
            if x != UInt8(ascii: "\\") {
                scratch.append(x)
                j += 1
                continue
            }
            guard j + 1 < b.count else {
                c.i = j
                throw c.error(found: "a lone `\\` at the end", expected: "an escape like \\n")
            }
            let e = b[j + 1]
            j += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0c)
            case UInt8(ascii: "n"): scratch.append(0x0a)
            case UInt8(ascii: "r"): scratch.append(0x0d)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                guard var unit = Self.hex4(b, j) else {
                    c.i = j
                    throw c.error(found: "a bad \\u escape", expected: "\\u and four hex digits")
                }
                j += 4
                if unit >= 0xD800 && unit < 0xDC00 {
                    guard j + 6 <= b.count, b[j] == UInt8(ascii: "\\"), b[j + 1] == UInt8(ascii: "u"),
                        let low = Self.hex4(b, j + 2), low >= 0xDC00, low < 0xE000
                    else {
                        c.i = j
                        throw c.error(found: "a lone high surrogate \\u\(String(unit, radix: 16))", expected: "a \\uDC00–\\uDFFF low surrogate after it")
                    }
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    j += 6
                } else if unit >= 0xDC00 && unit < 0xE000 {
                    c.i = j
                    throw c.error(found: "a lone low surrogate \\u\(String(unit, radix: 16))", expected: "a high surrogate before it")
                }
                guard let scalar = Unicode.Scalar(unit) else {
                    c.i = j
                    throw c.error(found: "a bad \\u escape", expected: "a Unicode scalar")
                }
                scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                c.i = j - 2
                throw c.error(found: "an unknown escape \\\(Character(Unicode.Scalar(e)))", expected: "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
            }
        }
        let valid = scratch.withUnsafeBufferPointer { Self.isValidUTF8($0) }
        guard valid else { throw c.error(found: "invalid UTF-8 in a string", expected: "UTF-8 text") }
        c.i = j
        return String(decoding: scratch, as: UTF8.self)
    }

    private static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in at..<(at + 4) {
            let x = b[k]
            let d: UInt32
            switch x {
            case 0x30...0x39: d = UInt32(x - 0x30)
            case 0x61...0x66: d = UInt32(x - 0x61 + 10)
            case 0x41...0x46: d = UInt32(x - 0x41 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var decoder = UTF8()
        var it = b.makeIterator()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

/// Position in one line, with the line number for messages.
struct Cursor {
    let b: UnsafeBufferPointer<UInt8>
    var i: Int
    let line: Int

    var atEnd: Bool { i >= b.count }
    var peek: UInt8 { i < b.count ? b[i] : 0 }

    mutating func skipSpace() {
        while i < b.count {
            let x = b[i]
            guard x == 0x20 || x == 0x09 || x == 0x0d || x == 0x0a else { return }
            i += 1
        }
    }

    mutating func take(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let p = word.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        i += n
        return true
    }

    mutating func takeNull() -> Bool { take("null") }

    func error(found: String, expected: String) -> InputError {
        InputError(line: line, found: found, expected: expected)
    }

    /// What kind of JSON value starts here, for "is a string"-style messages.
    func describeValue() -> String {
        switch peek {
        case UInt8(ascii: "\""): return "a string \(snippet())"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "-"), 0x30...0x39: return "a number \(snippet())"
        case 0: return "missing"
        default: return snippet()
        }
    }

    func describeHere() -> String { atEnd ? "the end of the line" : snippet() }

    /// Up to 40 bytes from here, quoted; the CLI sanitizes before printing.
    func snippet() -> String {
        var j = i
        while j < b.count, j - i < 40, b[j] != UInt8(ascii: ","), b[j] != UInt8(ascii: "}") || j == i { j += 1 }
        return "`" + String(decoding: b[i..<j], as: UTF8.self) + (j - i >= 40 ? "…" : "") + "`"
    }

    static func quote(_ s: String) -> String {
        let cut = s.count > 40 ? String(s.prefix(40)) + "…" : s
        return "\"" + cut + "\""
    }
}
