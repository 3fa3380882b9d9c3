import CNcursesw

/// Signal and crash handling. The shim keeps its state in static C variables, so every call
/// into that part of the shim is made from this one file (one object file, one copy of state).
enum TerminalSignals {
    /// SIGINT, SIGTERM and SIGHUP only set a flag; the loop restores the terminal and exits.
    static func installQuitHandlers() -> Bool { sd_install_quit_handlers() == 0 }

    /// The signal caught since the last call, if any.
    static func take() -> Int32? {
        let s = sd_take_signal()
        return s == 0 ? nil : s
    }

    /// Saves the terminal's modes; call before curses starts (newterm changes them).
    static func saveModes(fd: Int32) { sd_save_terminal_modes(fd) }

    /// Saves the bytes that undo curses' screen, then installs crash handlers that put the
    /// modes and the screen back before the process dies.
    static func armCrashRestore(restoreBytes: [UInt8]) {
        restoreBytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                sd_save_restore_bytes(chars.baseAddress, chars.count)
            }
        }
        _ = sd_install_crash_handlers()
    }

    /// After a normal restore there is nothing left for the crash path to do.
    static func disarmCrashRestore() { sd_forget_terminal() }
}
