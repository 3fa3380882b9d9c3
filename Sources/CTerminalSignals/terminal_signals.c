// The one copy of the state signal handlers share with the quiz (see terminal_signals.h).
// Handlers use async-signal-safe calls only: write(2), tcsetattr, sigaction, raise.
#define _GNU_SOURCE
#include "terminal_signals.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t caught_signal = 0;
/// A pipe the handlers write one byte to, so a wait that began just before a signal still ends:
/// a flag alone would be missed between checking it and starting to sleep.
static int wake_pipe[2] = { -1, -1 };
static struct sigaction previous_resize_action;
static volatile sig_atomic_t resize_watched = 0;

static struct termios saved_termios;
static volatile sig_atomic_t have_termios = 0;
static char restore_bytes[128];
static volatile sig_atomic_t restore_length = 0;
static struct sigaction previous_crash_actions[65];

static void wake(void) {
    if (wake_pipe[1] >= 0) {
        int saved = errno;
        ssize_t ignored = write(wake_pipe[1], "", 1);  // full pipe: already awake, nothing lost
        (void)ignored;
        errno = saved;
    }
}

static void on_quit_signal(int sig) {
    caught_signal = sig;
    wake();
}

static void on_resize(int sig, siginfo_t *info, void *context) {
    struct sigaction *before = &previous_resize_action;
    if (before->sa_flags & SA_SIGINFO) {
        if (before->sa_sigaction) before->sa_sigaction(sig, info, context);
    } else if (before->sa_handler != SIG_DFL && before->sa_handler != SIG_IGN && before->sa_handler) {
        before->sa_handler(sig);
    }
    wake();
}

static int open_wake_pipe(void) {
    if (wake_pipe[0] >= 0) return 0;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
    wake_pipe[0] = fds[0];
    wake_pipe[1] = fds[1];
    return 0;
}

int sd_install_quit_handlers(void) {
    if (open_wake_pipe() != 0) return -1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_quit_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    int signals[] = { SIGINT, SIGTERM, SIGHUP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction before;
        if (sigaction(signals[i], NULL, &before) != 0) return -1;
        // Started under nohup: the user asked to outlive the terminal's hang-up signal. The quiz
        // still ends when the terminal goes, through the hang-up that the wait sees.
        if (signals[i] == SIGHUP && before.sa_handler == SIG_IGN) continue;
        if (sigaction(signals[i], &sa, NULL) != 0) return -1;
    }
    // A parent may have started us with these blocked (a test runner's threads do): a handler
    // that never runs would leave the quiz deaf to them.
    sigset_t quit;
    sigemptyset(&quit);
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&quit, signals[i]);
    sigaddset(&quit, SIGWINCH);
    return pthread_sigmask(SIG_UNBLOCK, &quit, NULL) == 0 ? 0 : -1;
}

int sd_watch_resize(void) {
    if (open_wake_pipe() != 0) return -1;
    if (resize_watched) return 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_resize;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO;
    if (sigaction(SIGWINCH, &sa, &previous_resize_action) != 0) return -1;
    resize_watched = 1;
    return 0;
}

int sd_take_signal(void) {
    int s = caught_signal;
    caught_signal = 0;
    return s;
}

static void drain_wake_pipe(void) {
    char buffer[64];
    while (read(wake_pipe[0], buffer, sizeof buffer) > 0) {}
}

int sd_wait_for_input(int fd, int timeout_ms) {
    struct pollfd fds[2];
    fds[0].fd = fd;
    fds[0].events = POLLIN;
    fds[0].revents = 0;
    fds[1].fd = wake_pipe[0];
    fds[1].events = POLLIN;
    fds[1].revents = 0;
    int count = wake_pipe[0] >= 0 ? 2 : 1;
    int n = poll(fds, (nfds_t)count, timeout_ms);
    if (n < 0) return errno == EINTR ? SD_INPUT_WOKEN : SD_INPUT_HANGUP;
    if (count == 2 && fds[1].revents) drain_wake_pipe();
    short seen = fds[0].revents;
    if (seen & (POLLERR | POLLNVAL)) return SD_INPUT_HANGUP;
    if (seen & POLLIN) {
        // Readable with nothing to read is end of input (a pty whose other end closed).
        int available = 0;
        if (ioctl(fd, FIONREAD, &available) != 0 || available <= 0) return SD_INPUT_HANGUP;
        return SD_INPUT_READY;
    }
    if (seen & POLLHUP) return SD_INPUT_HANGUP;
    return SD_INPUT_WOKEN;
}

void sd_save_terminal_modes(int fd) {
    if (tcgetattr(fd, &saved_termios) == 0) have_termios = 1;
}

static void on_crash(int sig) {
    if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    if (restore_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, restore_bytes, (size_t)restore_length);
        (void)ignored;
    }
    have_termios = 0;
    restore_length = 0;
    if (sig > 0 && sig < 65) sigaction(sig, &previous_crash_actions[sig], NULL);
    raise(sig);
}

int sd_arm_crash_restore(const char *restore, size_t length) {
    if (length > sizeof restore_bytes) length = sizeof restore_bytes;
    if (restore && length > 0) memcpy(restore_bytes, restore, length);
    restore_length = (sig_atomic_t)length;
    int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_crash;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND;
        if (sigaction(signals[i], &sa, &previous_crash_actions[signals[i]]) != 0) return -1;
    }
    return 0;
}

void sd_forget_terminal(void) {
    have_termios = 0;
    restore_length = 0;
}
