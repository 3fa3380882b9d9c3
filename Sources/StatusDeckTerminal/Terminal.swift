import CNcursesw
import StatusDeckUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A curses session on the process's terminal: draws frames by diffing, reads keys, and puts
/// the terminal back exactly once however the session ends.
public final class Terminal {
    private let screenPointer: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: Palette
    private var previous: Screen?
    private var cursorVisible: Bool?
    private var restored = false

    /// Checks the environment, then starts curses. Never exits the process (unlike `initscr`
    /// on a bad TERM): every way it can fail comes back as a `TerminalProblem`.
    public static func open(environment: [String: String]) throws(TerminalProblem) -> Terminal {
        try checkEnvironment(environment)
        guard TerminalSignals.installQuitHandlers() else { throw .notATerminal }
        let term = environment["TERM"] ?? ""
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r") else {
            throw .notATerminal
        }
        // The crash path needs the modes from before newterm (which already changes them) and
        // the bytes that leave curses' screen, read from terminfo once newterm has loaded it.
        TerminalSignals.saveModes(fd: STDIN_FILENO)
        guard let screen = newterm(term, output, input) else { throw .cannotStart(term: term) }
        _ = set_term(screen)
        guard let window = sd_stdscr() else {
            endwin()
            delscreen(screen)
            throw .cannotStart(term: term)
        }
        let restoreBytes = Terminal.capability("rmcup") + Terminal.capability("cnorm") + Terminal.capability("sgr0")
        TerminalSignals.armCrashRestore(restoreBytes: restoreBytes)
        return Terminal(screen: screen, window: window, environment: environment)
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, environment: [String: String]) {
        screenPointer = screen
        self.window = window
        // raw, not cbreak: Ctrl-C arrives as a key and quits through the quiz, so a session
        // ended by the user exits 0; SIGINT from elsewhere still arrives as a signal.
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        // Never block inside curses: `nextEvent` sleeps in poll(2), which also sees a hang-up
        // and wakes on a signal, where a blocking wget_wch on a dead tty returns ERR forever.
        wtimeout(window, 0)
        TerminalSignals.watchResize()
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        var colors = false
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            colors = true
        }
        palette = Palette(colors: colors)
    }

    deinit { restore() }

    /// The terminal's current size in columns and rows.
    public var size: (width: Int, height: Int) {
        (Int(sd_getmaxx(window)), Int(sd_getmaxy(window)))
    }

    /// Draws a frame, writing only the cells that differ from the last one drawn.
    public func draw(_ screen: Screen) {
        guard !restored else { return }
        if let previous, previous.width != screen.width || previous.height != screen.height {
            self.previous = nil
        }
        if previous == nil {
            werase(window)
            clearok(window, true)
        }
        var buffer: [wchar_t] = []
        for run in ScreenDiff.runs(from: previous, to: screen) {
            let look = palette.look(run.style)
            _ = sd_set_style(window, look.attrs, look.pair)
            buffer.removeAll(keepingCapacity: true)
            for scalar in run.text.unicodeScalars { buffer.append(wchar_t(bitPattern: scalar.value)) }
            _ = buffer.withUnsafeBufferPointer { sd_put(window, Int32(run.y), Int32(run.x), $0.baseAddress, Int32($0.count)) }
        }
        _ = sd_set_style(window, 0, 0)
        previous = screen
        let wantCursor = screen.cursor != nil
        if let cursor = screen.cursor { wmove(window, Int32(cursor.y), Int32(cursor.x)) }
        if cursorVisible != wantCursor {
            curs_set(wantCursor ? 1 : 0)
            cursorVisible = wantCursor
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Sleeps until a key, a resize, a signal or the end of the terminal, using no CPU meanwhile.
    public func nextEvent() -> TerminalEvent {
        var emptyReads = 0
        while true {
            if let s = TerminalSignals.take() { return .signal(s) }
            // Keys curses already holds (the rest of an escape sequence, a pending resize) first:
            // poll(2) only sees what is still in the kernel.
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if let s = TerminalSignals.take() { return .signal(s) }
            if status != ERR {
                let isFunctionKey = status == sd_key_code_yes()
                if isFunctionKey && Int32(bitPattern: code) == sd_key_resize() {
                    // ncurses has already resized its screen; the window follows it.
                    previous = nil
                    return .resize(width: size.width, height: size.height)
                }
                guard let key = KeyDecoder.decode(isFunctionKey: isFunctionKey, code: UInt32(code)) else { continue }
                return .key(key)
            }
            switch TerminalSignals.waitForInput(fd: STDIN_FILENO, milliseconds: Terminal.wakeEveryMilliseconds) {
            case .hangup:
                return .hangup
            case .woken:
                emptyReads = 0
            case .ready:
                // Input that curses reads as nothing, again and again, is a terminal that only
                // says "readable" because it is gone: never spin on it.
                emptyReads += 1
                if emptyReads > Terminal.maximumEmptyReads { return .hangup }
            }
        }
    }

    /// A backstop wake-up while waiting for a key; signals and input end the wait at once.
    static let wakeEveryMilliseconds: Int32 = 10_000
    /// Readable-but-empty reads in a row that count as a dead terminal.
    static let maximumEmptyReads = 64

    /// Ends curses and gives the terminal back as it was. Safe to call more than once.
    public func restore() {
        guard !restored else { return }
        restored = true
        curs_set(1)
        endwin()
        delscreen(screenPointer)
        TerminalSignals.disarmCrashRestore()
    }

    // MARK: - Helpers

    private static func capability(_ name: String) -> [UInt8] {
        guard let raw = tigetstr(name), Int(bitPattern: raw) != -1 else { return [] }
        return Array(String(cString: raw).utf8)
    }

    /// Refuses what curses cannot work with, before curses is started. Also switches the
    /// process to a UTF-8 locale (C.UTF-8 when the environment names none).
    public static func checkEnvironment(_ environment: [String: String]) throws(TerminalProblem) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { throw .termUnset }
        guard term != "dumb" else { throw .termDumb }
        _ = sd_setlocale_all("")
        if codeset() != "UTF-8" {
            // Only C.UTF-8 exists on many minimal machines; any UTF-8 locale will do.
            _ = sd_setlocale_all("C.UTF-8")
        }
        let set = codeset()
        guard set == "UTF-8" else { throw .noUTF8Locale(codeset: set) }
    }

    private static func codeset() -> String {
        guard let raw = sd_codeset() else { return "unknown" }
        return String(cString: raw)
    }
}
