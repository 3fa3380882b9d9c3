import StatusDeckCore

/// What must hold for any bytes given to the config reader.
///
/// - parsing either succeeds or throws an `InputError` (never traps);
/// - every error is one line without raw control characters, naming a line inside the file;
/// - a config that parses survives a round trip: `parse(render(config)) == config`, and every
///   value it holds is inside its documented range (the scheduler accepts it).
public enum ConfigFuzzCheck {
    static let path = "fuzz.config"

    public static func check(_ bytes: [UInt8]) -> PropertyViolation? {
        // The CLI reads the config as UTF-8; invalid bytes are its concern, not the parser's.
        let text = String(decoding: bytes, as: UTF8.self)
        let config: StudyConfig
        do {
            config = try StudyConfig.parse(text, path: path)
        } catch {
            if let line = error.line, line < 1 || line > DeckFuzzCheck.lineCount(Array(text.utf8)) {
                return PropertyViolation("line in range", "error names line \(line): \(MessageShape.visible(error.description))")
            }
            if !error.description.hasPrefix(path + ":") {
                return PropertyViolation("names the file", MessageShape.visible(error.description))
            }
            return MessageShape.violation(in: error.description, from: "config")
        }
        do {
            let again = try StudyConfig.parse(config.render(), path: path)
            if again != config {
                return PropertyViolation("round trip", "parse(render(config)) differs: \(MessageShape.visible(config.render()))")
            }
        } catch {
            return PropertyViolation("round trip", "render(config) does not parse: \(MessageShape.visible(error.description))")
        }
        let problems = config.schedulerConfiguration.violations()
        if !problems.isEmpty {
            return PropertyViolation("in range", "accepted a config the scheduler rejects: \(problems.joined(separator: "; "))")
        }
        return nil
    }
}
