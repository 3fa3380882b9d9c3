import Foundation
import StatusDeckFuzzChecks
import Testing

/// Every committed seed and every input a fuzzer once broke a property with, replayed through the
/// same check the fuzz entry runs, so a finding stays fixed without libFuzzer in the loop.
@Suite struct CorpusReplayTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

    static func inputs(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        for kind in ["corpus", "regressions"] {
            let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                out.append(("\(kind)/\(target)/\(name)", [UInt8](data)))
            }
        }
        return out
    }

    static func replay(_ target: String, _ check: FuzzHarness.Check) throws -> Int {
        let all = try inputs(target)
        for input in all {
            let violation = check(input.bytes)
            #expect(violation == nil, "\(input.name): \(violation.map(String.init(describing:)) ?? "")")
        }
        return all.count
    }

    @Test func deckCorpusAndRegressionsKeepTheirProperties() throws {
        #expect(try Self.replay("fuzz-deck", DeckFuzzCheck.check) >= 10)
    }

    @Test func historyCorpusAndRegressionsKeepTheirProperties() throws {
        #expect(try Self.replay("fuzz-history-line", HistoryFuzzCheck.check) >= 10)
    }

    @Test func configCorpusAndRegressionsKeepTheirProperties() throws {
        #expect(try Self.replay("fuzz-config", ConfigFuzzCheck.check) >= 10)
    }

    @Test func answerCorpusAndRegressionsKeepTheirProperties() throws {
        #expect(try Self.replay("fuzz-answer", AnswerFuzzCheck.check) >= 10)
    }

    @Test func terminalTextCorpusAndRegressionsKeepTheirProperties() throws {
        #expect(try Self.replay("fuzz-terminal-text", TerminalTextFuzzCheck.check) >= 10)
    }
}
