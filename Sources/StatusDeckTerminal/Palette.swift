import CNcursesw
import StatusDeckUI

/// How each style looks: colour pairs when the terminal has colours and the user has not set
/// NO_COLOR, otherwise bold, dim, underline and reverse alone.
struct Palette {
    private var looks: [Style: (attrs: attr_t, pair: Int16)] = [:]

    init(colors: Bool) {
        let bold = sd_a_bold(), dim = sd_a_dim(), reverse = sd_a_reverse(), underline = sd_a_underline()
        guard colors else {
            looks = [
                .plain: (0, 0), .title: (bold, 0), .muted: (dim, 0), .key: (bold, 0), .good: (bold, 0),
                .bad: (bold | underline, 0), .warn: (underline, 0), .info: (0, 0),
                .selected: (reverse, 0), .bar: (reverse, 0),
            ]
            return
        }
        // Pair numbers are this table's order; -1 is the terminal's own background.
        let colours: [(Style, Int16, attr_t)] = [
            (.key, Int16(COLOR_CYAN), bold), (.good, Int16(COLOR_GREEN), 0), (.bad, Int16(COLOR_RED), 0),
            (.warn, Int16(COLOR_YELLOW), 0), (.info, Int16(COLOR_BLUE), bold),
        ]
        looks = [.plain: (0, 0), .title: (bold, 0), .selected: (reverse | bold, 0), .bar: (reverse, 0)]
        for (i, (style, fg, attrs)) in colours.enumerated() {
            let pair = Int16(i + 1)
            init_pair(pair, fg, -1)
            looks[style] = (attrs, pair)
        }
        // Bright black reads as grey where there are 16 colours; dim elsewhere.
        if sd_colors() >= 16 {
            init_pair(Int16(colours.count + 1), 8, -1)
            looks[.muted] = (0, Int16(colours.count + 1))
        } else {
            looks[.muted] = (dim, 0)
        }
    }

    func look(_ style: Style) -> (attrs: attr_t, pair: Int16) { looks[style] ?? (0, 0) }
}
