import FSRS
import StatusDeckCore

/// The card browser over the same study round as the quiz: a suspend in the browser is saved
/// through the session's log and takes the card out of the running queue at once.
extension StudyDriver: BrowserDriver {
    public mutating func browse(now ms: Int64) -> BrowserContent {
        let now = Instant(milliseconds: ms)
        let rows = BrowserData.rows(cards: deck.cards, replay: session.replay, now: now, dayStart: session.dayStart(now))
        return BrowserContent(rows: rows, utcOffsetSeconds: session.utcOffsetSeconds)
    }

    public mutating func perform(_ effect: BrowserEffect, now ms: Int64) -> [BrowserMessage] {
        let now = Instant(milliseconds: ms)
        switch effect {
        case .loadInfo(let id):
            guard let card = cardsByID[id] else { return [.failed("no card \(id)")] }
            return [.info(BrowserData.info(card, replay: session.replay, now: now))]
        case .setSuspended(let id, let suspended):
            do {
                try round.setSuspended(id, suspended, now: now)
            } catch {
                return [.failed(StudyDriver.describe(error))]
            }
            return [.rows(browse(now: ms).rows)]
        case .close, .quit:
            return []
        }
    }
}
