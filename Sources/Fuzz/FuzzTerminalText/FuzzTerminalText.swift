import StatusDeckFuzzChecks

/// libFuzzer entry for terminal text sanitizer (`Tests/Fuzz/run.sh fuzz-terminal-text SECONDS`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTerminalText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run(data, size, TerminalTextFuzzCheck.check)
}

#if !FUZZING
/// In a normal build the same check replays files: `fuzz-terminal-text Tests/Fuzz/corpus/fuzz-terminal-text`.
@main enum FuzzTerminalTextReplay {
    static func main() {
        FuzzHarness.replayAndExit(Array(CommandLine.arguments.dropFirst()), TerminalTextFuzzCheck.check)
    }
}
#endif
