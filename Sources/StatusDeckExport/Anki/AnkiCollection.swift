import FSRS
import FoundationEssentials
import Glibc

/// Builds an Anki collection in the legacy schema 11 (what `collection.anki2` in an apkg holds and
/// what every Anki since 2.1.50 imports): the `col` row with the note type, decks and deck options
/// as JSON, then one note and one card per export note and, with history, the review log.
///
/// Every id and time is a function of the input and the export instant, so the same export gives
/// the same bytes. Anki matches notes by guid on import, decks by name and the note type by id, so
/// the numeric ids only need to be unique inside the package.
enum AnkiCollection {
    /// The StatusDeck note type's id. Fixed, so every package names the same note type and a
    /// re-import reuses it instead of adding "StatusDeck-1a2b3".
    static let noteTypeID: Int64 = 1_762_000_000_001
    /// The parent deck `StatusDeck`; each exported deck gets the next id.
    static let parentDeckID: Int64 = 1_762_000_000_100
    static let defaultDeckOptionsID: Int64 = 1
    static let fieldSeparator = "\u{1F}"
    static let tables = """
        CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
          scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
          ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
          dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
          mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
          sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
          ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
          queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
          reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
          odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
          ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
          time integer NOT NULL, type integer NOT NULL);
        CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
        """
    static let indexes = """
        CREATE INDEX ix_notes_usn ON notes (usn);
        CREATE INDEX ix_cards_usn ON cards (usn);
        CREATE INDEX ix_revlog_usn ON revlog (usn);
        CREATE INDEX ix_cards_nid ON cards (nid);
        CREATE INDEX ix_cards_sched ON cards (did, queue, due);
        CREATE INDEX ix_revlog_cid ON revlog (cid);
        CREATE INDEX ix_notes_csum ON notes (csum);
        """

    /// Writes the collection to a new SQLite file at `path` (in a folder the caller owns and
    /// removes): the small tables first, then the review log row by row as each card's answers are
    /// folded, all in one transaction through prepared statements. Nothing grows with the history
    /// but SQLite's file. `cancelled` is asked between rows (Ctrl-C).
    static func write(
        _ decks: [ExportDeck], exportedAt: Instant, withHistory: Bool, to path: String,
        cancelled: () -> Bool = { false }
    ) throws(ExportError) {
        let exportSeconds = Timestamp.floorDiv(exportedAt.milliseconds, 1000)
        let decks = uniqueNotes(decks)
        let total = decks.reduce(0) { $0 + $1.notes.count }
        // Ids in Anki are creation times in ms: these read as "created at the export", are distinct,
        // and stay below the export instant.
        let firstID = max(exportedAt.milliseconds, 1_000_000_000_000 + Int64(total)) - Int64(total)
        let dayZero = collectionCreation(decks, exportedAt: exportedAt, withHistory: withHistory)

        var deckIDs: [String: Int64] = [:]
        var deckOrder: [(name: String, id: Int64)] = []
        for deck in decks where deckIDs[deck.ankiName] == nil && !deck.notes.isEmpty {
            let id = parentDeckID + Int64(deckOrder.count) + 1
            deckIDs[deck.ankiName] = id
            deckOrder.append((deck.ankiName, id))
        }

        let db = try SQLiteDatabase(path: path)
        try db.execute(tables)
        try db.execute("BEGIN")
        do {
            let notes = try db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            let cards = try db.prepare("INSERT INTO cards VALUES (?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)")
            let revlog = try db.prepare(
                "INSERT INTO revlog VALUES " + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?)", count: revlogBatchRows).joined(separator: ", "))
            var position: Int64 = 0
            var merge = ReviewMerge()
            for deck in decks {
                let deckID = deckIDs[deck.ankiName] ?? parentDeckID
                for note in deck.notes {
                    if cancelled() { throw ExportError.cancelled }
                    let id = firstID + position
                    position += 1
                    let fields = [note.front, note.back, note.extra].map(html).joined(separator: fieldSeparator)
                    let sortField = note.front.trimmingWhitespaceAndNewlines()
                    let tags = DelimitedField.tags(note.tags)
                    try notes.run([
                        .int(id), .text(note.guid), .int(noteTypeID), .int(exportSeconds), .int(0),
                        .text(tags.isEmpty ? "" : " \(tags) "), .text(fields), .text(sortField),
                        .int(checksum(sortField)), .int(0), .text(""),
                    ])
                    let scheduling = withHistory ? note.scheduling : nil
                    try cards.run(
                        card(
                            id: id, deckID: deckID, position: position, modified: exportSeconds,
                            scheduling: scheduling, dayZero: dayZero))
                    if withHistory, !note.reviews.isEmpty { merge.add(note: id, note.reviews.makeIterator()) }
                }
            }
            // The review log in instant order across notes (each note's answers come in order; ties
            // go to the earlier note): rows land at the end of the table's b-tree, and a free id is
            // known without asking the table, so rows go 64 to an INSERT.
            // The revlog id is the answer's time in ms; Anki keeps one entry per id, so a taken one
            // moves to the next free millisecond. In instant order the ids taken so far end in an
            // unbroken run at `lastID`, so the next free one is simply past it.
            var lastID = Int64.min
            var batch = RevlogBatch(revlog, rows: revlogBatchRows)
            while let (note, review) = merge.next() {
                if batch.count == 0, cancelled() { throw ExportError.cancelled }
                let revlogID = max(review.at.milliseconds, lastID + 1)
                lastID = revlogID
                try batch.add(
                    revlogID, note, 0, Int64(min(max(review.rating, 1), 4)), revlogInterval(review.scheduledSeconds),
                    revlogInterval(review.previousScheduledSeconds), review.difficulty.map(difficultyFactor) ?? 0,
                    min(max(review.durationMilliseconds ?? 0, 0), 60_000), revlogType(review.kind))
            }
            try batch.flush(db)
            let firstDeck = deckOrder.first?.id ?? 1
            try db.prepare("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')").run([
                .int(dayZero), .int(exportedAt.milliseconds), .int(exportedAt.milliseconds),
                .text(configuration(firstDeck: firstDeck, nextPosition: position + 1).rendered()),
                .text(noteTypes(modified: exportSeconds, deckID: firstDeck).rendered()),
                .text(deckTable(deckOrder, modified: exportSeconds).rendered()),
                .text(deckOptions().rendered()),
            ])
        }
        try db.execute("COMMIT")
        // Indexes after the rows: one sorted build each instead of a million inserts into them.
        try db.execute(indexes)
        try db.close()
    }

