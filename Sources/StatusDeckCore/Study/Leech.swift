/// A card the learner keeps forgetting. Anki's rule: a card becomes a leech when its lapses reach
/// the threshold, and is flagged again every half threshold after (8, 12, 16… by default), so a
/// leech that is kept in study is pointed out again rather than once and forgotten.
public enum Leech {
    /// Whether a card with this many lapses is a leech.
    public static func isLeech(lapses: Int, threshold: Int) -> Bool {
        threshold > 0 && lapses >= threshold
    }

    /// Whether the lapse that brought the count from `before` to `after` flags the card.
    public static func flags(before: Int, after: Int, threshold: Int) -> Bool {
        guard threshold > 0, after > before, after >= threshold else { return false }
        let step = max(1, (threshold + 1) / 2)
        return (after - threshold) % step == 0
    }
}
