import StatusDeckCore
import StatusDeckUI

/// One key's update + render in the pure quiz model, in process: the message goes through the
/// quiz (and an in-memory driver for the next card), then the whole 80×24 frame is drawn, as the
/// terminal loop does for each key. Answers go nowhere: their append + fsync is its own figure.
enum KeyFrame {
    static let title = "key → frame (update + view 80×24)"

    /// Hands out the built-in Chinese deck's cards in order, forever.
    struct Driver: QuizDriver {
        let items: [QuizItem]
        var position = 0
        var counts: QueueCounts { QueueCounts(new: 20, learning: 3, due: max(items.count - position % items.count, 0)) }

        mutating func start(now: Int64) -> [QuizMessage] { [.show(items[0], counts)] }

        mutating func perform(_ effect: QuizEffect, now: Int64) -> [QuizMessage] {
            switch effect {
            case .record, .bury, .suspend:
                position += 1
                return [.show(items[position % items.count], counts)]
            case .undo:
                position = max(position - 1, 0)
                return [.show(items[position % items.count], counts)]
            case .finish:
                return [.finished(counts, nextDueIn: 600_000)]
            case .quit, .openBrowser, .browser, .nextCard:
                // The benchmark's keys never open the card browser.
                return []
            }
        }
    }

    static func items() -> [QuizItem] {
        let deck = BuiltInDecks.all().first { $0.id == "http-all-zh" } ?? BuiltInDecks.all()[0]
        return deck.cards.map { card in
            QuizItem(
                cardID: card.id, prompt: card.prompt, answer: card.answer, accepted: card.accepted,
                choices: card.choices, explanation: card.explanation, mode: .flip,
                intervals: ["10m", "5.5m", "1d", "8d"], stage: .review)
        }
    }

    static func measure(size: Plan.Size, keys: Int, runs: Int) -> Row {
        let items = items()
        guard !items.isEmpty else {
            return Row(measurement: title, size: "—", unit: .seconds, outcome: .notMeasured("no built-in cards"), target: Targets.keyFrame)
        }
        var samples = Samples()
        var cells = 0
        // Reveal, open the explanation, close it, grade Good: the keys of a typical flip card.
        let cycle: [Key] = [.char(" "), .char("i"), .char("i"), .char("3")]
        for _ in 0..<runs {
            var program = QuizProgram(
                quiz: Quiz(deckName: "HTTP 状态码：全部", strings: .of(.zh), modeOverride: .flip),
                driver: Driver(items: items))
            program.start(now: 0)
            var now: Int64 = 0
            for k in 0..<keys {
                now += 1500
                let start = MonotonicClock.nanoseconds()
                program.send(.key(cycle[k % cycle.count]), now: now)
                let screen = program.quiz.view(width: 80, height: 24)
                samples.add(Double(MonotonicClock.nanoseconds() - start) / 1e9)
                cells &+= screen.width  // keeps the frame alive, so it is really drawn
            }
        }
        return Row(measurement: title, size: "—", unit: .seconds, outcome: .measured(samples), target: Targets.keyFrame)
    }
}
