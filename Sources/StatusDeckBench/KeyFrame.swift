/// One key's update + render in the pure quiz model, in process: `update(message)` then
/// `view(80×24)`, as the terminal loop does for each key.
enum KeyFrame {
    static let title = "key → frame (update + view 80×24)"

    static func measure(size: Plan.Size, keys: Int, runs: Int) -> Row {
        Row(measurement: title, size: size.label, unit: .seconds,
            outcome: .notMeasured("the quiz's pure model is not on main yet"), target: Targets.keyFrame)
    }
}
