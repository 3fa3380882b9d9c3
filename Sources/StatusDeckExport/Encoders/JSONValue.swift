import StatusDeckHistory

/// A JSON document with keys kept in the order written, so exports read in a documented order and
/// are byte-identical from run to run (Foundation's encoders either sort keys or do not promise one).
public indirect enum JSONValue: Equatable, Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case null

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

    /// `nil` becomes `null`.
    static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    static func optional(_ d: Double?) -> JSONValue { d.map(JSONValue.double) ?? .null }
    static func optional(_ i: Int64?) -> JSONValue { i.map(JSONValue.int) ?? .null }

    /// Pretty (two-space indent, one member per line) or compact (no spaces at all).
    /// `depth` indents a value that sits that deep in a larger pretty document.
    public func rendered(pretty: Bool = false, depth: Int = 0) -> String {
        var out = ""
        write(into: &out, pretty: pretty, depth: depth)
        return out
    }

    private func write(into out: inout String, pretty: Bool, depth: Int) {
        switch self {
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: depth + 1) }
                out += JSONValue.quote(key) + (pretty ? ": " : ":")
                value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: depth) }
            out += "}"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: depth + 1) }
                item.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: depth) }
            out += "]"
        case .string(let s): out += JSONValue.quote(s)
        case .int(let i): out += String(i)
        case .double(let d):
            // JSON has no NaN or infinity; integral values keep a ".0" so readers see a float.
            out += d.isFinite ? "\(d)" : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    static func quote(_ s: String) -> String { JSONString.quoted(s) }
}
