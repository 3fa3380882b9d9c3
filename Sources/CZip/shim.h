#ifndef CZIP_SHIM_H
#define CZIP_SHIM_H

// libzip, for the Anki package: a maintained zip library from the system, so StatusDeck never
// writes the zip format itself and needs no package dependency for it.
#include <zip.h>

#endif
