/// One value of a plain type (`Int64`, `Double`, `Int32`, ...) in shared memory, seen by the
/// process that made it and every child forked afterwards: the storage of Python's `Value`.
///
/// Reads and writes are plain loads and stores. A read-modify-write such as `value += 1` is not
/// atomic across processes; guard it with a `ProcessLock`, exactly as Python code must use
/// `with v.get_lock():`.
public final class SharedValue<Element: BitwiseCopyable>: @unchecked Sendable {
    public let region: SharedMemoryRegion
    public let pointer: UnsafeMutablePointer<Element>

    /// Allocates the slot in `region` and stores `initialValue` in it.
    public init(in region: SharedMemoryRegion, initialValue: Element) throws {
        self.region = region
        pointer = try region.allocate(Element.self)
        pointer.initialize(to: initialValue)
    }

    public var value: Element {
        get { pointer.pointee }
        set { pointer.pointee = newValue }
    }
}

/// A shared signed 64-bit counter or value.
public typealias SharedInt64 = SharedValue<Int64>
/// A shared double.
public typealias SharedDouble = SharedValue<Double>

extension SharedValue where Element == Int64 {
    /// Adds `delta` (wrapping on overflow, like a C integer) and returns the new value.
    /// Not atomic: hold a lock if other processes write too.
    @discardableResult
    public func add(_ delta: Int64) -> Int64 {
        pointer.pointee = pointer.pointee &+ delta
        return pointer.pointee
    }
}
