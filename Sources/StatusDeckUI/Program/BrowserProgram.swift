/// What the card browser needs of the outside world: the deck's cards as rows, and performing
/// its effects (a card's info, a suspend). `StudyDriver` is the real one.
public protocol BrowserDriver {
    /// Every card of the deck, as the browser lists them now.
    mutating func browse(now: Int64) -> BrowserContent
    /// Performs one effect (never `.close` or `.quit`) and returns the replies.
    mutating func perform(_ effect: BrowserEffect, now: Int64) -> [BrowserMessage]
}

/// The browser on its own (`statusdeck browse`), joined to its driver like `QuizProgram`.
public struct BrowserProgram<Driver: BrowserDriver>: TerminalProgram {
    public let deckName: String
    public let strings: BrowserStrings
    public private(set) var browser: CardBrowser?
    public private(set) var driver: Driver
    public private(set) var quitRequested = false

    public init(deckName: String, strings: BrowserStrings, driver: Driver) {
        self.deckName = deckName
        self.strings = strings
        self.driver = driver
    }

    public mutating func start(now: Int64, width: Int, height: Int) {
        browser = CardBrowser(
            deckName: deckName, content: driver.browse(now: now), strings: strings, now: now, width: width, height: height)
    }

    public mutating func send(_ message: BrowserMessage, now: Int64) {
        guard var b = browser else { return }
        var queue = [message]
        while !queue.isEmpty {
            for effect in b.update(queue.removeFirst(), now: now) {
                switch effect {
                case .close, .quit: quitRequested = true
                default: queue += driver.perform(effect, now: now)
                }
            }
        }
        browser = b
    }

    public mutating func key(_ key: Key, now: Int64) { send(.key(key), now: now) }
    public mutating func resize(width: Int, height: Int, now: Int64) { send(.resize(width: width, height: height), now: now) }
    public mutating func interrupt(now: Int64) { quitRequested = true }

    public func view(width: Int, height: Int) -> Screen {
        browser?.view(width: width, height: height) ?? Screen(width: width, height: height)
    }
}
