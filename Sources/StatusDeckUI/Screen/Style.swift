/// What a cell means, not how it looks: the terminal maps each role to colours, or to bold,
/// dim and reverse when there are no colours (or `NO_COLOR` is set).
public enum Style: UInt8, Hashable, Sendable, CaseIterable {
    case plain
    /// Titles and the card's prompt.
    case title
    /// Secondary text: hints, labels, the empty part of the progress bar.
    case muted
    /// A key the user can press, in the footer and next to grades.
    case key
    /// Right answers, the Good grade, the filled progress bar.
    case good
    /// Wrong answers, the Again grade, errors.
    case bad
    /// The Hard grade and warnings.
    case warn
    /// The Easy grade, counts of new cards.
    case info
    /// The highlighted option or suggested grade.
    case selected
    /// The header and footer bars.
    case bar
}
