import StatusDeckUI

/// What one read from the terminal produced.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case signal(Int32)
    /// The terminal is gone (closed tab, dropped SSH, killed tmux): a hang-up, end of input or a
    /// read error. The session ends as if SIGHUP had arrived.
    case hangup
}
