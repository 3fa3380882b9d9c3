#ifndef STATUSDECK_PREFETCH_H
#define STATUSDECK_PREFETCH_H

// A hint that memory will soon be read. Unlike a load, it does not hold up the instructions after
// it until the memory arrives: the id index asks for the entries of the next 64 ids while it adds
// these, and loads used for that filled the processor's window and stalled it.
static inline void statusdeck_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
