import FSRS
import StatusDeckCore

/// The quiz as a pure state machine: `update` turns a message into new state and effects for the
/// driver to perform; `view` (in QuizView.swift) draws the state into a `Screen`.
///
/// Time comes in with every message (`now`, milliseconds) so answer times and session length are
/// computed without a clock, and a test can replay a session exactly.
public struct Quiz: Sendable {
    public let deckName: String
    public let strings: UIStrings
    /// Names the code a wrong typed answer belongs to, when it is another code's.
    public let hints: WrongAnswerHints?
    /// The mode chosen for the session (`--mode` or the `m` key); nil keeps each card's own.
    public private(set) var modeOverride: QuizMode?
    public private(set) var current: QuizItem?
    public private(set) var step: Step = .waiting
    public private(set) var overlay: Overlay?
    public private(set) var counts: QueueCounts = .zero
    public private(set) var notice: Notice?
    /// True while an effect is out with the driver; keys other than quit wait for its reply.
    public private(set) var awaiting = true
    /// The card browser (`/`), open over the quiz; it gets every key until it closes.
    public private(set) var browser: CardBrowser?

    private var done: [Done] = []
    private var inFlight: InFlight?
    private var shownAt: Int64 = 0
    private var startedAt: Int64?
    private var endedAt: Int64?
    /// The last size the terminal reported, for a browser opened later.
    private var size = (width: 80, height: 24)

    public enum Step: Hashable, Sendable {
        /// Before the first card, or while the driver works.
        case waiting
        /// Flip mode, front side.
        case front
        /// Type mode, front side: what was typed, and whether keys go to the text.
        case typing(String, active: Bool)
        /// Choice mode, front side: the highlighted option.
        case choosing(Int)
        /// The back: the answer shown, with how a typed or chosen answer fared.
        case back(Outcome?)
        /// The summary.
        case finished(nextDueIn: Int64?)
    }

    /// A typed or chosen answer, judged.
    public struct Outcome: Hashable, Sendable {
        public var given: String
        /// Right, or right but for one slip (`TypedAnswer.Verdict.slip`).
        public var correct: Bool
        /// The option picked, in choice mode.
        public var chosen: Int?
        /// A typed answer's verdict and where it differs from the answer.
        public var typed: TypedAnswer?
        /// The other code a wrong typed answer names, and how the two differ.
        public var hint: String?
        /// The learner said the verdict was wrong (the `o` key): `correct` is flipped.
        public var overridden = false

        public init(given: String, correct: Bool, chosen: Int?, typed: TypedAnswer? = nil, hint: String? = nil) {
            self.given = given
            self.correct = correct
            self.chosen = chosen
            self.typed = typed
            self.hint = hint
        }
    }

    public enum Overlay: Hashable, Sendable {
        case help(scroll: Int)
        case explanation(scroll: Int)
    }

    /// A one-line message under the card, cleared by the next key.
    public struct Notice: Hashable, Sendable {
        public var text: String
        public var isError: Bool

        public init(text: String, isError: Bool) {
            self.text = text
            self.isError = isError
        }
    }

    /// What the session did, newest last, for undo and the summary.
    private enum Done: Hashable, Sendable {
        /// With whether the answer was right: a typed or chosen verdict, or for a flip card any
        /// grade but Again.
        case answered(QuizItem, Rating, right: Bool)
        /// Buried or suspended.
        case putAway(QuizItem)
    }

    /// What to take back if the driver reports a failure.
    private enum InFlight: Hashable, Sendable {
        case pushed
        case popped(Done)
        case other
    }

    public init(deckName: String, strings: UIStrings, modeOverride: QuizMode? = nil, hints: WrongAnswerHints? = nil) {
        self.deckName = TerminalText.sanitizeLine(deckName)
        self.strings = strings
        self.hints = hints
        self.modeOverride = modeOverride
    }

    // MARK: - Derived

    /// The mode the current card is asked in: the session's choice if the card allows it.
    public func mode(for item: QuizItem) -> QuizMode {
        if let wanted = modeOverride, item.supports(wanted) { return wanted }
        return item.supports(item.mode) ? item.mode : .flip
    }

    /// Cards answered this session (skips not counted).
    public var reviewedCount: Int {
        done.reduce(0) { if case .answered = $1 { return $0 + 1 } else { return $0 } }
    }

    /// Right answers: typed or chosen ones judged right (a wrong one graded Hard is still wrong),
    /// flip cards graded above Again.
    public var rightCount: Int {
        done.reduce(0) { if case .answered(_, _, true) = $1 { return $0 + 1 } else { return $0 } }
    }

