import FSRS
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckHistory

/// py-fsrs's review log as CSV (`card_id,review_rating,review_time,review_duration`, as
/// `ReviewLog.to_dict` writes it): answers only, no cards. Each card becomes `<deck>/<card_id>`,
/// so its answers sit in the history under the imported deck's name.
public enum ReviewLogImporter {
    static let header = ["card_id", "review_rating", "review_time", "review_duration"]

    public static func plan(text: String, path: String, name: String, deck: String) throws(ImportFailure) -> ImportPlan {
        var plan = ImportPlan(format: "py-fsrs review log (CSV)", suggestedName: name, eventSource: "fsrs-review-log")
        let records: [DelimitedReader.Record]
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        switch DelimitedReader(text: body, separator: ",").records(startLine: 1) {
        case .success(let r): records = r
        case .failure(let unclosed): throw .bad(path, line: unclosed.line, found: "a quoted field that never closes", expected: "a closing double quote")
        }
        guard let first = records.first, first.fields.map({ $0.trimmingWhitespace() }) == header else {
            throw .bad(
                path, line: 1, found: "header '\(records.first?.fields.joined(separator: ",") ?? "")'",
                expected: header.joined(separator: ","))
        }
        var cardIndex: [String: Int32] = [:]
        struct Pair: Hashable {
            var card: Int32
            var at: Int64
        }
        var seen = Set<Pair>()
        for record in records.dropFirst() {
            guard record.fields.count == 4 else {
                throw .bad(path, line: record.line, found: "\(record.fields.count) fields", expected: "4: \(header.joined(separator: ","))")
            }
            let f = record.fields.map { $0.trimmingWhitespace() }
            guard !f[0].isEmpty, DeckFile.isValidCardID(f[0]) else {
                throw .bad(path, line: record.line, found: "card_id '\(f[0])'", expected: "a card id without spaces")
            }
            guard let rating = Int(f[1]), (1...4).contains(rating) else {
                throw .bad(path, line: record.line, found: "review_rating '\(f[1])'", expected: "1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)")
            }
            guard let at = RFC3339.parse(f[2]) else {
                throw .bad(
                    path, line: record.line, found: "review_time '\(f[2])'",
                    expected: "an ISO 8601 time with its offset, e.g. 2024-03-29T20:32:32.250000+00:00")
            }
            var milliseconds: Int32 = -1
            if !f[3].isEmpty {
                guard let ms = Int32(f[3]), ms >= 0 else {
                    throw .bad(path, line: record.line, found: "review_duration '\(f[3])'", expected: "milliseconds (a whole number) or nothing")
                }
                milliseconds = ms
            }
            let id = "\(deck)/\(f[0])"
            let index: Int32
            if let known = cardIndex[id] {
                index = known
            } else {
                index = Int32(plan.extraCardIDs.count)
                cardIndex[id] = index
                plan.extraCardIDs.append(id)
            }
            // The same card at the same instant is the same answer (and would be the same event id).
            guard seen.insert(Pair(card: index, at: at.milliseconds)).inserted else {
                plan.skip("rows repeating a card and time already read")
                continue
            }
            plan.reviews.append(ImportPlan.Review(at: at.milliseconds, card: index, milliseconds: milliseconds, rating: UInt8(rating)))
        }
        return plan
    }
}
