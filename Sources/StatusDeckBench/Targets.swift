/// The goals of issues 3–6 and 18, at the sizes the issues name them for; other sizes are shown for
/// the trend and carry no target.
enum Targets {
    static let million = 1_000_000

    static func loadReplay(_ size: Plan.Size) -> Target? {
        size.events == million ? Target(kind: .atMostSeconds(0.150), source: "issue 4") : nil
    }

    static func loadReplayMemory(_ size: Plan.Size) -> Target? {
        size.events == million ? Target(kind: .atMostBytes(100e6), source: "issue 4") : nil
    }

    static func command(_ kind: Commands.Kind, _ size: Plan.Size) -> Target? {
        switch kind {
        case .stats, .statsJSON:
            return size.events == million ? Target(kind: .atMostSeconds(0.5), source: "issue 6") : nil
        case .importAPKG:
            return size.events == million ? Target(kind: .atMostSeconds(3), source: "issue 16") : nil
        case .exportAPKG:
            switch size.events {
            case million: return Target(kind: .atMostSeconds(8), source: "issue 18")
            case 100_000: return Target(kind: .atMostSeconds(1), source: "issue 18")
            default: return nil
            }
        case .cardsJSON:
            return nil
        }
    }

    static func importMemory(_ size: Plan.Size) -> Target? {
        size.events == million ? Target(kind: .atMostBytes(300e6), source: "issue 16") : nil
    }

    /// The apkg export's peak memory must stay flat as the history grows.
    static func exportMemory(_ size: Plan.Size) -> Target? {
        size.events == million ? Target(kind: .atMostBytes(200e6), source: "issue 18") : nil
    }

    static func firstFrame(_ size: Plan.Size) -> Target? {
        size.events == 100_000 ? Target(kind: .atMostSeconds(0.050), source: "issue 5") : nil
    }

    static func optimize(_ size: Plan.Size) -> Target? {
        size.events == million ? Target(kind: .atMostSeconds(2), source: "issue 15") : nil
    }

    static let keyFrame = Target(kind: .atMostSeconds(0.005), source: "issue 5")
    static let append = Target(kind: .atMostSeconds(0.005), source: "issue 4")
    static let scheduler = Target(kind: .atLeastPerSecond(10e6), source: "issue 3")
}
