/// Records of a delimited text file (RFC 4180 quoting: a field in double quotes may hold the
/// separator, line breaks and doubled quotes), each with the line it starts on.
struct DelimitedReader {
    let text: Substring
    let separator: Character

    struct Record {
        var line: Int
        var fields: [String]
    }

    /// The line of a quote that never closes.
    struct Unclosed: Error {
        var line: Int
    }

    func records(startLine: Int) -> Result<[Record], Unclosed> {
        var out: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var atFieldStart = true
        var line = startLine
        var recordLine = startLine
        var quoteLine = startLine
        var i = text.startIndex
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { out.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            atFieldStart = true
        }
        while i < text.endIndex {
            let c = text[i]
            i = text.index(after: i)
            if quoted {
                if c == "\"" {
                    if i < text.endIndex, text[i] == "\"" {
                        field.append("\"")
                        i = text.index(after: i)
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            if c == "\"" && atFieldStart {
                quoted = true
                quoteLine = line
                atFieldStart = false
            } else if c == separator {
                fields.append(field)
                field = ""
                atFieldStart = true
            } else if c == "\n" || c == "\r\n" {
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.append(c)
                atFieldStart = false
            }
        }
        if quoted { return .failure(Unclosed(line: quoteLine)) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return .success(out)
    }
}
