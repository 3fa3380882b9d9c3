#ifndef CZSTD_SHIM_H
#define CZSTD_SHIM_H

// libzstd, to read the collection inside a current Anki package (`collection.anki21b`) and its
// media list, both zstd-compressed: the system's library, never a hand-written decompressor.
#include <zstd.h>

#endif
