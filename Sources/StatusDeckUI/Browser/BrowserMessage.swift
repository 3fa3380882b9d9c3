/// Everything that can happen to the card browser: keys and resizes, and the driver's replies to
/// its effects.
public enum BrowserMessage: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Fresh rows (after a suspend or unsuspend); the selection stays on its card.
    case rows([BrowserRow])
    /// The info asked for with `.loadInfo`.
    case info(CardInfo)
    /// The driver could not do what an effect asked (e.g. the disk is full).
    case failed(String)
}

/// What the browser asks of the outside world.
public enum BrowserEffect: Hashable, Sendable {
    /// Reply with `.info` for this card.
    case loadInfo(cardID: String)
    /// Save a suspend (true) or unsuspend (false), then reply with fresh `.rows`.
    case setSuspended(cardID: String, Bool)
    /// Leave the browser: back to the quiz, or out of `statusdeck browse`.
    case close
    /// Leave the program at once (^C).
    case quit
}
