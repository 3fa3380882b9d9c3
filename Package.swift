// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way: FSRS ← Core ← {Store, UI} ← Terminal ← CLI ← statusdeck.
// The rule is enforced here, by what each target may import, not by convention.
let package = Package(
    name: "StatusDeck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "statusdeck", targets: ["statusdeck"]),
        // libFuzzer entries, built only by Tests/Fuzz/run.sh (with --sanitize=fuzzer).
        .executable(name: "fuzz-deck", targets: ["FuzzDeck"]),
        .executable(name: "fuzz-history-line", targets: ["FuzzHistoryLine"]),
        .executable(name: "fuzz-config", targets: ["FuzzConfig"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The only C in the project: a module map and a shim over ncursesw.
        .systemLibrary(
            name: "CNcursesw",
            // No pkgConfig: SwiftPM would warn about and drop its -D flags anyway; the shim
            // defines what the wide API needs and the module map links the libraries.
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Pure FSRS-6 scheduler. No Foundation, no clock, no randomness.
        .target(name: "FSRS"),
        // Pure domain: catalog, decks, review events, card state, stats, export encoders.
        .target(name: "StatusDeckCore", dependencies: ["FSRS"]),
        // The edge to the disk: data dir, history log, config, locking.
        .target(name: "StatusDeckStore", dependencies: ["StatusDeckCore"]),
        // Pure quiz: state machine and view as a grid of cells. Knows nothing of ncurses.
        .target(name: "StatusDeckUI", dependencies: ["StatusDeckCore"]),
        // The only importer of CNcursesw.
        .target(name: "StatusDeckTerminal", dependencies: ["StatusDeckUI", "CNcursesw"]),
        // Commands; wires the real clock, store and terminal.
        .target(
            name: "StatusDeckCLI",
            dependencies: [
                "StatusDeckStore", "StatusDeckTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "statusdeck", dependencies: ["StatusDeckCLI"]),

        // Fuzzing: the properties each fuzz entry checks live in one library, so the committed
        // corpora and every past finding replay under `swift test` without libFuzzer.
        .target(name: "StatusDeckFuzzChecks", dependencies: ["StatusDeckCore"],
                path: "Sources/Fuzz/StatusDeckFuzzChecks"),
        .executableTarget(name: "FuzzDeck", dependencies: ["StatusDeckFuzzChecks"], path: "Sources/Fuzz/FuzzDeck"),
        .executableTarget(name: "FuzzHistoryLine", dependencies: ["StatusDeckFuzzChecks"], path: "Sources/Fuzz/FuzzHistoryLine"),
        .executableTarget(name: "FuzzConfig", dependencies: ["StatusDeckFuzzChecks"], path: "Sources/Fuzz/FuzzConfig"),

        // Fixtures are read through #filePath, so they are not resources.
        .testTarget(name: "FSRSTests", dependencies: ["FSRS"], exclude: ["Fixtures"]),
        .testTarget(name: "StatusDeckCoreTests", dependencies: ["StatusDeckCore"]),
        .testTarget(name: "StatusDeckStoreTests", dependencies: ["StatusDeckStore"]),
        .testTarget(name: "StatusDeckUITests", dependencies: ["StatusDeckUI"]),
        // End-to-end: drives the built binary (and the real TUI in tmux).
        .testTarget(name: "StatusDeckCLITests", dependencies: ["StatusDeckCLI"]),
        .testTarget(name: "StatusDeckFuzzTests", dependencies: ["StatusDeckFuzzChecks"]),
    ],
    swiftLanguageModes: [.v6]
)
