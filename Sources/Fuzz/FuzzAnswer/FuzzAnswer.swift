import StatusDeckFuzzChecks

/// libFuzzer entry for the typed-answer matcher (`Tests/Fuzz/run.sh fuzz-answer SECONDS`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run(data, size, AnswerFuzzCheck.check)
}

#if !FUZZING
/// In a normal build the same check replays files: `fuzz-answer Tests/Fuzz/corpus/fuzz-answer`.
@main enum FuzzAnswerReplay {
    static func main() {
        FuzzHarness.replayAndExit(Array(CommandLine.arguments.dropFirst()), AnswerFuzzCheck.check)
    }
}
#endif
