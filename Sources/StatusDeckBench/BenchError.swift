/// A failure of the harness itself (a file it cannot write, a binary it cannot start): one line.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
