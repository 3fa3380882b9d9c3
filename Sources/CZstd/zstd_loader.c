// The libzstd functions StatusDeck calls, as forwards to libzstd opened with dlopen on first
// use; see include/CZstd.h for why. Each forward has the signature zstd.h declares, so a
// mismatch is a compile error here rather than a crash at run time.
#include "CZstd.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// libzstd's stable API has kept soname 1 since zstd 1.0.
#define STATUSDECK_ZSTD_SONAME "libzstd.so.1"

// X(return type, name, parameters, arguments).
#define STATUSDECK_ZSTD_VALUED(X) \
    X(ZSTD_DCtx *, ZSTD_createDCtx, (void), ()) \
    X(size_t, ZSTD_decompressStream, (ZSTD_DStream *a, ZSTD_outBuffer *b, ZSTD_inBuffer *c), (a, b, c)) \
    X(size_t, ZSTD_DStreamOutSize, (void), ()) \
    X(size_t, ZSTD_freeDCtx, (ZSTD_DCtx *a), (a)) \
    X(const char *, ZSTD_getErrorName, (size_t a), (a)) \
    X(unsigned, ZSTD_isError, (size_t a), (a))

#define STATUSDECK_ZSTD_POINTER(ret, name, params, args) static ret(*loaded_##name) params;
STATUSDECK_ZSTD_VALUED(STATUSDECK_ZSTD_POINTER)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_failure = NULL;
static char load_failure_text[512];

static void load(void) {
    void *library = dlopen(STATUSDECK_ZSTD_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_failure_text, sizeof load_failure_text,
                 "cannot load libzstd (%s); expected " STATUSDECK_ZSTD_SONAME " installed, which current Anki packages need",
                 reason ? reason : STATUSDECK_ZSTD_SONAME);
        load_failure = load_failure_text;
        return;
    }
#define STATUSDECK_ZSTD_FIND(ret, name, params, args)                                          \
    loaded_##name = (ret(*) params)dlsym(library, #name);                                      \
    if (loaded_##name == NULL) {                                                               \
        load_failure = STATUSDECK_ZSTD_SONAME " has no " #name "; expected zstd 1.4 or later"; \
        return;                                                                                \
    }
    STATUSDECK_ZSTD_VALUED(STATUSDECK_ZSTD_FIND)
}

const char *statusdeck_zstd_load(void) {
    pthread_once(&load_once, load);
    return load_failure;
}

// The Swift code calls statusdeck_zstd_load first and reports a failure as an import error;
// this is the backstop for a call that did not, and it still ends with one line.
static void require_loaded(void) {
    const char *failure = statusdeck_zstd_load();
    if (failure != NULL) {
        fprintf(stderr, "statusdeck: %s\n", failure);
        exit(1);
    }
}

#define STATUSDECK_ZSTD_FORWARD(ret, name, params, args) \
    ret name params {                                    \
        require_loaded();                                \
        return loaded_##name args;                       \
    }
STATUSDECK_ZSTD_VALUED(STATUSDECK_ZSTD_FORWARD)
