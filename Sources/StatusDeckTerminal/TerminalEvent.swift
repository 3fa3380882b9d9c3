import StatusDeckUI

/// What one read from the terminal produced.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case signal(Int32)
    /// Nothing arrived before the timeout (or a key the quiz has no use for).
    case idle
}
