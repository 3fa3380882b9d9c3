/// A quiz joined to its driver: a message goes in, effects go to the driver, the driver's
/// replies go back in, until nothing is left to do. The terminal loop only feeds it messages
/// and draws `quiz.view`.
public struct QuizProgram<Driver: QuizDriver> {
    public private(set) var quiz: Quiz
    public private(set) var driver: Driver
    /// Set once the quiz has asked to leave.
    public private(set) var quitRequested = false

    public init(quiz: Quiz, driver: Driver) {
        self.quiz = quiz
        self.driver = driver
    }

    public mutating func start(now: Int64) {
        for message in driver.start(now: now) { send(message, now: now) }
    }

    public mutating func send(_ message: QuizMessage, now: Int64) {
        var queue = [message]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in quiz.update(next, now: now) {
                if effect == .quit {
                    quitRequested = true
                } else {
                    queue += driver.perform(effect, now: now)
                }
            }
        }
    }
}
