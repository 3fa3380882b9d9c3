// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way: FSRS ← History ← Core ← {Store, UI, Export} ← Terminal ← CLI ← statusdeck
// (Export sits beside Store and UI: it needs only Core, SQLite and a zip library, and only the CLI
// imports it). History is the one target with threads and unsafe code; the rest of Core is pure.
// The rule is enforced here, by what each target may import, not by convention.
let package = Package(
    name: "StatusDeck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "statusdeck", targets: ["statusdeck"]),
        .executable(name: "statusdeck-bench", targets: ["StatusDeckBench"]),
        // libFuzzer entries, built only by Tests/Fuzz/run.sh (with --sanitize=fuzzer).
        .executable(name: "fuzz-deck", targets: ["FuzzDeck"]),
        .executable(name: "fuzz-history-line", targets: ["FuzzHistoryLine"]),
        .executable(name: "fuzz-config", targets: ["FuzzConfig"]),
        .executable(name: "fuzz-answer", targets: ["FuzzAnswer"]),
        .executable(name: "fuzz-terminal-text", targets: ["FuzzTerminalText"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // C: a system-library shim over ncursesw; CSQLite, CZip and CZstd over SQLite, libzip and
        // libzstd, each loaded on first use; and CTerminalSignals, the signal state.
        .systemLibrary(
            name: "CNcursesw",
            // No pkgConfig: SwiftPM would warn about and drop its -D flags anyway; the shim
            // defines what the wide API needs and the module map links the libraries.
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The system SQLite, for the Anki package's collection, opened with dlopen by export and
        // import only (mapping it cost every command's start). Needs libsqlite3-dev to build.
        .target(name: "CSQLite"),
        // libzip, to zip the Anki package, opened with dlopen by export and import only (its
        // start-up cost was paid by every command when it was linked). Needs libzip-dev to build.
        .target(name: "CZip"),
        // libzstd, to decompress the collection of a current Anki package (`collection.anki21b`),
        // opened with dlopen by import only. Needs libzstd-dev to build.
        .target(name: "CZstd"),
        // The state signal handlers share with the quiz, in one C translation unit: a `static` in
        // an imported header is one copy per object file, and the release build once read one copy
        // while the handler wrote another.
        .target(name: "CTerminalSignals"),
        // Processor hints Swift has no words for: a prefetch for the id index, a spin pause.
        .target(name: "CProcessorHints"),
        // Pure FSRS-6 scheduler. No Foundation, no clock, no randomness.
        .target(name: "FSRS"),
        // The history engine: the line format, its fast two-thread parse, the binary snapshot,
        // replay to card states. The one place where threads and unsafe code live.
        .target(name: "StatusDeckHistory", dependencies: ["FSRS", "CProcessorHints"]),
        // Pure domain: catalog, decks and the deck file format, study settings and queue, stats.
        .target(name: "StatusDeckCore", dependencies: ["FSRS", "StatusDeckHistory"]),
        // The edge to the disk: data dir, history log, config, locking.
        .target(name: "StatusDeckStore", dependencies: ["StatusDeckHistory", "StatusDeckCore"]),
        // Export encoders (Anki package, Anki text, CSV, JSON, Markdown). No clock; the apkg's
        // SQLite collection is written to a file in a scratch folder the caller gives, and zipped from there.
        // Import/ reads them back in (Anki packages, Anki text, py-fsrs review logs).
        .target(
            name: "StatusDeckExport",
            dependencies: ["FSRS", "StatusDeckHistory", "StatusDeckCore", "CSQLite", "CZip", "CZstd"]
        ),
        // Pure quiz: state machine and view as a grid of cells. Knows nothing of ncurses.
        .target(name: "StatusDeckUI", dependencies: ["FSRS", "StatusDeckHistory", "StatusDeckCore"]),
        // The only importer of CNcursesw.
        .target(name: "StatusDeckTerminal", dependencies: ["StatusDeckUI", "CNcursesw", "CTerminalSignals"]),
        // Commands; wires the real clock, store and terminal.
        .target(
            name: "StatusDeckCLI",
            dependencies: [
                "StatusDeckHistory", "StatusDeckStore", "StatusDeckTerminal", "StatusDeckExport", "CTerminalSignals",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "statusdeck", dependencies: ["StatusDeckCLI"]),
        // The benchmark (issue 7): times the real `statusdeck` binary and the pure targets in
        // process. Depending on `statusdeck` makes `swift run statusdeck-bench` build it too.
        .executableTarget(
            name: "StatusDeckBench",
            dependencies: [
                "statusdeck", "StatusDeckHistory", "StatusDeckStore", "StatusDeckUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Fuzzing: the properties each fuzz entry checks live in one library, so the committed
        // corpora and every past finding replay under `swift test` without libFuzzer.
        .target(
            name: "StatusDeckFuzzChecks", dependencies: ["FSRS", "StatusDeckHistory", "StatusDeckCore"],
            path: "Sources/Fuzz/StatusDeckFuzzChecks"),
        .executableTarget(name: "FuzzDeck", dependencies: ["StatusDeckFuzzChecks"], path: "Sources/Fuzz/FuzzDeck"),
        .executableTarget(name: "FuzzHistoryLine", dependencies: ["StatusDeckFuzzChecks"], path: "Sources/Fuzz/FuzzHistoryLine"),
        .executableTarget(name: "FuzzConfig", dependencies: ["StatusDeckFuzzChecks"], path: "Sources/Fuzz/FuzzConfig"),
        .executableTarget(name: "FuzzAnswer", dependencies: ["StatusDeckFuzzChecks"], path: "Sources/Fuzz/FuzzAnswer"),
        .executableTarget(name: "FuzzTerminalText", dependencies: ["StatusDeckFuzzChecks"], path: "Sources/Fuzz/FuzzTerminalText"),

        // What several test targets share (reading a child's pipes).
        .target(name: "StatusDeckTestSupport", path: "Tests/StatusDeckTestSupport"),
        // Fixtures are read through #filePath, so they are not resources.
        .testTarget(name: "FSRSTests", dependencies: ["FSRS"], exclude: ["Fixtures"]),
        .testTarget(name: "StatusDeckHistoryTests", dependencies: ["StatusDeckHistory", "StatusDeckTestSupport"]),
        .testTarget(name: "StatusDeckCoreTests", dependencies: ["StatusDeckHistory", "StatusDeckCore"]),
        .testTarget(name: "StatusDeckStoreTests", dependencies: ["StatusDeckHistory", "StatusDeckStore"]),
        // Snapshots/ holds expected screens as text, read through #filePath, not as resources.
        .testTarget(name: "StatusDeckUITests", dependencies: ["FSRS", "StatusDeckHistory", "StatusDeckUI"], exclude: ["Snapshots"]),
        // The terminal layer's pure parts: key decoding, the event loop, and the wait for input.
        .testTarget(name: "StatusDeckTerminalTests", dependencies: ["StatusDeckTerminal", "CTerminalSignals", "CNcursesw"]),
        // Encoders byte for byte, the apkg read back with SQLite, and real Anki importing the
        // built binary's exports (needs `.ci/setup`'s Python venv with the `anki` package).
        .testTarget(
            name: "StatusDeckExportTests",
            dependencies: ["StatusDeckExport", "StatusDeckHistory", "StatusDeckCore", "CSQLite", "CZip", "StatusDeckTestSupport"],
            exclude: ["anki"]
        ),
        // End-to-end: the built binaries, debug and release (the real TUI in tmux), as a user runs them.
        .testTarget(
            name: "StatusDeckEndToEndTests",
            dependencies: ["StatusDeckHistory", "StatusDeckCore", "StatusDeckStore", "StatusDeckCLI", "StatusDeckTestSupport"]
        ),
        .testTarget(name: "StatusDeckFuzzTests", dependencies: ["StatusDeckFuzzChecks"]),
    ],
    swiftLanguageModes: [.v6]
)
