/// The argument vector as the process received it, and whether it can be trusted.
///
/// A binary linked with `--static-swift-stdlib` has no C `main` handing argc/argv to the runtime;
/// the runtime reads `/proc/self/cmdline` instead. In a chroot or container without /proc that
/// read fails quietly and `CommandLine.arguments` is empty, so `statusdeck --version` would look
/// like a bare `statusdeck` and start the quiz. Every real exec passes at least the program name,
/// so an empty vector can only mean the arguments were lost, never that none were given.
enum ArgumentVector {
    /// The one line to print, with exit 2, when the arguments were lost; nil when they are usable.
    static func lostArgumentsLine(_ vector: [String]) -> String? {
        guard vector.isEmpty else { return nil }
        return "statusdeck: found no command line (not even the program name); "
            + "expected /proc to be mounted, which statusdeck reads its arguments from"
    }
}
