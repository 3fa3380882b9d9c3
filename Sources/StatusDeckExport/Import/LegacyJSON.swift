import FoundationEssentials

/// The JSON of a legacy Anki collection (note types and decks in the `col` row, the media map),
/// read as leniently as the untyped `JSONSerialization` reading it replaces: a member of the
/// wrong type reads as missing, never as a failure of the whole document. (JSONSerialization is
/// in corelibs Foundation, which the binary no longer links; JSONDecoder is in FoundationEssentials.)
enum LegacyJSON {
    /// Any JSON value, skipped: for counting an object's members.
    struct Ignored: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    /// One JSON object, each member kept only if it is a number, a string or an array of objects,
    /// the kinds Anki's note types and decks use.
    struct Object: Decodable {
        /// False for a value that is not an object (read as one with no members).
        private(set) var isObject = false
        private var numbers: [String: Int64] = [:]
        private var strings: [String: String] = [:]
        private var arrays: [String: [Object]] = [:]

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        /// A value that is not an object reads as an object with no members.
        init(from decoder: any Decoder) throws {
            guard let container = try? decoder.container(keyedBy: Key.self) else { return }
            isObject = true
            for key in container.allKeys {
                if let n = try? container.decode(Int64.self, forKey: key) {
                    numbers[key.stringValue] = n
                } else if let d = try? container.decode(Double.self, forKey: key), d.isFinite, d.magnitude < 9.2e18 {
                    // A number with a fraction or an exponent, truncated as NSNumber.int64Value did.
                    numbers[key.stringValue] = Int64(d)
                } else if let s = try? container.decode(String.self, forKey: key) {
                    strings[key.stringValue] = s
                } else if let a = try? container.decode([Object].self, forKey: key), a.allSatisfy(\.isObject) {
                    arrays[key.stringValue] = a
                }
            }
        }

        func int(_ key: String) -> Int64? { numbers[key] }
        func string(_ key: String) -> String? { strings[key] }
        /// The member's objects; an array of anything else, or no member, reads as empty.
        func objects(_ key: String) -> [Object] { arrays[key] ?? [] }
    }
}
