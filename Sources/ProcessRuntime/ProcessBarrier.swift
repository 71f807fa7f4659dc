/// Python's `multiprocessing.Barrier` (`threading.Barrier`'s algorithm on process-shared state):
/// `parties` processes wait until all have arrived, then all go on together.
///
/// A timeout, `abort()`, or an action that throws breaks the barrier: every waiter, and every
/// later caller until `reset()`, gets `SynchronizationError.brokenBarrier`.
public final class ProcessBarrier: @unchecked Sendable {
    /// `threading.Barrier`'s states.
    enum State: Int32 {
        case filling = 0
        case draining = 1
        case resetting = -1
        case broken = -2
    }

    public let parties: Int
    /// Timeout used by `wait` when none is given (the constructor's `timeout`).
    public let defaultTimeout: Double?
    let mutex: ProcessMutex
    let condition: ProcessConditionVariable
    let count: SharedValue<Int64>
    let stateValue: SharedValue<Int32>

    public init(in region: SharedMemoryRegion, parties: Int, timeout: Double? = nil) throws {
        guard parties >= 1 else { throw SynchronizationError.invalidArgument("parties must be > 0") }
        self.parties = parties
        defaultTimeout = timeout
        mutex = try ProcessMutex(in: region)
        condition = try ProcessConditionVariable(in: region)
        count = try SharedValue(in: region, initialValue: 0)
        stateValue = try SharedValue(in: region, initialValue: State.filling.rawValue)
    }

    private var state: State {
        get { State(rawValue: stateValue.value) ?? .broken }
        set { stateValue.value = newValue.rawValue }
    }

    /// Waits for all parties. Returns this caller's arrival index (0 ... parties-1). The last to
    /// arrive runs `action` (Python's barrier action) before anyone is released; if it throws,
    /// the barrier breaks and the error propagates to that caller.
    public func wait(timeout: Double? = nil, action: (() throws -> Void)? = nil) throws -> Int {
        let deadline = Deadline(secondsFromNow: timeout ?? defaultTimeout)
        mutex.lock()
        defer { mutex.unlock() }
        // Block while the barrier drains or resets.
        _ = condition.wait(on: mutex) { state != .draining && state != .resetting }
        if state == .broken { throw SynchronizationError.brokenBarrier }
        let index = Int(count.value)
        count.add(1)
        defer {
            count.add(-1)
            if count.value == 0, state == .draining || state == .resetting {
                state = .filling
                condition.broadcast()
            }
        }
        if index + 1 == parties {
            do {
                try action?()
            } catch {
                breakBarrier()
                throw error
            }
            state = .draining
            condition.broadcast()
        } else {
            let released = condition.wait(on: mutex, deadline: deadline) { state != .filling }
            if !released {
                breakBarrier()
                throw SynchronizationError.brokenBarrier
            }
            if state == .broken || state == .resetting { throw SynchronizationError.brokenBarrier }
        }
        return index
    }

    /// Returns the barrier to its initial state; current waiters get `brokenBarrier`.
    public func reset() {
        mutex.withLock {
            if count.value > 0 {
                if state == .filling || state == .broken { state = .resetting }
            } else {
                state = .filling
            }
            condition.broadcast()
        }
    }

    /// Breaks the barrier: current and future waiters get `brokenBarrier` until `reset()`.
    public func abort() {
        mutex.withLock { breakBarrier() }
    }

    /// Number of processes currently waiting (0 while draining).
    public var waitingCount: Int {
        mutex.withLock { state == .filling ? Int(count.value) : 0 }
    }

    public var isBroken: Bool {
        mutex.withLock { state == .broken }
    }

    /// Caller holds the mutex.
    private func breakBarrier() {
        state = .broken
        condition.broadcast()
    }
}
