// The functions are inline in include/hints.h; a C target needs a source file.
#include "hints.h"
