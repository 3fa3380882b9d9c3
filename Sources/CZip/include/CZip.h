#ifndef CZIP_H
#define CZIP_H

// libzip, for the Anki package: a maintained zip library from the system, so StatusDeck never
// writes the zip format itself and needs no package dependency for it.
//
// It is not linked: loading it (and the libcrypto it drags in) cost every command about 1.7 ms
// of start-up although only export and import use it. zip_loader.c defines the libzip functions
// StatusDeck calls as small forwards that open libzip with dlopen on first use, so the Swift
// code calls them as if it were linked.
#include <zip.h>

/// Opens libzip and finds every function StatusDeck uses, once. NULL when it is ready, else one
/// line saying what is missing; call it before the first zip function to report that cleanly.
const char *_Nullable statusdeck_zip_load(void);

#endif
