// The libzip functions StatusDeck calls, as forwards to libzip opened with dlopen on first use;
// see include/CZip.h for why. Each forward has the signature zip.h declares, so a mismatch is a
// compile error here rather than a crash at run time.
#include "CZip.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// The soname whose ABI the headers we compiled against describe: libzip 1.11 moved to
// libzip.so.5, and a library of another ABI must not be called through these prototypes.
#if LIBZIP_VERSION_MAJOR == 1 && LIBZIP_VERSION_MINOR < 11
#define STATUSDECK_ZIP_SONAME "libzip.so.4"
#else
#define STATUSDECK_ZIP_SONAME "libzip.so.5"
#endif

// X(return type, name, parameters, arguments), one table for functions that return a value
// and one for those that return nothing (C forbids `return` of a void expression).
#define STATUSDECK_ZIP_VALUED(X) \
    X(int, zip_close, (zip_t *a), (a)) \
    X(const char *, zip_error_strerror, (zip_error_t *a), (a)) \
    X(int, zip_fclose, (zip_file_t *a), (a)) \
    X(zip_int64_t, zip_file_add, (zip_t *a, const char *b, zip_source_t *c, zip_flags_t d), (a, b, c, d)) \
    X(int, zip_file_set_dostime, (zip_t *a, zip_uint64_t b, zip_uint16_t c, zip_uint16_t d, zip_flags_t e), (a, b, c, d, e)) \
    X(int, zip_file_set_external_attributes, (zip_t *a, zip_uint64_t b, zip_flags_t c, zip_uint8_t d, zip_uint32_t e), (a, b, c, d, e)) \
    X(int, zip_file_set_mtime, (zip_t *a, zip_uint64_t b, time_t c, zip_flags_t d), (a, b, c, d)) \
    X(const char *, zip_file_strerror, (zip_file_t *a), (a)) \
    X(zip_file_t *, zip_fopen, (zip_t *a, const char *b, zip_flags_t c), (a, b, c)) \
    X(zip_file_t *, zip_fopen_index, (zip_t *a, zip_uint64_t b, zip_flags_t c), (a, b, c)) \
    X(zip_int64_t, zip_fread, (zip_file_t *a, void *b, zip_uint64_t c), (a, b, c)) \
    X(const char *, zip_get_name, (zip_t *a, zip_uint64_t b, zip_flags_t c), (a, b, c)) \
    X(zip_int64_t, zip_get_num_entries, (zip_t *a, zip_flags_t b), (a, b)) \
    X(zip_t *, zip_open, (const char *a, int b, int *c), (a, b, c)) \
    X(zip_t *, zip_open_from_source, (zip_source_t *a, int b, zip_error_t *c), (a, b, c)) \
    X(int, zip_register_cancel_callback_with_state, (zip_t *a, zip_cancel_callback b, void (*c)(void *), void *d), (a, b, c, d)) \
    X(int, zip_set_file_compression, (zip_t *a, zip_uint64_t b, zip_int32_t c, zip_uint32_t d), (a, b, c, d)) \
    X(zip_source_t *, zip_source_buffer, (zip_t *a, const void *b, zip_uint64_t c, int d), (a, b, c, d)) \
    X(zip_source_t *, zip_source_buffer_create, (const void *a, zip_uint64_t b, int c, zip_error_t *d), (a, b, c, d)) \
    X(int, zip_source_close, (zip_source_t *a), (a)) \
    X(zip_error_t *, zip_source_error, (zip_source_t *a), (a)) \
    X(zip_source_t *, zip_source_file, (zip_t *a, const char *b, zip_uint64_t c, zip_int64_t d), (a, b, c, d)) \
    X(int, zip_source_open, (zip_source_t *a), (a)) \
    X(zip_int64_t, zip_source_read, (zip_source_t *a, void *b, zip_uint64_t c), (a, b, c)) \
    X(int, zip_source_stat, (zip_source_t *a, zip_stat_t *b), (a, b)) \
    X(int, zip_stat_index, (zip_t *a, zip_uint64_t b, zip_flags_t c, zip_stat_t *d), (a, b, c, d)) \
    X(const char *, zip_strerror, (zip_t *a), (a))

#define STATUSDECK_ZIP_VOID(X) \
    X(void, zip_discard, (zip_t *a), (a)) \
    X(void, zip_error_fini, (zip_error_t *a), (a)) \
    X(void, zip_error_init, (zip_error_t *a), (a)) \
    X(void, zip_error_init_with_code, (zip_error_t *a, int b), (a, b)) \
    X(void, zip_source_free, (zip_source_t *a), (a)) \
    X(void, zip_source_keep, (zip_source_t *a), (a)) \
    X(void, zip_stat_init, (zip_stat_t *a), (a))

#define STATUSDECK_ZIP_POINTER(ret, name, params, args) static ret(*loaded_##name) params;
STATUSDECK_ZIP_VALUED(STATUSDECK_ZIP_POINTER)
STATUSDECK_ZIP_VOID(STATUSDECK_ZIP_POINTER)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_failure = NULL;
static char load_failure_text[512];

static void load(void) {
    void *library = dlopen(STATUSDECK_ZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_failure_text, sizeof load_failure_text,
                 "cannot load libzip (%s); expected " STATUSDECK_ZIP_SONAME " installed, which Anki packages need",
                 reason ? reason : STATUSDECK_ZIP_SONAME);
        load_failure = load_failure_text;
        return;
    }
#define STATUSDECK_ZIP_FIND(ret, name, params, args)                                           \
    loaded_##name = (ret(*) params)dlsym(library, #name);                                     \
    if (loaded_##name == NULL) {                                                               \
        load_failure = STATUSDECK_ZIP_SONAME " has no " #name "; expected libzip 1.7 or later"; \
        return;                                                                                \
    }
    STATUSDECK_ZIP_VALUED(STATUSDECK_ZIP_FIND)
    STATUSDECK_ZIP_VOID(STATUSDECK_ZIP_FIND)
}

const char *statusdeck_zip_load(void) {
    pthread_once(&load_once, load);
    return load_failure;
}

// The Swift code calls statusdeck_zip_load first and reports a failure as an export or import
// error; this is the backstop for a call that did not, and it still ends with one line.
static void require_loaded(void) {
    const char *failure = statusdeck_zip_load();
    if (failure != NULL) {
        fprintf(stderr, "statusdeck: %s\n", failure);
        exit(1);
    }
}

#define STATUSDECK_ZIP_FORWARD_VALUED(ret, name, params, args) \
    ret name params {                                          \
        require_loaded();                                      \
        return loaded_##name args;                             \
    }
#define STATUSDECK_ZIP_FORWARD_VOID(ret, name, params, args) \
    void name params {                                       \
        require_loaded();                                    \
        loaded_##name args;                                  \
    }
STATUSDECK_ZIP_VALUED(STATUSDECK_ZIP_FORWARD_VALUED)
STATUSDECK_ZIP_VOID(STATUSDECK_ZIP_FORWARD_VOID)
