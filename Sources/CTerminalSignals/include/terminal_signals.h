#ifndef STATUSDECK_TERMINAL_SIGNALS_H
#define STATUSDECK_TERMINAL_SIGNALS_H
// Everything a signal handler shares with the quiz: the caught signal, the wake-up pipe, the
// terminal modes and bytes the crash path restores. The state lives in terminal_signals.c, one
// translation unit, so the handler and the loop can never see two copies of it (a `static` in
// an imported header exists once per object file that uses it, and a release build that way
// once ignored SIGTERM and SIGHUP).
#include <stddef.h>

/// Installs SIGINT/SIGTERM/SIGHUP handlers that record the signal and wake `sd_wait_for_input`.
/// No SA_RESTART. A SIGHUP that the parent set to be ignored (nohup) stays ignored. 0 or -1.
int sd_install_quit_handlers(void);

/// Also wakes `sd_wait_for_input` on SIGWINCH, after calling the handler installed before (curses'
/// own, which records the new size). Call after curses has started. 0 or -1.
int sd_watch_resize(void);

/// The quit signal caught since the last call, or 0.
int sd_take_signal(void);

/// What `sd_wait_for_input` saw.
enum {
    SD_INPUT_READY = 1,
    /// A signal or the timeout woke the wait: look at `sd_take_signal` and try again.
    SD_INPUT_WOKEN = 0,
    /// The terminal is gone: hang-up, end of input or a read error.
    SD_INPUT_HANGUP = -1,
};

/// Sleeps until `fd` has input, a handled signal arrives, or `timeout_ms` passes (-1: no limit).
/// Uses no CPU while it waits.
int sd_wait_for_input(int fd, int timeout_ms);

/// Remembers the terminal's modes. Call before newterm, which already changes them.
void sd_save_terminal_modes(int fd);

/// Remembers the bytes that leave curses' screen and show the cursor (at most 128), then installs
/// crash handlers (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) that write them and restore
/// the saved modes before handing the signal on. 0 or -1.
int sd_arm_crash_restore(const char *restore, size_t length);

/// Forgets the crash restore once the terminal has been put back normally.
void sd_forget_terminal(void);

#endif
