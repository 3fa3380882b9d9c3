#ifndef CZSTD_H
#define CZSTD_H

// libzstd, to read the collection inside a current Anki package (`collection.anki21b`) and its
// media list, both zstd-compressed: the system's library, never a hand-written decompressor.
//
// It is not linked: every command paid for mapping it at start, and only import reads zstd.
// zstd_loader.c defines the functions StatusDeck calls as small forwards that open libzstd with
// dlopen on first use, so the Swift code calls them as if it were linked.
#include <zstd.h>

/// Opens libzstd and finds every function StatusDeck uses, once. NULL when it is ready, else one
/// line saying what is missing; call it before the first zstd function to report that cleanly.
const char *_Nullable statusdeck_zstd_load(void);

#endif
