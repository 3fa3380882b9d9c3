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
#include <string.h>
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

#endif
