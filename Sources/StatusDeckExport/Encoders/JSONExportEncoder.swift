import FSRS

/// The JSON export: every deck with its cards and, with history, each card's scheduling and
/// answers. Keys are snake_case and appear in the order documented in the README.
public enum JSONExportEncoder {
    public static let formatName = "statusdeck-export"
    public static let formatVersion: Int64 = 1

    public static func encode(_ decks: [ExportDeck], exportedAt: Instant, withHistory: Bool) -> String {
        var out = ""
        encode(decks, exportedAt: exportedAt, withHistory: withHistory) { out += $0 }
        return out
    }

    /// The same text, handed to `write` a card at a time: the document is rendered around the
    /// cards, each rendered alone at its depth, so an export never holds every answer at once.
    public static func encode<E: Error>(
        _ decks: [ExportDeck], exportedAt: Instant, withHistory: Bool, into write: (String) throws(E) -> Void
    ) throws(E) {
        // The head is the document's members up to "decks", rendered as JSONValue would.
        let head = JSONValue.object([
            ("format", .string(formatName)),
            ("version", .int(formatVersion)),
            ("exported_at", .string(Timestamp.format(exportedAt))),
            ("with_history", .bool(withHistory)),
        ]).rendered(pretty: true)
        try write(String(head.dropLast(2)) + ",\n  \"decks\": ")
        if decks.isEmpty { try write("[]") }
        for (d, deck) in decks.enumerated() {
            try write((d == 0 ? "[" : ",") + "\n    {")
            let members: [(String, JSONValue)] = [
                ("id", .string(deck.id)), ("name", .string(deck.name)), ("language", .string(deck.language)),
            ]
            for (key, value) in members {
                try write("\n      " + JSONValue.quote(key) + ": " + value.rendered(pretty: true) + ",")
            }
            try write("\n      \"cards\": ")
            if deck.notes.isEmpty { try write("[]") }
            for (n, card) in deck.notes.enumerated() {
                try write((n == 0 ? "[" : ",") + "\n        " + note(card, withHistory: withHistory).rendered(pretty: true, depth: 4))
            }
            if !deck.notes.isEmpty { try write("\n      ]") }
            try write("\n    }")
        }
        if !decks.isEmpty { try write("\n  ]") }
        try write("\n}\n")
    }

    private static func note(_ note: ExportNote, withHistory: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(note.cardID)),
            ("guid", .string(note.guid)),
            ("front", .string(note.front)),
            ("back", .string(note.back)),
            ("extra", .string(note.extra)),
            ("tags", .array(note.tags.map(JSONValue.string))),
            ("class", note.statusClass.map { .int(Int64($0)) } ?? .null),
        ]
        if withHistory {
            members.append(("scheduling", scheduling(note.scheduling ?? ExportScheduling(state: .new))))
            members.append(("reviews", .array(note.reviews.map(review))))
        }
        return .object(members)
    }

    private static func scheduling(_ s: ExportScheduling) -> JSONValue {
        .object([
            ("state", .string(s.state.rawValue)),
            ("due", .optional(s.due.map(Timestamp.format))),
            ("last_review", .optional(s.lastReview.map(Timestamp.format))),
            ("interval_days", .int(Int64(s.intervalDays))),
            ("stability", .optional(s.stability)),
            ("difficulty", .optional(s.difficulty)),
            ("reps", .int(Int64(s.reps))),
            ("lapses", .int(Int64(s.lapses))),
            ("suspended", .bool(s.suspended)),
        ])
    }

    private static func review(_ r: ExportReview) -> JSONValue {
        .object([
            ("id", .string(r.id)),
            ("at", .string(Timestamp.format(r.at))),
            ("rating", .int(Int64(r.rating))),
            ("duration_ms", .optional(r.durationMilliseconds)),
            ("kind", .string(r.kind.rawValue)),
            ("scheduled_seconds", .int(r.scheduledSeconds)),
        ])
    }
}
