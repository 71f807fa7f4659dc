/// What a pool worker's body made of one task item: the (serialized) return value, or the
/// (serialized) exception it raised. The pool never looks inside either.
public enum WorkerTaskResult: Sendable, Equatable, Hashable {
    case success([UInt8])
    case failure([UInt8])
}

/// Who a pool worker is, handed to the initializer inside the worker so the engine can set up
/// `current_process()` there (name `ForkPoolWorker-N`, pid).
public struct PoolWorkerInfo: Sendable, Equatable, Hashable, Codable {
    /// The name the caller's naming closure gave this worker (e.g. `ForkPoolWorker-3`).
    public let name: String
    /// Position in the pool (0 ..< size); a replacement worker takes its predecessor's slot.
    public let slot: Int
    public let pid: Int32
    /// Pid of the process that owns the pool.
    public let parentPID: Int32
}
