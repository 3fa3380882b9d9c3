import StatusDeckFuzzChecks

/// libFuzzer entry for the config reader (`Tests/Fuzz/run.sh fuzz-config SECONDS`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run(data, size, ConfigFuzzCheck.check)
}

#if !FUZZING
/// In a normal build the same check replays files: `fuzz-config Tests/Fuzz/corpus/fuzz-config`.
@main enum FuzzConfigReplay {
    static func main() {
        FuzzHarness.replayAndExit(Array(CommandLine.arguments.dropFirst()), ConfigFuzzCheck.check)
    }
}
#endif
