/// A screen program the terminal loop can run: the quiz (`QuizProgram`) or the card browser on
/// its own (`BrowserProgram`). Keys, resizes and signals go in; a frame comes out.
public protocol TerminalProgram {
    /// Set once the program has asked to leave.
    var quitRequested: Bool { get }
    /// Begins, at the terminal's size.
    mutating func start(now: Int64, width: Int, height: Int)
    mutating func key(_ key: Key, now: Int64)
    mutating func resize(width: Int, height: Int, now: Int64)
    /// SIGINT, SIGTERM, SIGHUP or a lost terminal: the program is about to end.
    mutating func interrupt(now: Int64)
    func view(width: Int, height: Int) -> Screen
}

extension QuizProgram: TerminalProgram {
    public mutating func start(now: Int64, width: Int, height: Int) {
        send(.resize(width: width, height: height), now: now)
        start(now: now)
    }

    public mutating func key(_ key: Key, now: Int64) { send(.key(key), now: now) }
    public mutating func resize(width: Int, height: Int, now: Int64) { send(.resize(width: width, height: height), now: now) }
    public mutating func interrupt(now: Int64) { send(.interrupted, now: now) }
    public func view(width: Int, height: Int) -> Screen { quiz.view(width: width, height: height) }
}
