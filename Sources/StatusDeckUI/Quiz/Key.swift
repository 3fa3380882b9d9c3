/// A key press, decoded by the terminal layer into something the quiz can match on.
public enum Key: Hashable, Sendable {
    /// A printable character (possibly wide, e.g. typed Chinese).
    case char(Character)
    /// A control chord, named by its lower-case letter: `.ctrl("c")` is Ctrl-C.
    case ctrl(Character)
    case enter, backspace, delete, escape, tab
    case up, down, left, right, pageUp, pageDown, home, end
    /// F1…F12.
    case function(Int)
}
