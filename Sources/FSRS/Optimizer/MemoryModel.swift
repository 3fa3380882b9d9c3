/// FSRS-6's memory recurrence in whole study days, as fsrs-rs trains and evaluates it: the state
/// after a card's reviews and the chance of recall it predicts for the next one.
///
/// This differs from `Scheduler` on purpose: the scheduler is py-fsrs (instants, learning steps),
/// while the optimizer must see a history exactly as fsrs-rs's model does, where a same-day review
/// (`deltaT == 0`) takes the short-term branch and stability and difficulty stay in fsrs-rs's
/// limits. Every operation goes through a `GradientTape`, so one code path gives both the
/// prediction and its gradient.
struct MemoryModel {
    static let stabilityRange = 0.001...36_500.0
    static let difficultyRange = 1.0...10.0

    struct State {
        var stability: Traced
        var difficulty: Traced
    }

    let tape: GradientTape
    let w: [Traced]
    private let decay: Traced
    private let factor: Traced
    private let easyDifficulty: Traced
    private let recallScale: Traced
    private let failureFloorDivisor: Traced

    /// Reads the parameters from the tape (after `tape.reset(parameters:)`).
    init(tape: GradientTape) {
        self.tape = tape
        let w = tape.parameters
        self.w = w
        // R(t, S) = (1 + factor·t/S)^decay with decay = −w20 and R(S, S) = 0.9.
        decay = tape.mul(w[20], -1)
        factor = tape.add(tape.exp(tape.div(libmLog(0.9), decay)), -1)
        easyDifficulty = Self.rawInitialDifficulty(tape, w, rating: 4)
        recallScale = tape.exp(w[8])
        failureFloorDivisor = tape.exp(tape.mul(w[17], w[18]))
    }

    private static func rawInitialDifficulty(_ t: GradientTape, _ w: [Traced], rating: Int) -> Traced {
        t.add(t.sub(w[4], t.exp(t.mul(w[5], Double(rating - 1)))), 1)
    }

    /// The chance of recall `days` after a review that left stability `stability`.
    func retrievability(days: Int, stability: Traced) -> Traced {
        let t = tape
        let base = t.add(t.mul(t.div(Double(Swift.max(days, 0)), stability), factor), 1)
        return t.pow(base, decay)
    }

    /// The state after a card's first review.
    func initial(rating: Int) -> State {
        let r = Swift.min(Swift.max(rating, 1), 4)
        return State(
            stability: tape.clamp(w[r - 1], Self.stabilityRange.lowerBound, Self.stabilityRange.upperBound),
            difficulty: tape.clamp(Self.rawInitialDifficulty(tape, w, rating: r), 1, 10))
    }

    /// The state after a later review, given the state before it.
    func next(_ state: State, _ review: TrainingReview) -> State {
        let t = tape
        let s = t.clamp(state.stability, Self.stabilityRange.lowerBound, Self.stabilityRange.upperBound)
        let d = t.clamp(state.difficulty, 1, 10)
        let rating = Double(review.rating)
        let newS: Traced
        if review.deltaT == 0 {
            // Same day: S·e^(w17·(G−3+w18))·S^−w19, at least S unless Again.
            let growth = t.mul(t.exp(t.mul(w[17], t.add(w[18], rating - 3))), t.pow(s, t.mul(w[19], -1)))
            newS = t.mul(s, review.rating >= 2 ? t.max(growth, 1) : growth)
        } else {
            let r = retrievability(days: review.deltaT, stability: s)
            if review.rating == 1 {
                let raw = t.mul(
                    t.mul(t.mul(w[11], t.pow(d, t.mul(w[12], -1))), t.add(t.pow(t.add(s, 1), w[13]), -1)),
                    t.exp(t.mul(t.sub(1, r), w[14])))
                let floor = t.div(s, failureFloorDivisor)
                newS = t.min(raw, floor)
            } else {
                var increase = t.mul(
                    t.mul(t.mul(recallScale, t.sub(11, d)), t.pow(s, t.mul(w[9], -1))),
                    t.add(t.exp(t.mul(t.sub(1, r), w[10])), -1))
                if review.rating == 2 { increase = t.mul(increase, w[15]) }
                if review.rating == 4 { increase = t.mul(increase, w[16]) }
                newS = t.mul(s, t.add(increase, 1))
            }
        }
        // D' = D + (10 − D)·(−w6·(G − 3))/9, pulled towards D0(Easy) by w7.
        let step = t.mul(t.mul(t.sub(10, d), w[6]), -(rating - 3) / 9)
        let moved = t.add(d, step)
        let reverted = t.add(t.mul(t.sub(easyDifficulty, moved), w[7]), moved)
        return State(
            stability: t.clamp(newS, Self.stabilityRange.lowerBound, Self.stabilityRange.upperBound),
            difficulty: t.clamp(reverted, 1, 10))
    }
}
