import FSRS
import StatusDeckHistory

/// Today's cards in Anki's order: due learning cards, due reviews, then new cards.
///
/// Pure: the instant and the local time zone's offset come in as arguments. The study day rolls
/// over at `day_starts_at` local time. Reviews are capped by `reviews_per_day` less the reviews
/// already answered today; new cards by `new_per_day` less the cards first answered today.
/// "Reviews answered today" counts answers today on cards first answered before today.
/// Suspended cards and cards buried today are left out; so are new and review cards with a
/// sibling answered today (`bury_new_siblings`, `bury_review_siblings`). Learning cards are
/// never buried by a sibling: their next step is due within minutes, as in Anki.
public struct DailyQueue: Equatable, Sendable {
    /// Learning and relearning cards due now, earliest first.
    public var learning: [String]
    /// Review cards due before the next day starts, earliest first, capped.
    public var reviews: [String]
    /// Cards never answered, in deck order, capped.
    public var new: [String]
    /// When the next learning card not yet due becomes due today, if any.
    public var nextLearningDue: Instant?
    public let dayStart: Instant
    public let nextDayStart: Instant

    public var cards: [String] { learning + reviews + new }

    public init(deckCards: [String], replay: Replay, now: Instant, utcOffsetSeconds: Int, config: StudyConfig) {
        let start = Self.dayStart(now: now, dayStartsAt: config.dayStartsAt, utcOffsetSeconds: utcOffsetSeconds)
        let next = Instant(milliseconds: start.milliseconds + 86_400_000)
        dayStart = start
        nextDayStart = next
        let inDeck = Set(deckCards)
        let records = replay.cards
        var introducedToday = 0
        for card in inDeck {
            if let r = records[card], r.firstReview >= start { introducedToday += 1 }
        }
        var reviewedToday = 0
        let undone = replay.history.undoneIDs
        var answeredToday: Set<String> = []
        // Only today's reviews are unpacked: the queue is built on every start, over the whole history.
        let history = replay.history.reviews
        for (i, p) in replay.history.packed.enumerated() where p.at >= start.milliseconds {
            let e = history[i]
            guard !undone.contains(e.id) else { continue }
            answeredToday.insert(e.card)
            guard inDeck.contains(e.card), let r = records[e.card], r.firstReview < start else { continue }
            reviewedToday += 1
        }
        let marks = replay.marks
        let siblings = SiblingBurial(answeredToday: answeredToday)
        var learningDue: [(Instant, String)] = []
        var reviewDue: [(Instant, String)] = []
        var fresh: [String] = []
        var later: Instant?
        var listed: Set<String> = []
        for card in deckCards where listed.insert(card).inserted {
            if marks.suspended.contains(card) || marks.isBuried(card, dayStart: start) { continue }
            guard let r = records[card] else {
                if !(config.buryNewSiblings && siblings.buries(card)) { fresh.append(card) }
                continue
            }
            let s = r.schedule
            switch s.stage {
            case .learning, .relearning:
                if s.due <= now {
                    learningDue.append((s.due, card))
                } else if s.due < next {
                    later = later.map { min($0, s.due) } ?? s.due
                }
            case .review:
                if s.due < next, !(config.buryReviewSiblings && siblings.buries(card)) { reviewDue.append((s.due, card)) }
            }
        }
        let byDue: ((Instant, String), (Instant, String)) -> Bool = { ($0.0, $0.1) < ($1.0, $1.1) }
        learning = learningDue.sorted(by: byDue).map(\.1)
        reviews = Array(reviewDue.sorted(by: byDue).map(\.1).prefix(max(0, config.reviewsPerDay - reviewedToday)))
        new = Array(fresh.prefix(max(0, config.newPerDay - introducedToday)))
        nextLearningDue = later
    }

    /// The instant the study day containing `now` began: the latest `dayStartsAt`:00 local time
    /// at or before `now`.
    public static func dayStart(now: Instant, dayStartsAt: Int, utcOffsetSeconds: Int) -> Instant {
        let day: Int64 = 86_400_000
        let shift = Int64(utcOffsetSeconds) * 1000 - Int64(dayStartsAt) * 3_600_000
        let local = now.milliseconds + shift
        let q = local / day - (local % day < 0 ? 1 : 0)
        return Instant(milliseconds: q * day - shift)
    }
}
