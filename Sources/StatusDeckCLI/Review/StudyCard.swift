import StatusDeckUI

/// A card as the review driver needs it, whatever deck it came from.
struct StudyCard: Sendable {
    var id: String
    var prompt: String
    var answer: String
    var accepted: [String]
    /// Candidate wrong answers; the driver picks three.
    var distractors: [String]
    var explanation: String
    var mode: AnswerMode

    /// Four options, the answer among them, in an order that depends only on the card id, so a
    /// card shows its options the same way each time (no unseeded randomness).
    var choices: [String] {
        var options = Array(distractors.filter { $0 != answer }.prefix(3))
        guard !options.isEmpty else { return [] }
        let slot = Int(StudyCard.stableHash(id) % UInt64(options.count + 1))
        options.insert(answer, at: slot)
        return options
    }

    /// FNV-1a over the id's bytes: stable across runs and machines, unlike `hashValue`.
    static func stableHash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
