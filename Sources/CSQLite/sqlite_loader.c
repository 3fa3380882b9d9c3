// The SQLite functions StatusDeck calls, as forwards to libsqlite3 opened with dlopen on first
// use; see include/CSQLite.h for why. Each forward has the signature sqlite3.h declares, so a
// mismatch is a compile error here rather than a crash at run time.
#include "CSQLite.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// SQLite 3 has kept one soname and a stable ABI since 2004.
#define STATUSDECK_SQLITE_SONAME "libsqlite3.so.0"

// X(return type, name, parameters, arguments), one table for functions that return a value
// and one for those that return nothing (C forbids `return` of a void expression).
#define STATUSDECK_SQLITE_VALUED(X) \
    X(int, sqlite3_bind_int64, (sqlite3_stmt *a, int b, sqlite3_int64 c), (a, b, c)) \
    X(int, sqlite3_bind_text, (sqlite3_stmt *a, int b, const char *c, int d, void (*e)(void *)), (a, b, c, d, e)) \
    X(int, sqlite3_close, (sqlite3 *a), (a)) \
    X(const void *, sqlite3_column_blob, (sqlite3_stmt *a, int b), (a, b)) \
    X(int, sqlite3_column_bytes, (sqlite3_stmt *a, int b), (a, b)) \
    X(int, sqlite3_column_count, (sqlite3_stmt *a), (a)) \
    X(double, sqlite3_column_double, (sqlite3_stmt *a, int b), (a, b)) \
    X(sqlite3_int64, sqlite3_column_int64, (sqlite3_stmt *a, int b), (a, b)) \
    X(const unsigned char *, sqlite3_column_text, (sqlite3_stmt *a, int b), (a, b)) \
    X(int, sqlite3_column_type, (sqlite3_stmt *a, int b), (a, b)) \
    X(const char *, sqlite3_errmsg, (sqlite3 *a), (a)) \
    X(const char *, sqlite3_errstr, (int a), (a)) \
    X(int, sqlite3_exec, (sqlite3 *a, const char *b, int (*c)(void *, int, char **, char **), void *d, char **e), (a, b, c, d, e)) \
    X(int, sqlite3_finalize, (sqlite3_stmt *a), (a)) \
    X(int, sqlite3_open_v2, (const char *a, sqlite3 **b, int c, const char *d), (a, b, c, d)) \
    X(int, sqlite3_prepare_v2, (sqlite3 *a, const char *b, int c, sqlite3_stmt **d, const char **e), (a, b, c, d, e)) \
    X(int, sqlite3_reset, (sqlite3_stmt *a), (a)) \
    X(unsigned char *, sqlite3_serialize, (sqlite3 *a, const char *b, sqlite3_int64 *c, unsigned int d), (a, b, c, d)) \
    X(int, sqlite3_step, (sqlite3_stmt *a), (a))

#define STATUSDECK_SQLITE_VOID(X) \
    X(void, sqlite3_free, (void *a), (a))

#define STATUSDECK_SQLITE_POINTER(ret, name, params, args) static ret(*loaded_##name) params;
STATUSDECK_SQLITE_VALUED(STATUSDECK_SQLITE_POINTER)
STATUSDECK_SQLITE_VOID(STATUSDECK_SQLITE_POINTER)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_failure = NULL;
static char load_failure_text[512];

static void load(void) {
    void *library = dlopen(STATUSDECK_SQLITE_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_failure_text, sizeof load_failure_text,
                 "cannot load SQLite (%s); expected " STATUSDECK_SQLITE_SONAME " installed, which Anki packages need",
                 reason ? reason : STATUSDECK_SQLITE_SONAME);
        load_failure = load_failure_text;
        return;
    }
#define STATUSDECK_SQLITE_FIND(ret, name, params, args)                                              \
    loaded_##name = (ret(*) params)dlsym(library, #name);                                            \
    if (loaded_##name == NULL) {                                                                     \
        load_failure = STATUSDECK_SQLITE_SONAME " has no " #name "; expected SQLite 3.36 or later"; \
        return;                                                                                      \
    }
    STATUSDECK_SQLITE_VALUED(STATUSDECK_SQLITE_FIND)
    STATUSDECK_SQLITE_VOID(STATUSDECK_SQLITE_FIND)
}

const char *statusdeck_sqlite_load(void) {
    pthread_once(&load_once, load);
    return load_failure;
}

// The Swift code calls statusdeck_sqlite_load first and reports a failure as an export or
// import error; this is the backstop for a call that did not, and it still ends with one line.
static void require_loaded(void) {
    const char *failure = statusdeck_sqlite_load();
    if (failure != NULL) {
        fprintf(stderr, "statusdeck: %s\n", failure);
        exit(1);
    }
}

#define STATUSDECK_SQLITE_FORWARD_VALUED(ret, name, params, args) \
    ret name params {                                             \
        require_loaded();                                         \
        return loaded_##name args;                                \
    }
#define STATUSDECK_SQLITE_FORWARD_VOID(ret, name, params, args) \
    void name params {                                          \
        require_loaded();                                       \
        loaded_##name args;                                     \
    }
STATUSDECK_SQLITE_VALUED(STATUSDECK_SQLITE_FORWARD_VALUED)
STATUSDECK_SQLITE_VOID(STATUSDECK_SQLITE_FORWARD_VOID)