    /// Review log rows per INSERT: one statement per row cost more in SQLite's machinery than the rows.
    static let revlogBatchRows = 64

    /// Revlog rows bound into one multi-row INSERT, run when it is full; the rest go one by one.
    struct RevlogBatch {
        let statement: SQLiteDatabase.Statement
        let rows: Int
        private(set) var count = 0
        private var pending: [Int64] = []

        init(_ statement: SQLiteDatabase.Statement, rows: Int) {
            self.statement = statement
            self.rows = rows
            pending.reserveCapacity(rows * 9)
        }

        mutating func add(
            _ id: Int64, _ cid: Int64, _ usn: Int64, _ ease: Int64, _ ivl: Int64, _ lastIvl: Int64, _ factor: Int64,
            _ time: Int64, _ type: Int64
        ) throws(ExportError) {
            pending += [id, cid, usn, ease, ivl, lastIvl, factor, time, type]
            count += 1
            if count == rows {
                try statement.run(integers: pending)
                pending.removeAll(keepingCapacity: true)
                count = 0
            }
        }

        /// The rows short of a full statement, one INSERT each.
        mutating func flush(_ db: SQLiteDatabase) throws(ExportError) {
            guard count > 0 else { return }
            let single = try db.prepare("INSERT INTO revlog VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for k in 0..<count { try single.run(integers: Array(pending[k * 9..<(k + 1) * 9])) }
            pending.removeAll()
            count = 0
        }
    }

    /// Several notes' answers, each note's oldest first, merged into one stream by instant (ties:
    /// the note added first). A binary heap of one iterator per note, so only those are held.
    struct ReviewMerge {
        /// A class, so advancing one mutates it in place (an iterator in an array of tuples was
        /// copied on every step, a retain and release per field of the history it walks).
        private final class Stream {
            let note: Int64
            var reviews: ExportReviews.Iterator
            var head: ExportReview
            var at: Int64

