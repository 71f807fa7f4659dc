/// What `ProcessCondition` needs from its lock: Python's `Condition` works over either a `Lock`
/// or an `RLock`, fully releasing it while waiting and restoring the same depth afterwards.
public protocol ProcessSharedLock: AnyObject {
    /// Acquires like Python's `acquire(block, timeout)`; true if acquired.
    func acquire(blocking: Bool, timeout: Double?) throws -> Bool
    /// Releases once; throws the CPython misuse error when not allowed.
    func release() throws
    /// True if the calling process holds the lock (CPython's `SemLock._is_mine()`).
    var isOwnedByCurrentProcess: Bool { get }
    /// How many times the calling process holds it: 0 or 1 for a `Lock`, any depth for an `RLock`.
    var recursionLevel: Int { get }
}
