import StatusDeckHistory

extension CardRow {
    /// The listing for scripts: one JSON object a card, in a documented key order; strings by
    /// the one rule (`JSONString`), so the output is terminal-safe too.
    static func json(_ rows: [CardRow]) -> String {
        var out = "[\n"
        for (n, r) in rows.enumerated() {
            var fields: [String] = []
            fields.append("\"id\":" + JSONString.quoted(r.id))
            fields.append("\"deck\":" + (r.deck.map(JSONString.quoted) ?? "null"))
            fields.append("\"state\":" + JSONString.quoted(r.state))
            fields.append("\"step\":" + (r.step.map(String.init) ?? "null"))
            fields.append("\"stability\":" + (r.stability.map { String($0) } ?? "null"))
            fields.append("\"difficulty\":" + (r.difficulty.map { String($0) } ?? "null"))
            fields.append("\"retrievability\":" + (r.retrievability.map { String($0) } ?? "null"))
            fields.append("\"due\":" + (r.due.map { JSONString.quoted(RFC3339.format($0)) } ?? "null"))
            fields.append("\"last_review\":" + (r.lastReview.map { JSONString.quoted(RFC3339.format($0)) } ?? "null"))
            fields.append("\"reps\":\(r.reps)")
            fields.append("\"lapses\":\(r.lapses)")
            fields.append("\"suspended\":\(r.suspended),\"buried\":\(r.buried),\"leech\":\(r.leech)")
            out += "  {" + fields.joined(separator: ",") + "}" + (n == rows.count - 1 ? "\n" : ",\n")
        }
        return out + "]\n"
    }
}
