/// A fixed-length array of a plain type in shared memory: the storage of Python's `Array`
/// (`Array('i', 10)` is a `SharedArray<Int32>` of 10) and of raw byte buffers.
///
/// Like `SharedValue`, element access is unsynchronised; callers lock when they need to.
public final class SharedArray<Element: BitwiseCopyable>: @unchecked Sendable {
    public let region: SharedMemoryRegion
    public let base: UnsafeMutablePointer<Element>
    public let count: Int

    /// Allocates `count` elements, all set to `repeating`.
    public init(in region: SharedMemoryRegion, count: Int, repeating: Element) throws {
        guard count >= 0 else { throw SharedMemoryError.invalidSize("array length \(count) is negative") }
        self.region = region
        self.count = count
        base = try region.allocate(Element.self, count: count)
        base.initialize(repeating: repeating, count: max(count, 1))
    }

    /// Allocates an array holding `elements`.
    public convenience init(in region: SharedMemoryRegion, elements: [Element]) throws {
        guard let first = elements.first else {
            throw SharedMemoryError.invalidSize("cannot infer the contents of an empty array; use init(in:count:repeating:)")
        }
        try self.init(in: region, count: elements.count, repeating: first)
        for (index, element) in elements.enumerated() { base[index] = element }
    }

    /// Element access. An out-of-range index is a programming error (the engine checks Python
    /// indices and raises `IndexError` before reaching here), so it traps like any Swift array.
    public subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "SharedArray index \(index) out of range 0..<\(count)")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count, "SharedArray index \(index) out of range 0..<\(count)")
            base[index] = newValue
        }
    }

    /// A copy of all elements.
    public var elements: [Element] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// Copies `newElements` in starting at `offset`; throws if they would not fit.
    public func replace(from offset: Int, with newElements: [Element]) throws {
        guard offset >= 0, offset <= count, newElements.count <= count - offset else {
            throw SharedMemoryError.invalidSize("\(newElements.count) elements at offset \(offset) do not fit in \(count)")
        }
        for (index, element) in newElements.enumerated() { base[offset + index] = element }
    }
}

/// A shared byte buffer.
public typealias SharedBytes = SharedArray<UInt8>