    /// Answers plus buries and suspends: how far through the queue the session is.
    public var doneCount: Int { done.count }

    public var elapsedMillis: Int64 {
        guard let startedAt else { return 0 }
        return max(0, (endedAt ?? startedAt) - startedAt)
    }

    /// The summary as one line, printed after the terminal is restored.
    public var summaryLine: String {
        let n = reviewedCount
        let pct: Int? = n > 0 ? (rightCount * 100 + n / 2) / n : nil
        var next: String?
        if case .finished(let d) = step { next = d.map(strings.dueIn) }
        return strings.summaryLine(n, pct, Quiz.duration(elapsedMillis), next)
    }

    /// "4m 12s", "12s", "1h 03m".
    static func duration(_ ms: Int64) -> String {
        let s = max(0, ms) / 1000
        if s >= 3600 { return "\(s / 3600)h \(pad2((s % 3600) / 60))m" }
        if s >= 60 { return "\(s / 60)m \(pad2(s % 60))s" }
        return "\(s)s"
    }

    private static func pad2(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

    // MARK: - Update

    /// Applies one message at time `now` (milliseconds) and returns what the driver must do.
    public mutating func update(_ message: QuizMessage, now: Int64) -> [QuizEffect] {
        switch message {
        case .interrupted:
            endedAt = now
            return [.quit]
        case .resize(let width, let height):
            size = (width, height)
            return forward(.resize(width: width, height: height), now: now)
        case .browse(let content):
            browser = CardBrowser(
                deckName: deckName, content: content, strings: .of(strings.language), now: now, width: size.width,
                height: size.height)
            awaiting = false
            inFlight = nil
            return []
        case .browser(let message):
            return forward(message, now: now)
        case .show(let item, let counts):
            current = sanitized(item)
            self.counts = counts
            step = firstStep(for: current ?? item)
            overlay = nil
            awaiting = false
            inFlight = nil
            shownAt = now
            if startedAt == nil { startedAt = now }
            return []
        case .finished(let counts, let nextDueIn):
            self.counts = counts
            current = nil
            step = .finished(nextDueIn: nextDueIn.map { max(0, $0) })
            overlay = nil
            awaiting = false
            inFlight = nil
            if startedAt == nil { startedAt = now }
            endedAt = now
            return []
        case .leech(let card, let lapses, let suspended):
            notice = Notice(text: strings.leech(TerminalText.sanitizeLine(card), lapses, suspended), isError: false)
            return []
        case .failed(let text):
            switch inFlight {
            case .pushed?: if !done.isEmpty { done.removeLast() }
            case .popped(let d)?: done.append(d)
            default: break
            }
            inFlight = nil
            awaiting = false
            notice = Notice(text: strings.saveFailed + ": " + TerminalText.sanitizeLine(text), isError: true)
            return []
        case .key(let key):
            return handle(key, now: now)
        }
    }

    private func sanitized(_ item: QuizItem) -> QuizItem {
        var i = item
        i.prompt = TerminalText.sanitize(item.prompt)
        i.answer = TerminalText.sanitizeLine(item.answer)
        i.choices = item.choices.map(TerminalText.sanitizeLine)
        i.explanation = TerminalText.sanitize(item.explanation)
        i.intervals = item.intervals.map(TerminalText.sanitizeLine)
        i.contrasts = item.contrasts.map(TerminalText.sanitizeLine)
        return i
    }

    private func firstStep(for item: QuizItem) -> Step {
        switch mode(for: item) {
        case .flip: .front
        case .type: .typing("", active: true)
        case .choice: .choosing(0)
        }
    }

    private mutating func handle(_ key: Key, now: Int64) -> [QuizEffect] {
        if key == .ctrl("c") {
            endedAt = now
            return [.quit]
        }
        if awaiting { return step == .waiting && key == .char("q") ? [.quit] : [] }
        if browser != nil { return forward(.key(key), now: now) }
        notice = nil
        if let overlay {
            scroll(overlay, by: key)
            return []
        }
        switch step {
        case .waiting: return key == .char("q") ? [.quit] : []
        case .finished: return onSummary(key)
        case .front: return onFront(key, now: now)
        case .typing(let text, let active): return onTyping(key, text: text, active: active, now: now)
        case .choosing(let selected): return onChoosing(key, selected: selected, now: now)
        case .back(let outcome): return onBack(key, outcome: outcome, now: now)
        }
    }

    /// Help or the explanation is open: arrows and paging scroll it, any other key closes it.
    private mutating func scroll(_ overlay: Overlay, by key: Key) {
        let scroll: Int
        switch overlay {
        case .help(let s), .explanation(let s): scroll = s
        }
        var next: Int?
        switch key {
        case .down, .char("j"): next = scroll + 1
        case .up, .char("k"): next = max(0, scroll - 1)
        case .pageDown, .char(" "): next = scroll + 5
        case .pageUp: next = max(0, scroll - 5)
        case .home: next = 0
        case .end: next = 10_000
        default: next = nil
        }
        guard let next else {
            self.overlay = nil
            return
        }
        // The view clamps; keep the stored offset within reach so Up works right away.
        let n = min(next, 200)
        switch overlay {
        case .help: self.overlay = .help(scroll: n)
        case .explanation: self.overlay = .explanation(scroll: n)
        }
    }

    /// The session summary: leave, undo the last answer, or read the help.
    private mutating func onSummary(_ key: Key) -> [QuizEffect] {
        switch key {
        case .enter, .escape, .char("q"), .char(" "): return [.quit]
        case .char("u"): return undo()
        case .char("?"):
            overlay = .help(scroll: 0)
            return []
        case .char("/"), .ctrl("f"): return openBrowser()
        default: return []
        }
    }

    // MARK: - The card browser

    private mutating func openBrowser() -> [QuizEffect] {
        awaiting = true
        inFlight = .other
        return [.openBrowser]
    }

    /// Hands a message to the open browser and turns what it asks for into the quiz's effects.
    private mutating func forward(_ message: BrowserMessage, now: Int64) -> [QuizEffect] {
        guard var b = browser else { return [] }
        let effects = b.update(message, now: now)
        browser = b
        var out: [QuizEffect] = []
        for effect in effects {
            switch effect {
            case .close: out += closeBrowser(b)
            case .quit:
                endedAt = now
                out.append(.quit)
            default: out.append(.browser(effect))
            }
        }
        return out
    }

    /// Back to the same card, unless it was suspended in the browser: then the next one.
    private mutating func closeBrowser(_ b: CardBrowser) -> [QuizEffect] {
        browser = nil
        guard let id = current?.cardID, b.rows.first(where: { $0.cardID == id })?.suspended == true else { return [] }
        switch step {
        case .waiting, .finished: return []
        default: break
        }
        awaiting = true
        inFlight = .other
        return [.nextCard]
    }

    /// A flip card's front: Space or Enter shows the answer.
    private mutating func onFront(_ key: Key, now: Int64) -> [QuizEffect] {
        switch key {
        case .char(" "), .enter:
            step = .back(nil)
            return []
        default: return command(key, now: now)
        }
    }

    /// A typed answer: while the field is active every letter is text and commands are control
    /// keys (`controlCommands`); Esc makes letters commands too.
    private mutating func onTyping(_ key: Key, text: String, active: Bool, now: Int64) -> [QuizEffect] {
        if active {
            switch key {
            case .char(let c): step = .typing(text + String(c), active: true)
            case .backspace, .delete: step = .typing(String(text.dropLast()), active: true)
            case .ctrl("u"): step = .typing("", active: true)
            case .enter: check(typed: text)
            case .escape: step = .typing(text, active: false)
            default: return command(key, now: now)
            }
            return []
        }
        switch key {
        case .enter:
            check(typed: text)
            return []
        case .escape:
            step = .typing(text, active: true)
            return []
        case .backspace, .delete:
            step = .typing(String(text.dropLast()), active: true)
            return []
        case .char(let c) where !Quiz.commandKeys.contains(c):
            step = .typing(text + String(c), active: true)
            return []
        default: return command(key, now: now)
        }
    }

    /// Choosing among the options: a digit picks one, arrows move, Enter or Space takes the selection.
    private mutating func onChoosing(_ key: Key, selected: Int, now: Int64) -> [QuizEffect] {
        let options = current?.choices.count ?? 0
        switch key {
        case .char(let c) where ("1"..."4").contains(c):
            let i = Int(String(c)).map { $0 - 1 } ?? 0
            if i < options { choose(i) }
            return []
        case .up, .char("k"):
            step = .choosing((selected + options - 1) % max(1, options))
            return []
        case .down, .char("j"), .tab:
            step = .choosing((selected + 1) % max(1, options))
            return []
        case .enter, .char(" "):
            choose(selected)
            return []
        default: return command(key, now: now)
        }
    }

    /// The answer is shown: 1-4 grade it, Enter or Space takes the suggested grade, `o` says
    /// the verdict on a typed or chosen answer was wrong.
    private mutating func onBack(_ key: Key, outcome: Outcome?, now: Int64) -> [QuizEffect] {
        switch key {
        case .char(let c) where ("1"..."4").contains(c):
            guard let g = Int(String(c)).flatMap(Rating.init(rawValue:)) else { return [] }
            return record(g, outcome: outcome, now: now)
        case .enter, .char(" "):
            return record(Quiz.suggested(outcome), outcome: outcome, now: now)
        case .char("o"):
            guard var o = outcome else { return command(key, now: now) }
            o.correct.toggle()
            o.overridden.toggle()
            step = .back(o)
            notice = Notice(text: o.correct ? strings.countedRight : strings.countedWrong, isError: false)
            return []
        default:
            return command(key, now: now)
        }
    }

    /// Letters that act as commands when not typing an answer.
    static let commandKeys: Set<Character> = ["?", "i", "u", "s", "b", "@", "q", "m", "o", "/"]

    /// The grade Enter takes: Good when right (or flipped), Hard when right but for a slip,
    /// Again when wrong.
    public static func suggested(_ outcome: Outcome?) -> Rating {
        guard let outcome else { return .good }
        guard outcome.correct else { return .again }
        return !outcome.overridden && outcome.typed?.verdict == .slip ? .hard : .good
    }

    /// The same commands as control keys, which work even while an answer is being typed
    /// (letters there are text): ^Z undo, ^B bury, ^S suspend, ^G help, ^D quit, ^F the card browser.
    static func letterCommand(for key: Key) -> Key {
        switch key {
        case .ctrl("z"): .char("u")
        case .ctrl("b"): .char("b")
        case .ctrl("s"): .char("@")
        case .ctrl("g"): .char("?")
        case .ctrl("d"): .char("q")
        case .ctrl("f"): .char("/")
        default: key
        }
    }

    private mutating func command(_ key: Key, now: Int64) -> [QuizEffect] {
        guard let item = current else { return [] }
        switch Quiz.letterCommand(for: key) {
        case .char("?"), .function(1):
            overlay = .help(scroll: 0)
        case .char("i"):
            if case .back = step {
                overlay = .explanation(scroll: 0)
            } else {
                notice = Notice(text: strings.showFirst, isError: false)
            }
        case .char("u"):
            return undo()
        case .char("b"), .char("s"):
            done.append(.putAway(item))
            inFlight = .pushed
            awaiting = true
            notice = Notice(text: strings.buried, isError: false)
            return [.bury(cardID: item.cardID)]
        case .char("@"):
            done.append(.putAway(item))
            inFlight = .pushed
            awaiting = true
            notice = Notice(text: strings.suspended, isError: false)
            return [.suspend(cardID: item.cardID)]
        case .char("q"):
            awaiting = true
            inFlight = .other
            return [.finish]
        case .char("/"):
            return openBrowser()
        case .char("m"):
            if case .back = step { return [] }
            var next = mode(for: item).next
            while !item.supports(next) { next = next.next }
            modeOverride = next
            step = firstStep(for: item)
        default:
            break
        }
        return []
    }

    private mutating func undo() -> [QuizEffect] {
        guard let last = done.popLast() else {
            notice = Notice(text: strings.nothingToUndo, isError: false)
            return []
        }
        inFlight = .popped(last)
        awaiting = true
        endedAt = nil
        notice = Notice(text: strings.undone, isError: false)
        return [.undo]
    }

    private mutating func check(typed: String) {
        guard let item = current else { return }
        let given = String(TerminalText.sanitizeLine(typed).drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        let judged = TypedAnswer(given, expected: item.answer, alternates: item.accepted)
        var hint: String?
        if judged.verdict == .wrong, let code = item.code { hint = hints?.hint(typed: given, cardCode: code) }
        step = .back(Outcome(given: given, correct: judged.verdict != .wrong, chosen: nil, typed: judged, hint: hint.map(TerminalText.sanitizeLine)))
    }

    private mutating func choose(_ index: Int) {
        guard let item = current, item.choices.indices.contains(index) else { return }
        let picked = item.choices[index]
        let right = AnswerMatcher.normalize(picked) == AnswerMatcher.normalize(item.answer)
        step = .back(Outcome(given: picked, correct: right, chosen: index))
    }

    private mutating func record(_ grade: Rating, outcome: Outcome?, now: Int64) -> [QuizEffect] {
        guard let item = current else { return [] }
        done.append(.answered(item, grade, right: outcome?.correct ?? (grade != .again)))
        inFlight = .pushed
        awaiting = true
        let answer = Answer(
            cardID: item.cardID, grade: grade, mode: mode(for: item),
            answerMillis: max(0, now - shownAt), correct: outcome?.correct)
        return [.record(answer)]
    }
}
