import StatusDeckUI

/// TEMPORARY: a driver that keeps answers in memory and gives fixed intervals, so the quiz can
/// be used and tested before the history store and scheduler are on main.
struct MemoryDriver: QuizDriver {
    private var queue: [StudyCard]
    private var history: [StudyCard] = []
    private let defaultMode: AnswerMode?

    init(cards: [StudyCard], limit: Int?, mode: AnswerMode?) {
        queue = limit.map { Array(cards.prefix(max(0, $0))) } ?? cards
        defaultMode = mode
    }

    mutating func start(now: Int64) -> [QuizMessage] { [next()] }

    mutating func perform(_ effect: QuizEffect, now: Int64) -> [QuizMessage] {
        switch effect {
        case .record, .skip:
            if !queue.isEmpty { history.append(queue.removeFirst()) }
            return [next()]
        case .undo:
            if let last = history.popLast() { queue.insert(last, at: 0) }
            return [next()]
        case .finish:
            return [.finished(counts, nextDue: nil)]
        case .quit:
            return []
        }
    }

    private var counts: QueueCounts { QueueCounts(new: queue.count, learning: 0, due: 0) }

    private func next() -> QuizMessage {
        guard let card = queue.first else { return .finished(counts, nextDue: nil) }
        return .show(QuizItem(cardID: card.id, prompt: card.prompt, answer: card.answer, accepted: card.accepted,
                              choices: card.choices, explanation: card.explanation, mode: card.mode,
                              intervals: ["1m", "6m", "10m", "4d"], stage: .new), counts)
    }
}
