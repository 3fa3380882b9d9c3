import CTerminalSignals
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The wait the quiz sleeps in between keys: it must wake for input, for a signal and for a
/// terminal that has gone, and never report "gone" for a live one.
@Suite(.serialized) struct WaitForInputTests {
    @Test func inputIsReady() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        #expect(write(fds[1], "x", 1) == 1)
        #expect(sd_wait_for_input(fds[0], 1000) == Int32(SD_INPUT_READY))
    }

    @Test func nothingBeforeTheTimeoutIsWokenNotGone() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        #expect(sd_wait_for_input(fds[0], 20) == Int32(SD_INPUT_WOKEN))
    }

    @Test func endOfInputIsAHangUp() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        defer { close(fds[0]) }
        close(fds[1])
        #expect(sd_wait_for_input(fds[0], 1000) == Int32(SD_INPUT_HANGUP))
    }

    @Test func aTerminalWhoseOtherEndClosedIsAHangUp() throws {
        // A new pseudo-terminal pair, as posix_openpt/grantpt/unlockpt/ptsname would make it.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        // TIOCSPTLCK and TIOCGPTN (Linux's values; the macros do not import into Swift).
        let setLock: UInt = 0x4004_5431, getNumber: UInt = 0x8004_5430
        var unlock: Int32 = 0
        var number: UInt32 = 0
        try #require(ioctl(master, setLock, &unlock) == 0 && ioctl(master, getNumber, &number) == 0)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        defer { close(slave) }
        #expect(sd_wait_for_input(slave, 20) == Int32(SD_INPUT_WOKEN))
        close(master)
        #expect(sd_wait_for_input(slave, 1000) == Int32(SD_INPUT_HANGUP))
    }

    @Test func aClosedDescriptorIsAHangUp() throws {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        close(fds[0])
        close(fds[1])
        #expect(sd_wait_for_input(fds[0], 1000) == Int32(SD_INPUT_HANGUP))
    }

    /// Saves the dispositions of the quit signals and puts them back, so the test runner keeps its own.
    func withSavedQuitSignals(_ body: () throws -> Void) rethrows {
        let signals = [SIGINT, SIGTERM, SIGHUP]
        let saved = signals.map { s in
            let before = signal(s, SIG_DFL)
            signal(s, before)
            return before
        }
        defer { for (s, handler) in zip(signals, saved) { signal(s, handler) } }
        try body()
    }

    /// The handler now installed for `s`, as a number to compare (SIG_DFL is 0, SIG_IGN 1).
    func handler(of s: Int32) -> Int {
        let now = signal(s, SIG_DFL)
        signal(s, now)
        return unsafeBitCast(now, to: Int.self)
    }

    @Test func aSignalIsRecordedAndWakesTheWaitAtOnce() throws {
        try withSavedQuitSignals {
            // The test runner's threads block signals, as a careless parent might for the quiz:
            // installing the handlers must unblock them, or they would never run.
            var term = sigset_t(), before = sigset_t()
            sigemptyset(&term)
            sigaddset(&term, SIGTERM)
            pthread_sigmask(SIG_BLOCK, &term, &before)
            defer { pthread_sigmask(SIG_SETMASK, &before, nil) }
            try #require(sd_install_quit_handlers() == 0)
            _ = sd_take_signal()
            var fds: [Int32] = [0, 0]
            try #require(pipe(&fds) == 0)
            defer {
                close(fds[0])
                close(fds[1])
            }
            raise(SIGTERM)
            // Raised before the wait starts: the wake-up pipe still ends the wait at once, long
            // before its 5 s limit (a flag alone would sleep through it).
            var start = timespec(), end = timespec()
            clock_gettime(CLOCK_MONOTONIC, &start)
            #expect(sd_wait_for_input(fds[0], 5000) == Int32(SD_INPUT_WOKEN))
            clock_gettime(CLOCK_MONOTONIC, &end)
            #expect(end.tv_sec - start.tv_sec < 3)
            #expect(sd_take_signal() == SIGTERM)
            #expect(sd_take_signal() == 0)
        }
    }

    @Test func aHangUpSignalIgnoredByTheParentStaysIgnored() throws {
        try withSavedQuitSignals {
            signal(SIGHUP, SIG_IGN)
            try #require(sd_install_quit_handlers() == 0)
            #expect(handler(of: SIGHUP) == unsafeBitCast(SIG_IGN, to: Int.self))
            #expect(handler(of: SIGTERM) != unsafeBitCast(SIG_IGN, to: Int.self))
            #expect(handler(of: SIGTERM) != unsafeBitCast(SIG_DFL, to: Int.self))
        }
    }
}
