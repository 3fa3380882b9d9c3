import StatusDeckFuzzChecks

/// libFuzzer entry for the history-line reader (`Tests/Fuzz/run.sh fuzz-history-line SECONDS`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHistoryLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run(data, size, HistoryFuzzCheck.check)
}

#if !FUZZING
/// In a normal build the same check replays files: `fuzz-history-line Tests/Fuzz/corpus/fuzz-history-line`.
@main enum FuzzHistoryLineReplay {
    static func main() {
        FuzzHarness.replayAndExit(Array(CommandLine.arguments.dropFirst()), HistoryFuzzCheck.check)
    }
}
#endif
