import FSRS
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckHistory

/// Anki's text export ("Notes in Plain Text", `.txt`/`.tsv`): `#key:value` header lines, then one
/// note a record. Headers read: `#separator` (Tab, Comma, Semicolon, Space, Pipe, Colon or the
/// character), `#html`, `#columns`, `#notetype` / `#notetype column`, `#deck` / `#deck column`,
/// `#guid column`, `#tags column`. Other columns are the note's fields: the first is the front,
/// the second the back, the rest (StatusDeck's Extra) the explanation.
///
/// Card ids are `anki/<guid>/<ord>` as for packages; a file without a guid column gets a guid made
/// from the front's text. Text carries no review log.
public enum AnkiTextImporter {
    static let separators: [String: Character] = [
        "tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":",
    ]
    /// Note types whose cards are front then back; the reversed ones add the back-to-front card.
    static let basicTypes: Set<String> = ["Basic", "Basic (type in the answer)", AnkiTextEncoder.noteTypeName]
    static let reversedTypes: Set<String> = ["Basic (and reversed card)", "Basic (optional reversed card)"]

    public static func plan(text: String, path: String, name: String) throws(ImportFailure) -> ImportPlan {
        var plan = ImportPlan(format: "Anki text export", suggestedName: name, eventSource: "anki")
        var separator: Character = "\t"
        var html = true
        var noteType: String?
        var deck: String?
        var columns: [String: Int] = [:]  // "guid", "notetype", "deck", "tags" → 0-based column
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        var line = 1
        while body.first == "#" {
            let end = body.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) ?? body.endIndex
            let header = body[body.index(after: body.startIndex)..<end]
            body = end < body.endIndex ? body[body.index(after: end)...] : body[end...]
            defer { line += 1 }
            guard let colon = header.firstIndex(of: ":") else { continue }
            let key = header[..<colon].trimmingWhitespace().lowercased()
            let value = String(header[header.index(after: colon)...])
            switch key {
            case "separator":
                if let known = separators[value.lowercased()] {
                    separator = known
                } else if value.count == 1, let c = value.first {
                    separator = c
                } else {
                    throw .bad(path, line: line, found: "separator '\(value)'", expected: "Tab, Comma, Semicolon, Space, Pipe, Colon or one character")
                }
            case "html": html = value.lowercased() == "true"
            case "notetype": noteType = value
            case "deck": deck = value
            case "guid column", "notetype column", "deck column", "tags column":
                guard let n = Int(value.trimmingWhitespace()), n >= 1 else {
                    throw .bad(path, line: line, found: "\(key) '\(value)'", expected: "a column number from 1")
                }
                columns[String(key.dropLast(" column".count))] = n - 1
            default: continue  // #columns names the fields; their order is all that is used
            }
        }
        if let deck { plan.suggestedName = deck }
        let records: [DelimitedReader.Record]
        switch DelimitedReader(text: body, separator: separator).records(startLine: line) {
        case .success(let r): records = r
        case .failure(let unclosed): throw .bad(path, line: unclosed.line, found: "a quoted field that never closes", expected: "a closing double quote")
        }
        let meta = Set(columns.values)
        var ids = Set<String>()
        var deckCounts: [String: Int] = [:]
        for record in records {
            if let column = columns["deck"], column < record.fields.count { deckCounts[record.fields[column], default: 0] += 1 }
            let type = columns["notetype"].flatMap { $0 < record.fields.count ? record.fields[$0] : nil } ?? noteType ?? "Basic"
            let fields = record.fields.enumerated().filter { !meta.contains($0.offset) }.map(\.element)
            let reversed = reversedTypes.contains(type)
            guard basicTypes.contains(type) || reversed else {
                plan.skip(type.lowercased().contains("cloze") ? "cloze notes" : "notes of other note types")
                continue
            }
            guard fields.count >= 2 else {
                throw .bad(
                    path, line: record.line, found: "\(fields.count) field\(fields.count == 1 ? "" : "s")",
                    expected: "at least 2 (front and back, separated by the #separator)")
            }
            let text = fields.map { html ? HTMLText.plain($0) : HTMLText.tidy($0) }
            let guid =
                columns["guid"].flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
                ?? "text-" + String(StableHash.fnv1a(fields[0]), radix: 36)
            let extra = text.dropFirst(2).filter { !$0.isEmpty }.joined(separator: "\n")
            var sides = [(0, text[0], text[1])]
            // Optional reversed: only when its third field ("Add Reverse") is filled in.
            if reversed && (type == "Basic (and reversed card)" || (fields.count > 2 && !text[2].isEmpty)) {
                sides.append((1, text[1], text[0]))
            }
            for (ord, front, back) in sides {
                guard !front.isEmpty, !back.isEmpty else {
                    plan.skip("cards with a side that is empty as text (only images or sounds)")
                    continue
                }
                let id = "anki/\(guid)/\(ord)"
                guard DeckFile.isValidCardID(id), ids.insert(id).inserted else {
                    plan.skip("notes whose guid is not a valid card id or comes twice")
                    continue
                }
                plan.cards.append(
                    ImportPlan.card(id: id, front: front, back: back, explanation: type.hasPrefix("Basic (") ? "" : extra))
            }
        }
        if let top = deckCounts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { plan.suggestedName = top.key }
        return plan
    }
}
