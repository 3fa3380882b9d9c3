/// The little of the protobuf wire format import needs to read Anki's `meta` file, media list and
/// note type configs: varints and length-delimited fields, others skipped. Nil on malformed bytes.
struct Protobuf {
    enum Value {
        case varint(UInt64)
        case bytes(ArraySlice<UInt8>)
    }

    /// Top-level fields in order: (field number, value).
    static func fields(_ bytes: ArraySlice<UInt8>) -> [(Int, Value)]? {
        var out: [(Int, Value)] = []
        var i = bytes.startIndex
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.endIndex, shift < 64 {
                let b = bytes[i]
                i += 1
                value |= UInt64(b & 0x7f) << shift
                if b & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        while i < bytes.endIndex {
            guard let key = varint() else { return nil }
            let field = Int(key >> 3)
            switch key & 7 {
            case 0:
                guard let v = varint() else { return nil }
                out.append((field, .varint(v)))
            case 1:
                guard bytes.endIndex - i >= 8 else { return nil }
                i += 8
            case 2:
                guard let length = varint(), length <= UInt64(bytes.endIndex - i) else { return nil }
                out.append((field, .bytes(bytes[i..<i + Int(length)])))
                i += Int(length)
            case 5:
                guard bytes.endIndex - i >= 4 else { return nil }
                i += 4
            default:
                return nil
            }
        }
        return out
    }

    static func varint(_ fields: [(Int, Value)], _ number: Int) -> UInt64? {
        for case (number, .varint(let v)) in fields { return v }
        return nil
    }

    static func string(_ fields: [(Int, Value)], _ number: Int) -> String? {
        for case (number, .bytes(let b)) in fields { return String(decoding: b, as: UTF8.self) }
        return nil
    }
}
