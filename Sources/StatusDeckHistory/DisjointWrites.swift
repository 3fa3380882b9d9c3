/// A buffer that several threads write at once, each only at its own indices (one card per
/// owner, one result per part), so no two threads ever touch the same element.
public struct DisjointWrites<Element>: @unchecked Sendable {
    public let buffer: UnsafeMutableBufferPointer<Element>
    public init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
