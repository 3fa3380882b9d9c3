import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckHistory

/// Reads an Anki collection (SQLite, schema 11 to 18) into an `ImportPlan`: notes of note types
/// shaped like Basic become cards `anki/<guid>/<template ord>`; their review log becomes answers.
struct AnkiCollectionReader {
    static let oldestSchema: Int64 = 11
    /// The newest collection schema Anki writes (and this reader knows).
    static let newestSchema: Int64 = 18

    let db: SQLiteDatabase
    /// The file named in messages (the package, not the temporary collection).
    let path: String

    struct NoteType {
        var name: String
        var cloze: Bool
        var fields: [String]
        /// Template ord → (question format, answer format).
        var templates: [Int64: (question: String, answer: String)]
    }

    /// Where a card's front, back and explanation come from: field indices.
    struct Layout {
        var front: Int
        var back: Int
        var extra: [Int]
    }

    static func schema(_ db: SQLiteDatabase, path: String) throws(ImportFailure) -> Int64 {
        var version: Int64?
        do throws(InputError) {
            guard try db.hasTable("col", path: path), try db.hasTable("notes", path: path),
                try db.hasTable("cards", path: path), try db.hasTable("revlog", path: path)
            else {
                throw InputError(path: path, found: "a database without Anki's tables", expected: "an Anki collection")
            }
            try db.query("SELECT ver FROM col", path: path) { row in version = row.int(0) }
        } catch {
            throw .input(error)
        }
        guard let version else { throw .bad(path, found: "a collection without its `col` row", expected: "an Anki collection") }
        guard version <= newestSchema else {
            throw .bad(
                path, found: "collection schema \(version)",
                expected: "schema \(oldestSchema) to \(newestSchema) (a newer Anki wrote it; export with \"Support older Anki versions\")")
        }
        guard version >= oldestSchema else {
            throw .bad(path, found: "collection schema \(version)", expected: "schema \(oldestSchema) to \(newestSchema) (Anki 2.1 or later)")
        }
        return version
    }

    func read(into plan: inout ImportPlan) throws(ImportFailure) {
        do {
            try readAll(into: &plan)
        } catch let error as ImportFailure {
            throw error
        } catch let error as InputError {
            throw .input(error)
        } catch {
            throw .bad(path, found: "\(error)", expected: "an Anki collection")
        }
    }

    private func readAll(into plan: inout ImportPlan) throws {
        let tables = try db.hasTable("notetypes", path: path)
        let (noteTypes, deckNames) = tables ? try readTables() : try readLegacyJSON()
        var layouts: [Int64: [Int64: Layout]] = [:]
        for (id, type) in noteTypes where !type.cloze {
            if let layout = Self.layouts(type) { layouts[id] = layout }
        }

        // Notes: only what the cards need, by note id.
        struct Note {
            var guid: String
            var fields: [String]
            var layout: [Int64: Layout]
        }
        var notes: [Int64: Note] = [:]
        var skippedNotes: [Int64: String] = [:]
        try db.query("SELECT id, guid, mid, flds FROM notes", path: path) { row in
            let mid = row.int(2)
            guard let layout = layouts[mid] else {
                skippedNotes[row.int(0)] = noteTypes[mid]?.cloze == true ? "cloze notes" : "notes of other note types"
                return
            }
            let fields = row.text(3).split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            notes[row.int(0)] = Note(guid: row.text(1), fields: fields, layout: layout)
        }
        for what in ["cloze notes", "notes of other note types"] {
            plan.skip(what, skippedNotes.values.filter { $0 == what }.count)
        }

        // Cards, in note then template order; Anki card id → index in plan.cards.
        var index: [Int64: Int32] = [:]
        var deckCounts: [String: Int] = [:]
        var ids = Set<String>()
        try db.query("SELECT id, nid, ord, did, odid FROM cards ORDER BY nid, ord", path: path) { row in
            guard let note = notes[row.int(1)] else { return }
            let ord = row.int(2)
            guard let layout = note.layout[ord] else {
                plan.skip("cards of templates that are not front and back")
                return
            }
            func field(_ i: Int) -> String { i < note.fields.count ? HTMLText.plain(note.fields[i]) : "" }
            let front = field(layout.front), back = field(layout.back)
            guard !front.isEmpty, !back.isEmpty else {
                plan.skip("cards with a side that is empty as text (only images or sounds)")
                return
            }
            let id = "anki/\(note.guid)/\(ord)"
            guard DeckFile.isValidCardID(id), ids.insert(id).inserted else {
                plan.skip("cards whose note guid is not a valid card id")
                return
            }
            let explanation = layout.extra.map(field).filter { !$0.isEmpty }.joined(separator: "\n")
            index[row.int(0)] = Int32(plan.cards.count)
            plan.cards.append(ImportPlan.card(id: id, front: front, back: back, explanation: explanation))
            let deckID = row.int(4) != 0 ? row.int(4) : row.int(3)
            if let name = deckNames[deckID] { deckCounts[name, default: 0] += 1 }
        }
        if let top = deckCounts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
            plan.suggestedName = top.key
        }

