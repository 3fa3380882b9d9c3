/// A group of codes that learners mix up, with the question and answer that separate them.
///
/// Contrasts are catalog data like `StatusCode`: the generator turns each into one card whose id
/// comes from `slug`, never from the text, so rewording a contrast keeps its history.
public struct Contrast: Sendable, Hashable {
    /// The stable part of the card id: `contrast/SLUG`, e.g. "401-403".
    public let slug: String
    /// The codes the contrast is about, in the order they are discussed.
    public let codes: [Int]
    /// The question on the front of the card.
    public let prompt: Localized
    /// The short answer on the back.
    public let answer: Localized
    /// The longer explanation: headers, examples, the rule of thumb.
    public let explanation: Localized

    public init(slug: String, codes: [Int], prompt: Localized, answer: Localized, explanation: Localized) {
        self.slug = slug
        self.codes = codes
        self.prompt = prompt
        self.answer = answer
        self.explanation = explanation
    }
}
