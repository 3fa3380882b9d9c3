/// The changes between two frames as runs of same-styled text, so the terminal layer writes only
/// what changed. A wide glyph is always written whole: a change to either half rewrites both.
public enum ScreenDiff {
    public struct Run: Hashable, Sendable {
        public var x: Int
        public var y: Int
        public var text: String
        public var style: Style
        /// Columns the run covers.
        public var width: Int

        public init(x: Int, y: Int, text: String, style: Style, width: Int) {
            self.x = x
            self.y = y
            self.text = text
            self.style = style
            self.width = width
        }
    }

    /// Runs that turn `old` into `new`; every cell of `new` when there is no comparable `old`.
    /// Unchanged gaps of up to `bridge` cells inside a row are rewritten rather than skipped,
    /// because a cursor move costs about as much as a few characters.
    public static func runs(from old: Screen?, to new: Screen, bridge: Int = 3) -> [Run] {
        let comparable = old.map { $0.width == new.width && $0.height == new.height } ?? false
        var runs: [Run] = []
        for y in 0..<new.height {
            var changed = [Bool](repeating: !comparable, count: new.width)
            if comparable, let old {
                for x in 0..<new.width where old[x, y] != new[x, y] {
                    changed[x] = true
                    // Keep both halves of a wide glyph together, in the new frame and the old.
                    if new[x, y].isContinuation || old[x, y].isContinuation, x > 0 { changed[x - 1] = true }
                    if new[x, y].width == 2 || old[x, y].width == 2, x + 1 < new.width { changed[x + 1] = true }
                }
                // A changed continuation may have pulled in a lead whose own partner must follow.
                for x in 0..<new.width where changed[x] && new[x, y].width == 2 && x + 1 < new.width {
                    changed[x + 1] = true
                }
            }
            var x = 0
            while x < new.width {
                guard changed[x] else {
                    x += 1
                    continue
                }
                // Extend over changed cells and short unchanged gaps.
                var end = x
                var scan = x
                while scan < new.width {
                    if changed[scan] {
                        end = scan
                        scan += 1
                        continue
                    }
                    var gap = scan
                    while gap < new.width && !changed[gap] { gap += 1 }
                    if gap < new.width && gap - scan <= bridge { scan = gap } else { break }
                }
                appendRuns(new, y: y, from: x, through: end, to: &runs)
                x = end + 1
            }
        }
        return runs
    }

    private static func appendRuns(_ screen: Screen, y: Int, from start: Int, through end: Int, to runs: inout [Run]) {
        var x = start
        // Never start on the right half of a wide glyph.
        if screen[x, y].isContinuation && x > 0 { x -= 1 }
        var current: Run?
        while x <= end {
            let cell = screen[x, y]
            if cell.isContinuation {
                x += 1
                continue
            }
            let w = Int(cell.width)
            if var run = current, run.style == cell.style {
                run.text += cell.text
                run.width += w
                current = run
            } else {
                if let run = current { runs.append(run) }
                current = Run(x: x, y: y, text: cell.text, style: cell.style, width: w)
            }
            x += w
        }
        if let run = current { runs.append(run) }
    }
}
