/// Python's `multiprocessing.Event`: a flag that processes can set, clear and wait for.
public final class ProcessEvent: @unchecked Sendable {
    let mutex: ProcessMutex
    let condition: ProcessConditionVariable
    let flag: SharedValue<Int32>

    public init(in region: SharedMemoryRegion) throws {
        mutex = try ProcessMutex(in: region)
        condition = try ProcessConditionVariable(in: region)
        flag = try SharedValue(in: region, initialValue: 0)
    }

    public var isSet: Bool {
        mutex.withLock { flag.value != 0 }
    }

    /// Sets the flag and wakes every waiter.
    public func set() {
        mutex.withLock {
            flag.value = 1
            condition.broadcast()
        }
    }

    public func clear() {
        mutex.withLock { flag.value = 0 }
    }

    /// Waits until the flag is set or `timeout` seconds pass (nil: forever). Returns the flag,
    /// as Python's `Event.wait` does.
    public func wait(timeout: Double? = nil) -> Bool {
        let deadline = Deadline(secondsFromNow: timeout)
        return mutex.withLock {
            condition.wait(on: mutex, deadline: deadline) { flag.value != 0 }
        }
    }
}
