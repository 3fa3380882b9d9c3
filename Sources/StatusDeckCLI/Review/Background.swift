import Dispatch

/// Runs one piece of start-up work on another core while this thread does another, so the first
/// frame waits for the slower of the two rather than for their sum (generating the built-in
/// decks and reading the history are independent).
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before it signals `done`, read only after waiting on it.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Waits for the work and returns what it made (always set once the wait returns).
    func value() -> Value? {
        done.wait()
        return result
    }
}
