import Foundation
import StatusDeckUI
import Testing

/// Compares a screen, as text, with a file under Snapshots/. `RECORD_SNAPSHOTS=1` rewrites the
/// files instead (then read the diff before committing it).
///
/// The text is framed by `|` at both edges so trailing spaces and the screen's width are
/// visible in the file and in a failing diff.
func assertSnapshot(
    _ screen: Screen, named name: String,
    sourceLocation: SourceLocation = #_sourceLocation, filePath: String = #filePath
) {
    let actual = framed(screen)
    let dir = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = dir.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(name).txt; run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<none>"
            let al = i < a.count ? String(a[i]) : "<none>"
            if el != al { diff.append("line \(i + 1):\n  expected \(el)\n  actual   \(al)") }
        }
        let report = diff.joined(separator: "\n")
        Issue.record("snapshot \(name) differs:\n\(report)", sourceLocation: sourceLocation)
    }
}

/// The screen as lines between `|` bars; a wide glyph's continuation cell is left out, so each
/// line's display width equals the screen's width.
func framed(_ screen: Screen) -> String {
    var lines: [String] = []
    for y in 0..<screen.height {
        var s = ""
        for x in 0..<screen.width where !screen[x, y].isContinuation { s += screen[x, y].text }
        lines.append("|" + s + "|")
    }
    return lines.joined(separator: "\n") + "\n"
}
