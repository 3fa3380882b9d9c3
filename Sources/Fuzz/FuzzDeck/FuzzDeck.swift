import StatusDeckFuzzChecks

/// libFuzzer entry for the deck reader (`Tests/Fuzz/run.sh fuzz-deck SECONDS`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run(data, size, DeckFuzzCheck.check)
}

#if !FUZZING
/// In a normal build the same check replays files: `fuzz-deck Tests/Fuzz/corpus/fuzz-deck`.
@main enum FuzzDeckReplay {
    static func main() {
        FuzzHarness.replayAndExit(Array(CommandLine.arguments.dropFirst()), DeckFuzzCheck.check)
    }
}
#endif