            init(note: Int64, reviews: ExportReviews.Iterator, head: ExportReview) {
                self.note = note
                self.reviews = reviews
                self.head = head
                self.at = head.at.milliseconds
            }
        }

        private var streams: [Stream] = []
        private var heap: [Int] = []

        mutating func add(note: Int64, _ reviews: ExportReviews.Iterator) {
            var reviews = reviews
            guard let head = reviews.next() else { return }
            streams.append(Stream(note: note, reviews: reviews, head: head))
            heap.append(streams.count - 1)
            up(heap.count - 1)
        }

        mutating func next() -> (note: Int64, review: ExportReview)? {
            guard let top = heap.first else { return nil }
            let stream = streams[top]
            let out = (stream.note, stream.head)
            if let head = stream.reviews.next() {
                stream.head = head
                stream.at = head.at.milliseconds
            } else {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { down(0) }
            return out
        }

        private func less(_ a: Int, _ b: Int) -> Bool {
            (streams[a].at, a) < (streams[b].at, b)
        }

        private mutating func up(_ i: Int) {
            var i = i
            while i > 0, less(heap[i], heap[(i - 1) / 2]) {
                heap.swapAt(i, (i - 1) / 2)
                i = (i - 1) / 2
            }
        }

        private mutating func down(_ i: Int) {
            var i = i
            while true {
                let (l, r) = (2 * i + 1, 2 * i + 2)
                var m = i
                if l < heap.count, less(heap[l], heap[m]) { m = l }
                if r < heap.count, less(heap[r], heap[m]) { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
    }

    /// Each guid once, in the first deck that has it. In Anki a guid is one note: the same card in
    /// two decks of one language (everyday and all) would otherwise make the second copy a
    /// duplicate that Anki drops on import, or worse, updates the first with.
    /// The copies dropped give their answers to the one kept (each answer is under one of them).
    static func uniqueNotes(_ decks: [ExportDeck]) -> [ExportDeck] {
        var kept: [String: (deck: Int, note: Int)] = [:]
        var out = decks
        for (d, deck) in decks.enumerated() {
            out[d].notes = []
            for note in deck.notes {
                if let (keptDeck, keptNote) = kept[note.guid] {
                    if !note.reviews.isEmpty {
                        var keptCopy = out[keptDeck].notes[keptNote]
                        keptCopy.reviews = keptCopy.reviews.merged(with: note.reviews)
                        // The state follows the answers the note now has.
                        if keptCopy.scheduling != nil, let s = keptCopy.reviews.scheduling() { keptCopy.scheduling = s }
                        out[keptDeck].notes[keptNote] = keptCopy
                    }
                    continue
                }
                kept[note.guid] = (d, out[d].notes.count)
                out[d].notes.append(note)
            }
        }
        return out
    }

    /// The collection's creation time in seconds: UTC midnight of the export day, or of the first
    /// answer when history goes along, so review due dates count whole days from it.
    static func collectionCreation(_ decks: [ExportDeck], exportedAt: Instant, withHistory: Bool) -> Int64 {
        var earliest = exportedAt
        if withHistory {
            for note in decks.lazy.flatMap(\.notes) {
                for instant in [note.reviews.earliest, note.scheduling?.lastReview].compactMap({ $0 }) {
                    earliest = min(earliest, instant)
                }
            }
        }
        return Timestamp.floorDiv(earliest.milliseconds, 86_400_000) * 86_400
    }

    /// One `cards` row after the fixed columns: id, nid, did, mod, type, queue, due, ivl, factor,
    /// reps, lapses, left, data.
    static func card(
        id: Int64, deckID: Int64, position: Int64, modified: Int64, scheduling: ExportScheduling?,
        dayZero: Int64
    ) -> [SQLiteDatabase.Value] {
        // A suspended card keeps its type and due; only its queue says suspended, as in Anki.
        let suspendedQueue: Int64 = -1
        guard let s = scheduling, s.state != .new, let due = s.due else {
            // New: `due` is the position in the new queue, so Anki shows cards in deck order.
            return [
                .int(id), .int(id), .int(deckID), .int(modified), .int(0), .int(scheduling?.suspended == true ? suspendedQueue : 0),
                .int(position),
                .int(0), .int(0), .int(0), .int(0), .int(0), .text(""),
            ]
        }
        let dueSeconds = Timestamp.floorDiv(due.milliseconds, 1000)
        let dueDay = Timestamp.floorDiv(dueSeconds - dayZero, 86_400)
        let type: Int64, queue: Int64, dueValue: Int64, left: Int64
        switch s.state {
        case .review:
            (type, queue, dueValue, left) = (2, 2, dueDay, 0)
        case .learning, .relearning, .new:
            // Learning steps under a day wait in the intraday queue (due in epoch seconds); longer
            // ones in the day-learning queue (due in days). `left` encodes the steps still to go
            // both ways older and newer Anki read it (today's count × 1000 + total).
            let steps = Int64(max(s.remainingSteps, 1))
            let intraday = s.intervalSeconds < 86_400
            (type, queue, dueValue, left) = (
                s.state == .relearning ? 3 : 1, intraday ? 1 : 3, intraday ? dueSeconds : dueDay,
                steps * 1000 + steps
            )
        }
        // Review and relearning cards carry a review interval in Anki, never less than a day.
        let interval = s.state == .review || s.state == .relearning ? Int64(max(1, s.intervalDays)) : 0
        return [
            .int(id), .int(id), .int(deckID), .int(modified), .int(type), .int(s.suspended ? suspendedQueue : queue),
            .int(dueValue), .int(interval), .int(2500), .int(Int64(s.reps)), .int(Int64(s.lapses)), .int(left),
            .text(memoryState(s)),
        ]
    }

    /// The card's `data` JSON: FSRS stability `s`, difficulty `d`, desired retention `dr`, decay,
    /// and last review time `lrt` (seconds), which Anki reads as the card's FSRS memory state.
    static func memoryState(_ s: ExportScheduling) -> String {
        var members: [(String, JSONValue)] = []
        if let stability = s.stability, let difficulty = s.difficulty {
            members.append(("s", .double(rounded(stability, 4))))
            members.append(("d", .double(rounded(difficulty, 4))))
        }
        if let retention = s.desiredRetention { members.append(("dr", .double(rounded(retention, 2)))) }
        if let decay = s.decay { members.append(("decay", .double(rounded(decay, 4)))) }
        if let last = s.lastReview { members.append(("lrt", .int(Timestamp.floorDiv(last.milliseconds, 1000)))) }
        return members.isEmpty ? "" : JSONValue.object(members).rendered()
    }

    static func rounded(_ x: Double, _ places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (x * scale).rounded() / scale
    }

    /// Revlog intervals: whole days when positive, seconds when negative (learning steps).
    static func revlogInterval(_ seconds: Int64) -> Int64 {
        if seconds <= 0 { return 0 }
        if seconds < 86_400 { return -seconds }
        return (seconds + 43_200) / 86_400
    }

    /// Anki's FSRS revlog `factor`: difficulty 1…10 mapped to 100…1100.
    static func difficultyFactor(_ difficulty: Double) -> Int64 {
        Int64((((difficulty - 1) / 9 + 0.1) * 1000).rounded())
    }

    static func revlogType(_ kind: ExportReview.Kind) -> Int64 {
        switch kind {
        case .learning: 0
        case .review: 1
        case .relearning: 2
        }
    }

    /// Field text as Anki stores it: HTML, so markup characters are escaped and lines become `<br>`.
    static func html(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r\n", "\n", "\r": out += "<br>"
            default: out.append(ch)
            }
        }
        return out
    }

    static func checksum(_ sortField: String) -> Int64 {
        SHA1.digest(Array(sortField.utf8)).prefix(4).reduce(Int64(0)) { $0 << 8 | Int64($1) }
    }

    static func configuration(firstDeck: Int64, nextPosition: Int64) -> JSONValue {
        .object([
            ("schedVer", .int(2)), ("curDeck", .int(firstDeck)), ("activeDecks", .array([.int(firstDeck)])),
            ("curModel", .int(noteTypeID)), ("nextPos", .int(nextPosition)), ("newSpread", .int(0)),
            ("collapseTime", .int(1200)), ("timeLim", .int(0)), ("estTimes", .bool(true)),
            ("dueCounts", .bool(true)), ("sortType", .string("noteFld")), ("sortBackwards", .bool(false)),
            ("addToCur", .bool(true)), ("dayLearnFirst", .bool(false)),
        ])
    }

    static func noteTypes(modified: Int64, deckID: Int64) -> JSONValue {
        let field = { (name: String, ord: Int64) -> JSONValue in
            .object([
                ("name", .string(name)), ("ord", .int(ord)), ("sticky", .bool(false)), ("rtl", .bool(false)),
                ("font", .string("Arial")), ("size", .int(20)), ("media", .array([])),
            ])
        }
        let template = JSONValue.object([
            ("name", .string("Card 1")), ("ord", .int(0)), ("qfmt", .string("{{Front}}")),
            (
                "afmt",
                .string(
                    "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}\n\n{{#Extra}}<div class=\"extra\">{{Extra}}</div>{{/Extra}}")
            ),
            ("bqfmt", .string("")), ("bafmt", .string("")), ("did", .null), ("bfont", .string("")), ("bsize", .int(0)),
        ])
        let css = """
            .card { font-family: arial, "Noto Sans CJK SC", "PingFang SC", sans-serif; font-size: 22px;
              text-align: center; color: black; background-color: white; }
            .extra { font-size: 17px; text-align: left; margin-top: 1em; white-space: pre-line; }
            """
        let noteType = JSONValue.object([
            ("id", .int(noteTypeID)), ("name", .string(AnkiTextEncoder.noteTypeName)), ("type", .int(0)),
            ("mod", .int(modified)), ("usn", .int(0)), ("sortf", .int(0)), ("did", .int(deckID)),
            ("tmpls", .array([template])),
            ("flds", .array([field("Front", 0), field("Back", 1), field("Extra", 2)])),
            ("css", .string(css)), ("latexPre", .string("")), ("latexPost", .string("")),
            ("latexsvg", .bool(false)), ("req", .array([.array([.int(0), .string("any"), .array([.int(0)])])])),
            ("tags", .array([])), ("vers", .array([])),
        ])
        return .object([(String(noteTypeID), noteType)])
    }

    static func deckTable(_ decks: [(name: String, id: Int64)], modified: Int64) -> JSONValue {
        let deck = { (id: Int64, name: String) -> (String, JSONValue) in
            (
                String(id),
                .object([
                    ("id", .int(id)), ("mod", .int(modified)), ("name", .string(name)), ("usn", .int(0)),
                    ("lrnToday", .array([.int(0), .int(0)])), ("revToday", .array([.int(0), .int(0)])),
                    ("newToday", .array([.int(0), .int(0)])), ("timeToday", .array([.int(0), .int(0)])),
                    ("collapsed", .bool(false)), ("browserCollapsed", .bool(false)), ("desc", .string("")),
                    ("dyn", .int(0)), ("conf", .int(defaultDeckOptionsID)), ("extendNew", .int(0)),
                    ("extendRev", .int(0)),
                ])
            )
        }
        // Anki expects the Default deck to exist, and a child's parent to exist before it.
        return .object([deck(1, "Default"), deck(parentDeckID, "StatusDeck")] + decks.map { deck($0.id, $0.name) })
    }

    static func deckOptions() -> JSONValue {
        .object([
            (
                String(defaultDeckOptionsID),
                .object([
                    ("id", .int(defaultDeckOptionsID)), ("mod", .int(0)), ("name", .string("Default")), ("usn", .int(0)),
                    ("maxTaken", .int(60)), ("autoplay", .bool(true)), ("timer", .int(0)), ("replayq", .bool(true)),
                    ("dyn", .bool(false)),
                    (
                        "new",
                        .object([
                            ("bury", .bool(false)), ("delays", .array([.double(1), .double(10)])),
                            ("initialFactor", .int(2500)), ("ints", .array([.int(1), .int(4), .int(0)])),
                            ("order", .int(1)), ("perDay", .int(20)),
                        ])
                    ),
                    (
                        "rev",
                        .object([
                            ("bury", .bool(false)), ("ease4", .double(1.3)), ("ivlFct", .double(1)),
                            ("maxIvl", .int(36500)), ("perDay", .int(200)), ("hardFactor", .double(1.2)),
                        ])
                    ),
                    (
                        "lapse",
                        .object([
                            ("delays", .array([.double(10)])), ("leechAction", .int(1)), ("leechFails", .int(8)),
                            ("minInt", .int(1)), ("mult", .double(0)),
                        ])
                    ),
                ])
            )
        ])
    }
}
