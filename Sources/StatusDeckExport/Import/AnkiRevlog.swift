/// Which review-log rows count, as Anki's FSRS counts them when it computes a card's memory state
/// from its log (rslib `reviews_for_fsrs`, not training, no "ignore reviews before" date):
///
/// - cram rows (type 3 *Filtered* with factor 0: a filtered deck that does not reschedule) are
///   ignored everywhere;
/// - rows without a rating (ease 0): type 4 *Manual* (set due date, forget/reset) and type 5
///   *Rescheduled* are never answers;
/// - the log starts at the last run of learning answers (type 0), so answers before a reset, or
///   before a card was relearned from scratch, do not count; a card reset and not answered since
///   has none. Without learning answers, it starts at the first answer that set an interval of a
///   day or more.
enum AnkiRevlog {
    struct Row {
        var id: Int64
        var ease: Int64
        var ivl: Int64
        var time: Int64
        var type: Int64
        var factor: Int64

        var isCramming: Bool { type == 3 && factor == 0 }
        var isReset: Bool { type == 4 && factor == 0 }
        var hasRating: Bool { ease > 0 }
    }

    /// Why a row was left out (for the summary).
    enum Ignored: CaseIterable {
        case cram, unrated, superseded
    }

    /// The rows that count, oldest first (`rows` must be oldest first), and the ones left out by reason.
    static func select(_ rows: [Row], ignored: (Ignored, Int) -> Void) -> ArraySlice<Row> {
        var firstOfLastLearning: Int?
        var firstUserGrade: Int?
        var start: Int?
        scan: for index in rows.indices.reversed() {
            let row = rows[index]
            if row.isCramming { continue }
            if row.hasRating && (row.ivl >= 1 || row.ivl <= -86_400) { firstUserGrade = index }
            if row.hasRating && row.type == 0 {
                firstOfLastLearning = index
            } else if row.isReset {
                if firstOfLastLearning == nil && firstUserGrade == nil {
                    // Reset and not answered since: nothing counts.
                    start = rows.endIndex
                }
                break scan
            } else if firstOfLastLearning != nil {
                break scan
            }
        }
        let from = start ?? firstOfLastLearning ?? firstUserGrade ?? rows.endIndex
        var cram = 0, unrated = 0, kept = 0
        var out = [Row]()
        out.reserveCapacity(rows.count - from)
        for row in rows[from...] {
            if row.isCramming {
                cram += 1
            } else if !row.hasRating {
                unrated += 1
            } else {
                out.append(row)
                kept += 1
            }
        }
        for row in rows[..<from] {
            if row.isCramming { cram += 1 } else if !row.hasRating { unrated += 1 }
        }
        let superseded = rows.count - kept - cram - unrated
        ignored(.cram, cram)
        ignored(.unrated, unrated)
        ignored(.superseded, superseded)
        return out[...]
    }
}