        // The review log, a card at a time, oldest first.
        var rows: [AnkiRevlog.Row] = []
        var currentCard: Int64 = .min
        var cram = 0, unrated = 0, superseded = 0, ofSkipped = 0
        func flush() {
            guard !rows.isEmpty else { return }
            defer { rows.removeAll(keepingCapacity: true) }
            guard let card = index[currentCard] else {
                ofSkipped += rows.count
                return
            }
            for row in AnkiRevlog.select(
                rows,
                ignored: { reason, n in
                    switch reason {
                    case .cram: cram += n
                    case .unrated: unrated += n
                    case .superseded: superseded += n
                    }
                })
            {
                plan.reviews.append(
                    ImportPlan.Review(
                        // Anki logs 0 when it timed nothing (and StatusDeck exports an unknown time as 0).
                        at: row.id, card: card, milliseconds: Int32(clamping: row.time <= 0 ? -1 : row.time),
                        rating: UInt8(row.ease)))
            }
        }
        // The log in table order (a sequential scan, far faster than through the cid index),
        // then sorted by card and time here.
        struct Logged {
            var cid: Int64
            var row: AnkiRevlog.Row
        }
        var log: [Logged] = []
        var badEase: (id: Int64, ease: Int64)?
        try db.query("SELECT id, cid, ease, ivl, time, type, factor FROM revlog", path: path) { row in
            let ease = row.int(2)
            if !(0...4).contains(ease), badEase == nil { badEase = (row.int(0), ease) }
            log.append(
                Logged(
                    cid: row.int(1),
                    row: AnkiRevlog.Row(id: row.int(0), ease: ease, ivl: row.int(3), time: row.int(4), type: row.int(5), factor: row.int(6))))
        }
        log.sort { ($0.cid, $0.row.id) < ($1.cid, $1.row.id) }
        plan.reviews.reserveCapacity(log.count)
        for entry in log {
            if entry.cid != currentCard {
                flush()
                currentCard = entry.cid
            }
            rows.append(entry.row)
        }
        log = []
        flush()
        if let badEase {
            throw InputError(
                path: path, found: "review log row \(badEase.id) with ease \(badEase.ease)", expected: "an ease from 0 to 4")
        }
        plan.skip("review log rows of cram (filtered deck without rescheduling)", cram)
        plan.skip("review log rows without a rating (set due date, reset, rescheduled)", unrated)
        plan.skip("review log rows before a card's last reset or relearning from new", superseded)
        plan.skip("review log rows of cards not imported", ofSkipped)
    }

    // MARK: - Note types and decks

    /// Schema 11: note types and decks as JSON in the `col` row.
    private func readLegacyJSON() throws -> ([Int64: NoteType], [Int64: String]) {
        var models = "", decks = ""
        try db.query("SELECT models, decks FROM col", path: path) { row in
            models = row.text(0)
            decks = row.text(1)
        }
        var types: [Int64: NoteType] = [:]
        let json = (try? JSONDecoder().decode([String: LegacyJSON.Object].self, from: Data(models.utf8))) ?? [:]
        for (_, model) in json {
            guard let id = model.int("id") else { continue }
            let fields = model.objects("flds")
                .sorted { ($0.int("ord") ?? 0) < ($1.int("ord") ?? 0) }
                .map { $0.string("name") ?? "" }
            var templates: [Int64: (String, String)] = [:]
            for template in model.objects("tmpls") {
                templates[template.int("ord") ?? 0] = (template.string("qfmt") ?? "", template.string("afmt") ?? "")
            }
            types[id] = NoteType(
                name: model.string("name") ?? "", cloze: model.int("type") == 1, fields: fields, templates: templates)
        }
        var names: [Int64: String] = [:]
        let deckJSON = (try? JSONDecoder().decode([String: LegacyJSON.Object].self, from: Data(decks.utf8))) ?? [:]
        for (_, deck) in deckJSON {
            if let id = deck.int("id") { names[id] = deck.string("name") ?? "" }
        }
        return (types, names)
    }

    /// Schema 15 and later: note types, fields, templates and decks in their own tables, configs
    /// as protobuf.
    private func readTables() throws -> ([Int64: NoteType], [Int64: String]) {
        var types: [Int64: NoteType] = [:]
        try db.query("SELECT id, name, config FROM notetypes", path: path) { row in
            let config = Protobuf.fields(row.bytes(2)[...]) ?? []
            types[row.int(0)] = NoteType(
                name: row.text(1), cloze: Protobuf.varint(config, 1) == 1, fields: [], templates: [:])
        }
        try db.query("SELECT ntid, ord, name FROM fields ORDER BY ntid, ord", path: path) { row in
            types[row.int(0)]?.fields.append(row.text(2))
        }
        try db.query("SELECT ntid, ord, config FROM templates", path: path) { row in
            let config = Protobuf.fields(row.bytes(2)[...]) ?? []
            types[row.int(0)]?.templates[row.int(1)] = (Protobuf.string(config, 1) ?? "", Protobuf.string(config, 2) ?? "")
        }
        var names: [Int64: String] = [:]
        try db.query("SELECT id, name FROM decks", path: path) { row in
            names[row.int(0)] = row.text(1).replacing("\u{1F}", with: "::")
        }
        return (types, names)
    }

    /// A Basic-shaped note type: every template shows exactly one field on the front and at least
    /// one other field on the back (Basic, Basic and reversed, optional reversed, type in the
    /// answer, StatusDeck's own). Anything else is nil.
    static func layouts(_ type: NoteType) -> [Int64: Layout]? {
        guard !type.templates.isEmpty else { return nil }
        var out: [Int64: Layout] = [:]
        for (ord, template) in type.templates {
            let question = fieldReferences(template.question, fields: type.fields)
            guard question.count == 1, let front = question.first else { return nil }
            let answer = fieldReferences(template.answer, fields: type.fields).filter { $0 != front }
            guard let back = answer.first else { return nil }
            out[ord] = Layout(front: front, back: back, extra: Array(answer.dropFirst()))
        }
        return out
    }

    /// The fields a template shows, in order, each once: `{{Name}}`, `{{filter:Name}}`; section
    /// tags (`{{#Name}}`, `{{^Name}}`, `{{/Name}}`) and special fields (FrontSide, Tags…) are not shown fields.
    static func fieldReferences(_ template: String, fields: [String]) -> [Int] {
        var out: [Int] = []
        var rest = template[...]
        while let open = rest.firstRange(of: "{{") {
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            let tag = rest[open.upperBound..<close.lowerBound].trimmingWhitespace()
            rest = rest[close.upperBound...]
            guard let first = tag.first, !"#^/!".contains(first) else { continue }
            let name = tag.split(separator: ":").last.map { $0.trimmingWhitespace() } ?? tag
            if let i = fields.firstIndex(of: name), !out.contains(i) { out.append(i) }
        }
        return out
    }
}
