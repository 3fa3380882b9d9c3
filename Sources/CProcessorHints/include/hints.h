#ifndef STATUSDECK_PROCESSOR_HINTS_H
#define STATUSDECK_PROCESSOR_HINTS_H

// Two hints to the processor that Swift has no words for.

// Memory will soon be read. Unlike a load, it does not hold up the instructions after it until
// the memory arrives: the id index asks for the entries of the next 64 ids while it adds these,
// and loads used for that filled the processor's window and stalled it.
static inline void statusdeck_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

// This thread is spinning on a flag another core will set (`LanePartner`): the loop slows down
// and leaves the core's shared resources to the other work, instead of filling its pipeline
// with loads of the same line.
static inline void statusdeck_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

#endif
