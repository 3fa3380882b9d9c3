// The one function is inline in include/prefetch.h; a C target needs a source file.
#include "prefetch.h"
