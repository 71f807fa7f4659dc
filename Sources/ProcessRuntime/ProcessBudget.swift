#if canImport(Glibc)
import Glibc
#endif

/// A process started under a budget: its pid and the pid that forked it.
public struct ObservedProcess: Equatable, Hashable, Sendable, Codable {
    public let pid: Int32
    public let parentPID: Int32

    public init(pid: Int32, parentPID: Int32) {
        self.pid = pid
        self.parentPID = parentPID
    }
}

/// A cap on the processes one sandboxed run may start, counted in shared memory so every
/// process of the run (children, grandchildren) draws from the same budget.
///
/// It counts processes *started*, not processes alive at once: the outcome of a run must not
/// depend on how fast children happened to exit, and a fork bomb is stopped either way. It also
/// keeps a table of what was started, for the run's record.
public final class ProcessBudget: @unchecked Sendable {
    public let limit: Int
    let mutex: ProcessMutex
    let started: SharedValue<Int64>
    let refused: SharedValue<Int64>
    let table: SharedArray<Int32>

    public init(in region: SharedMemoryRegion, limit: Int) throws {
        guard limit >= 0 else { throw SharedMemoryError.invalidSize("process limit \(limit) is negative") }
        self.limit = limit
        mutex = try ProcessMutex(in: region)
        started = try SharedValue(in: region, initialValue: 0)
        refused = try SharedValue(in: region, initialValue: 0)
        table = try SharedArray(in: region, count: max(1, limit * 2), repeating: 0)
    }

    /// Takes one slot; throws `ProcessLimitError.tooManyProcesses` when none is left (and counts
    /// the refusal, so the sandbox can report which limit stopped the run). Returns the slot
    /// index to pass to `record`.
    public func reserve() throws -> Int {
        try mutex.withLock {
            guard started.value < Int64(limit) else {
                refused.add(1)
                throw ProcessLimitError.tooManyProcesses(limit: limit)
            }
            return Int(started.add(1) - 1)
        }
    }

    /// Gives back a slot whose fork failed. Only the most recent slot can be returned (slots are
    /// handed out in order); an older one stays counted, which errs on the side of the cap.
    public func giveBack(slot: Int) {
        mutex.withLock {
            if started.value == Int64(slot) + 1 { started.add(-1) }
        }
    }

    /// Notes the pid that took `slot` (called by the parent right after forking).
    public func record(slot: Int, pid: pid_t, parent: pid_t) {
        guard slot >= 0, slot < limit else { return }
        table[slot * 2] = pid
        table[slot * 2 + 1] = parent
    }

    /// Processes started so far.
    public var startedCount: Int { mutex.withLock { Int(started.value) } }

    /// How many starts were refused.
    public var refusedCount: Int { mutex.withLock { Int(refused.value) } }

    /// The processes recorded so far, in the order their slots were taken.
    public var observedProcesses: [ObservedProcess] {
        mutex.withLock {
            (0..<min(Int(started.value), limit)).compactMap { slot in
                let pid = table[slot * 2]
                return pid == 0 ? nil : ObservedProcess(pid: pid, parentPID: table[slot * 2 + 1])
            }
        }
    }
}
