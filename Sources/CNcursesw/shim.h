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
#include <wchar.h>
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

#endif
