#ifndef STATUSDECK_CNCURSESW_SHIM_H
#define STATUSDECK_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags, so the wide-character API must be switched on here,
// before the header is read, or get_wch / cchar_t / mvwaddwstr are missing.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// Macros do not import into Swift; these helpers stand in for the ones we use.
static inline int sd_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int sd_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline attr_t sd_a_bold(void) { return A_BOLD; }
static inline attr_t sd_a_reverse(void) { return A_REVERSE; }
static inline attr_t sd_a_dim(void) { return A_DIM; }
static inline attr_t sd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sd_a_normal(void) { return A_NORMAL; }
static inline attr_t sd_color_pair(int n) { return COLOR_PAIR(n); }
static inline int sd_key_resize(void) { return KEY_RESIZE; }
static inline int sd_err(void) { return ERR; }

static inline int sd_key_code_yes(void) { return KEY_CODE_YES; }
static inline int sd_key_f0(void) { return KEY_F0; }
/// COLORS is a mutable global that Swift 6 will not read.
static inline int sd_colors(void) { return COLORS; }
/// The current screen's standard window (stdscr is a global Swift 6 will not read).
static inline WINDOW *sd_stdscr(void) { return stdscr; }

/// Sets the attributes and colour pair for what is written next.
static inline int sd_set_style(WINDOW *w, attr_t attrs, short pair) { return wattr_set(w, attrs, pair, NULL); }
/// Writes n wide characters at (y, x) (mvwaddnwstr is a macro in some builds).
static inline int sd_put(WINDOW *w, int y, int x, const wchar_t *s, int n) {
    if (wmove(w, y, x) == ERR) return ERR;
    return waddnwstr(w, s, n);
}
/// The codeset of the current locale, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *sd_codeset(void) { return nl_langinfo(CODESET); }
static inline int sd_setlocale_all(const char *name) { return setlocale(LC_ALL, name) != NULL; }

// Signals. Swift 6 cannot share a mutable global with a signal handler, so the flag and the
// handlers live here. Everything below keeps state in static variables: call it from ONE Swift
// file (TerminalSignals.swift), or each object file would get its own copy of the state.

static volatile sig_atomic_t sd_caught_signal = 0;
// Aggregates live in function-local statics: Swift's importer does not emit file-scope static
// structs or arrays that only C code refers to, and the link would fail.
static inline struct termios *sd_saved_termios(void) { static struct termios t; return &t; }
static volatile sig_atomic_t sd_have_termios = 0;
static inline char *sd_restore_bytes(void) { static char b[128]; return b; }
static volatile sig_atomic_t sd_restore_length = 0;
static inline struct sigaction *sd_previous_crash_actions(void) { static struct sigaction a[65]; return a; }

__attribute__((unused)) static void sd_on_signal(int sig) { sd_caught_signal = sig; }

/// Installs SIGINT/SIGTERM/SIGHUP handlers that only record the signal. No SA_RESTART, so a
/// blocking read returns and the loop sees the flag at once.
static inline int sd_install_quit_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sd_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    if (sigaction(SIGINT, &sa, NULL) != 0) return -1;
    if (sigaction(SIGTERM, &sa, NULL) != 0) return -1;
    if (sigaction(SIGHUP, &sa, NULL) != 0) return -1;
    return 0;
}

/// The signal caught since the last call, or 0.
static inline int sd_take_signal(void) {
    int s = sd_caught_signal;
    sd_caught_signal = 0;
    return s;
}

/// Remembers the terminal's modes. Call before newterm: newterm already turns off echo and
/// canonical input, so modes read after it are not the ones to go back to.
static inline void sd_save_terminal_modes(int fd) {
    if (tcgetattr(fd, sd_saved_termios()) == 0) sd_have_termios = 1;
}

/// Remembers the bytes that leave curses' screen and show the cursor, for the crash path.
static inline void sd_save_restore_bytes(const char *restore, size_t length) {
    if (length > 128) length = 128;
    memcpy(sd_restore_bytes(), restore, length);
    sd_restore_length = (sig_atomic_t)length;
}

/// Forgets the crash restore once the terminal has been restored normally.
static inline void sd_forget_terminal(void) { sd_have_termios = 0; sd_restore_length = 0; }

/// On a crash: put the terminal back with async-signal-safe calls only, then hand the signal
/// to whoever handled it before (Swift's backtracer or the default action).
__attribute__((unused)) static void sd_on_crash(int sig) {
    if (sd_have_termios) tcsetattr(STDIN_FILENO, TCSANOW, sd_saved_termios());
    if (sd_restore_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, sd_restore_bytes(), (size_t)sd_restore_length);
        (void)ignored;
    }
    sd_have_termios = 0;
    sd_restore_length = 0;
    if (sig > 0 && sig < 65) sigaction(sig, &sd_previous_crash_actions()[sig], NULL);
    raise(sig);
}

static inline int sd_install_crash_handlers(void) {
    int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = sd_on_crash;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND;
        if (sigaction(signals[i], &sa, &sd_previous_crash_actions()[signals[i]]) != 0) return -1;
    }
    return 0;
}

#endif
