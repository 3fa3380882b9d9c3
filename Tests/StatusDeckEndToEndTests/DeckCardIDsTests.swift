import StatusDeckCore
import Testing

@testable import StatusDeckCLI

/// `cards` lists the built-in decks by their cards' ids without writing the cards: the ids must
/// be the written cards', deck by deck, in order.
@Suite struct DeckCardIDsTests {
    @Test func builtInIdsAreTheGeneratedCardsIds() {
        let listed = DeckCardIDs.builtIn()
        let generated = BuiltInDecks.all()
        #expect(listed.map(\.id) == generated.map(\.id))
        for (ids, deck) in zip(listed, generated) {
            #expect(ids.cardIDs == deck.cards.map(\.id), "\(deck.id)")
        }
        #expect(listed.allSatisfy { !$0.cardIDs.isEmpty })
    }
}
