#ifndef CSQLITE_H
#define CSQLITE_H

// SQLite, for the Anki package's collection: the system's library.
//
// It is not linked: every command paid for mapping it at start, and only export and import use
// it. sqlite_loader.c defines the SQLite functions StatusDeck calls as small forwards that open
// libsqlite3 with dlopen on first use, so the Swift code calls them as if it were linked.
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import as a macro.
// Binding with it makes SQLite copy the bytes, so Swift's temporary buffers may go away at once.
static inline sqlite3_destructor_type _Nonnull csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// Opens libsqlite3 and finds every function StatusDeck uses, once. NULL when it is ready, else
/// one line saying what is missing; call it before the first SQLite function to report that cleanly.
const char *_Nullable statusdeck_sqlite_load(void);

#endif
