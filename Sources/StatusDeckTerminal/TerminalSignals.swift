import CTerminalSignals

/// Signal and crash handling. The state the handlers share lives in the C target
/// `CTerminalSignals` (one translation unit), so every caller sees the same copy of it.
enum TerminalSignals {
    /// SIGINT, SIGTERM and SIGHUP only set a flag and wake the wait; the loop restores the
    /// terminal and exits.
    static func installQuitHandlers() -> Bool { sd_install_quit_handlers() == 0 }

    /// Wakes the wait on a resize too; call once curses has installed its own SIGWINCH handler.
    static func watchResize() { _ = sd_watch_resize() }

    /// The signal caught since the last call, if any.
    static func take() -> Int32? {
        let s = sd_take_signal()
        return s == 0 ? nil : s
    }

    /// What a wait for input on the terminal ended with.
    enum Wait {
        case ready
        case woken
        case hangup
    }

    /// Sleeps until the terminal has input, a signal arrives, or `milliseconds` pass.
    static func waitForInput(fd: Int32, milliseconds: Int32) -> Wait {
        switch sd_wait_for_input(fd, milliseconds) {
        case Int32(SD_INPUT_READY): .ready
        case Int32(SD_INPUT_HANGUP): .hangup
        default: .woken
        }
    }

    /// Saves the terminal's modes; call before curses starts (newterm changes them).
    static func saveModes(fd: Int32) { sd_save_terminal_modes(fd) }

    /// Saves the bytes that undo curses' screen, then installs crash handlers that put the
    /// modes and the screen back before the process dies.
    static func armCrashRestore(restoreBytes: [UInt8]) {
        restoreBytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = sd_arm_crash_restore(chars.baseAddress, chars.count)
            }
        }
    }

    /// After a normal restore there is nothing left for the crash path to do.
    static func disarmCrashRestore() { sd_forget_terminal() }
}
