import FSRS

/// The JSON export: every deck with its cards and, with history, each card's scheduling and
/// answers. Keys are snake_case and appear in the order documented in the README.
public enum JSONExportEncoder {
    public static let formatName = "statusdeck-export"
    public static let formatVersion: Int64 = 1

    public static func encode(_ decks: [ExportDeck], exportedAt: Instant, withHistory: Bool) -> String {
        let document = JSONValue.object([
            ("format", .string(formatName)),
            ("version", .int(formatVersion)),
            ("exported_at", .string(Timestamp.format(exportedAt))),
            ("with_history", .bool(withHistory)),
            ("decks", .array(decks.map { deck($0, withHistory: withHistory) })),
        ])
        return document.rendered(pretty: true) + "\n"
    }

    private static func deck(_ deck: ExportDeck, withHistory: Bool) -> JSONValue {
        .object([
            ("id", .string(deck.id)),
            ("name", .string(deck.name)),
            ("language", .string(deck.language)),
            ("cards", .array(deck.notes.map { note($0, withHistory: withHistory) })),
        ])
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
