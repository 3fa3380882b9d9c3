import FSRS
import StatusDeckCore
import StatusDeckHistory

/// What must hold for any bytes given to the history reader, as a whole file.
///
/// - reading either succeeds or throws an `InputError` (never traps, never loops);
/// - every error is one line without raw control characters, naming a line inside the file;
/// - what was read survives a round trip: encoding every record canonically and reading that
///   back gives the same reviews and undos, and the canonical form is a fixed point;
/// - replaying it never traps (instants from year 1 to 9999, any order, undos of anything) and
///   gives every card a sane state: finite stability > 0, difficulty within 1…10, a due date not
///   before the last review, and a recall chance within 0…1 at any instant.
public enum HistoryFuzzCheck {
    static let path = "fuzz.jsonl"

    public static func check(_ bytes: [UInt8]) -> PropertyViolation? {
        let history: History
        let tail: [UInt8]
        do {
            (history, tail) = try HistoryReader.read(bytes, path: path)
        } catch {
            if let line = error.line, line < 1 || line > DeckFuzzCheck.lineCount(bytes) {
                return PropertyViolation("line in range", "error names line \(line): \(MessageShape.visible(error.description))")
            }
            if !error.description.hasPrefix(path + ":") {
                return PropertyViolation("names the file", MessageShape.visible(error.description))
            }
            return MessageShape.violation(in: error.description, from: "history")
        }
        if tail.contains(0x0A) {
            return PropertyViolation("torn tail", "the unparsed tail holds a newline, so a whole line was skipped")
        }
        let records =
            history.reviews.map(HistoryRecord.review) + history.marks.map(HistoryRecord.mark)
            + history.settings.map(HistoryRecord.setting) + history.undos.map(HistoryRecord.undo)
        let encoded = records.flatMap(HistoryLineEncoder.encode)
        let again: History
        do {
            (again, _) = try HistoryReader.read(encoded, path: path)
        } catch {
            return PropertyViolation("round trip", "canonical lines do not read back: \(MessageShape.visible(error.description))")
        }
        if again.reviews != history.reviews || again.undos != history.undos || again.marks != history.marks
            || again.settings != history.settings
        {
            return PropertyViolation("round trip", "canonical lines read back differently: \(MessageShape.visible(String(decoding: encoded, as: UTF8.self)))")
        }
        let reencoded =
            (again.reviews.map(HistoryRecord.review) + again.marks.map(HistoryRecord.mark)
            + again.settings.map(HistoryRecord.setting) + again.undos.map(HistoryRecord.undo))
            .flatMap(HistoryLineEncoder.encode)
        if reencoded != encoded {
            return PropertyViolation("canonical form", "encoding is not a fixed point")
        }
        return replayViolation(history)
    }

    static let scheduler: Scheduler? = try? Scheduler(.default)

    static func replayViolation(_ history: History) -> PropertyViolation? {
        guard let scheduler else { return PropertyViolation("scheduler", "the default configuration is rejected") }
        let replay = Replay(history: history, scheduler: scheduler)
        for (id, record) in replay.cards {
            let s = record.schedule
            if let stability = s.stability, !(stability.isFinite && stability > 0) {
                return PropertyViolation("replay", "card \(MessageShape.visible(id)) has stability \(stability)")
            }
            if let difficulty = s.difficulty, !(difficulty.isFinite && (1...10).contains(difficulty)) {
                return PropertyViolation("replay", "card \(MessageShape.visible(id)) has difficulty \(difficulty)")
            }
            if s.due < record.lastReview {
                return PropertyViolation(
                    "replay", "card \(MessageShape.visible(id)) is due \(s.due.milliseconds) before its last review \(record.lastReview.milliseconds)")
            }
            for at in [record.lastReview, s.due, Instant(milliseconds: 253_402_300_799_999)] {
                let r = scheduler.retrievability(of: s, at: at)
                if !(r.isFinite && (0...1).contains(r)) {
                    return PropertyViolation("replay", "card \(MessageShape.visible(id)) has recall chance \(r) at \(at.milliseconds)")
                }
            }
        }
        return nil
    }
}
