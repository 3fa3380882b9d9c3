#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A number the model computed, with where it sits on the tape (or -1: a constant, no gradient).
struct Traced {
    var value: Double
    var node: Int32

    static func constant(_ value: Double) -> Traced { Traced(value: value, node: -1) }
}

/// Reverse-mode differentiation of the FSRS recurrence: every arithmetic step of one card's
/// review sequence appends its local derivatives (hand-derived, one or two per operation), and
/// one backward sweep gives the gradient of the loss with respect to the 21 parameters.
///
/// Chosen over 21-wide dual numbers because it costs a few words per operation instead of 21,
/// which keeps a fit of a large history well under the fsrs-rs time and the tests quick in a debug
/// build. With `recording` off the same code is a plain forward pass (evaluation).
final class GradientTape {
    static let parameterCount = 21

    /// One operation: its operands' nodes (−1 for none) and the derivative by each.
    private struct Node {
        var a: Int32
        var b: Int32
        var da: Double
        var db: Double
    }

    /// The nodes live behind a pointer held in a `let`: a stored `var` of a class is checked for
    /// exclusive access on every touch, which cost more than the arithmetic itself.
    private struct Storage {
        var nodes: UnsafeMutablePointer<Node>
        var count: Int
        var capacity: Int
    }

    let recording: Bool
    private let storage: UnsafeMutablePointer<Storage>
    private(set) var parameters: [Traced] = []

    init(recording: Bool) {
        self.recording = recording
        storage = .allocate(capacity: 1)
        let capacity = recording ? 4096 : 0
        storage.initialize(to: Storage(nodes: .allocate(capacity: Swift.max(capacity, 1)), count: 0, capacity: capacity))
    }

    deinit {
        storage.pointee.nodes.deallocate()
        storage.deallocate()
    }

    /// Starts a new sequence: the parameters become nodes 0…20.
    func reset(parameters w: [Double]) {
        storage.pointee.count = 0
        parameters.removeAll(keepingCapacity: true)
        for (i, value) in w.enumerated() {
            if recording {
                append(Node(a: -1, b: -1, da: 0, db: 0))
                parameters.append(Traced(value: value, node: Int32(i)))
            } else {
                parameters.append(.constant(value))
            }
        }
    }

    @inline(__always)
    private func append(_ node: Node) {
        let s = storage
        if s.pointee.count == s.pointee.capacity {
            let capacity = s.pointee.capacity * 2
            let grown = UnsafeMutablePointer<Node>.allocate(capacity: capacity)
            grown.moveInitialize(from: s.pointee.nodes, count: s.pointee.count)
            s.pointee.nodes.deallocate()
            s.pointee.nodes = grown
            s.pointee.capacity = capacity
        }
        (s.pointee.nodes + s.pointee.count).initialize(to: node)
        s.pointee.count += 1
    }

    @inline(__always)
    private func record(_ value: Double, _ a: Traced, _ da: Double, _ b: Traced, _ db: Double) -> Traced {
        if !recording || (a.node < 0 && b.node < 0) { return .constant(value) }
        let node = Int32(storage.pointee.count)
        append(Node(a: a.node, b: b.node, da: da, db: db))
        return Traced(value: value, node: node)
    }

    @inline(__always)
    private func record(_ value: Double, _ a: Traced, _ da: Double) -> Traced {
        record(value, a, da, .constant(0), 0)
    }

    func add(_ a: Traced, _ b: Traced) -> Traced { record(a.value + b.value, a, 1, b, 1) }
    func add(_ a: Traced, _ c: Double) -> Traced { record(a.value + c, a, 1) }
    func sub(_ a: Traced, _ b: Traced) -> Traced { record(a.value - b.value, a, 1, b, -1) }
    /// c − a
    func sub(_ c: Double, _ a: Traced) -> Traced { record(c - a.value, a, -1) }
    /// c / b
    func div(_ c: Double, _ b: Traced) -> Traced {
        let q = c / b.value
        return record(q, b, -q / b.value)
    }
    func mul(_ a: Traced, _ b: Traced) -> Traced { record(a.value * b.value, a, b.value, b, a.value) }
    func mul(_ a: Traced, _ c: Double) -> Traced { record(a.value * c, a, c) }
    func div(_ a: Traced, _ b: Traced) -> Traced {
        let q = a.value / b.value
        return record(q, a, 1 / b.value, b, -q / b.value)
    }
    func exp(_ a: Traced) -> Traced {
        let e = libmExp(a.value)
        return record(e, a, e)
    }
    func log(_ a: Traced) -> Traced { record(libmLog(a.value), a, 1 / a.value) }
    /// a^b, both traced, for a > 0: d/da = b·a^b/a, d/db = a^b·ln a.
    func pow(_ a: Traced, _ b: Traced) -> Traced {
        let p = libmPow(a.value, b.value)
        if !recording || (a.node < 0 && b.node < 0) { return .constant(p) }
        let da = a.value > 0 ? b.value * p / a.value : 0
        let db = a.value > 0 ? p * libmLog(a.value) : 0
        return record(p, a, da, b, db)
    }
    /// The value clamped; the gradient passes where the value is inside [low, high] (bounds
    /// included) and stops outside, as Burn's and PyTorch's clamp do.
    func clamp(_ a: Traced, _ low: Double, _ high: Double) -> Traced {
        if a.value < low { return .constant(low) }
        if a.value > high { return .constant(high) }
        return a
    }
    /// The smaller of two; ties take `a`.
    func min(_ a: Traced, _ b: Traced) -> Traced { b.value < a.value ? b : a }
    /// The larger of `a` and a constant; ties take `a`.
    func max(_ a: Traced, _ c: Double) -> Traced { a.value < c ? .constant(c) : a }

    /// Adds d(Σ seeds)/dw to `gradient`: each seed is a traced output with the weight its
    /// adjoint starts from.
    func backward(seeds: [(Traced, Double)], into gradient: inout [Double]) {
        guard recording else { return }
        let n = storage.pointee.count
        let nodes = storage.pointee.nodes
        let adjoints = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { adjoints.deallocate() }
        adjoints.initialize(repeating: 0, count: n)
        for (output, weight) in seeds where output.node >= 0 { adjoints[Int(output.node)] += weight }
        var i = n - 1
        while i >= Self.parameterCount {
            let g = adjoints[i]
            if g != 0 {
                let node = nodes[i]
                if node.a >= 0 { adjoints[Int(node.a)] += g * node.da }
                if node.b >= 0 { adjoints[Int(node.b)] += g * node.db }
            }
            i -= 1
        }
        for i in 0..<Swift.min(Self.parameterCount, n) { gradient[i] += adjoints[i] }
    }
}

// The C library's functions under names that the tape's own `exp`, `log` and `pow` do not hide.
@inline(__always) func libmExp(_ x: Double) -> Double { exp(x) }
@inline(__always) func libmLog(_ x: Double) -> Double { log(x) }
@inline(__always) func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
