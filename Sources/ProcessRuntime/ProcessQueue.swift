#if canImport(Glibc)
import Glibc
#endif

/// The basis of `multiprocessing.Queue`, `SimpleQueue` and `JoinableQueue`: a FIFO of byte
/// strings (serialized items) shared by every process forked after it was made, any number of
/// producers and consumers, with blocking and timed `put`/`get`, `qsize`, bounded `maxsize` and
/// `task_done`/`join`.
///
/// Why a ring buffer in shared memory rather than CPython's pipe: CPython's `put` only appends
/// to a local buffer, and a *feeder thread* moves items into the pipe. The interpreter has no
/// threads (it must stay single-threaded to fork), so a pipe-based `put` would write directly,
/// and a program that puts 10,000 items before anyone reads would block
/// forever on a full pipe with no reader — a deadlock CPython does not have. Here items go
/// straight into a shared buffer of `capacityBytes` (sparse: pages cost memory only when
/// touched), so such a program runs as in CPython as long as the items fit. If the buffer is
/// full, `put` waits for a consumer as on a bounded queue (and `put_nowait` raises `queue.Full`);
/// an item bigger than the whole buffer fails at once with `itemTooLarge`, never a hang.
///
/// Locking: one robust process-shared mutex guards the ring and the counters, with condition
/// variables for "not empty", "not full" and "all tasks done". A process killed while holding
/// the mutex leaves it recoverable (robust mutex). The counters are updated only after an item
/// is fully copied, so a producer killed mid-`put` leaves no half item behind (and a consumer
/// killed mid-`get` loses only the item it was taking, as in CPython). Damage from anything
/// else is reported as `corrupted`, never a crash.
public final class ProcessQueue: @unchecked Sendable {
    /// `maxsize`: at most this many items (0 or less: no limit but the buffer).
    public let maxSize: Int
    /// Size of the shared ring buffer; each item takes 4 bytes more than its length.
    public let capacityBytes: Int

    let mutex: ProcessMutex
    let notEmpty: ProcessConditionVariable
    let notFull: ProcessConditionVariable
    let allTasksDone: ProcessConditionVariable
    /// head, tail (byte offsets), usedBytes, count, unfinishedTasks.
    let header: SharedArray<Int64>
    let buffer: UnsafeMutablePointer<UInt8>

    private static let headIndex = 0, tailIndex = 1, usedIndex = 2, countIndex = 3, unfinishedIndex = 4
    static let lengthPrefix = 4

    /// Allocates the queue in `region` (which must exist before the processes that share the
    /// queue are forked). The default buffer of 1 MiB holds e.g. 10,000 small pickled values.
    public init(in region: SharedMemoryRegion, maxSize: Int = 0, capacityBytes: Int = 1 << 20) throws {
        guard capacityBytes > Self.lengthPrefix else {
            throw SharedMemoryError.invalidSize("queue buffer of \(capacityBytes) bytes is too small")
        }
        self.maxSize = maxSize
        self.capacityBytes = capacityBytes
        mutex = try ProcessMutex(in: region)
        notEmpty = try ProcessConditionVariable(in: region)
        notFull = try ProcessConditionVariable(in: region)
        allTasksDone = try ProcessConditionVariable(in: region)
        header = try SharedArray(in: region, count: 5, repeating: 0)
        buffer = try region.allocate(UInt8.self, count: capacityBytes)
    }

    // MARK: Python's API

    /// `put(item, block, timeout)`. Throws `.full` when it cannot complete (non-blocking, or
    /// the timeout passed), `.itemTooLarge` when the item can never fit.
    public func put(_ item: [UInt8], block: Bool = true, timeout: Double? = nil) throws {
        let needed = item.count + Self.lengthPrefix
        guard needed <= capacityBytes else {
            throw ProcessQueueError.itemTooLarge(size: item.count, capacity: capacityBytes)
        }
        let deadline = block ? Deadline(secondsFromNow: timeout) : Deadline(secondsFromNow: 0)
        try mutex.withLock {
            let hasRoom = notFull.wait(on: mutex, deadline: deadline) { self.hasRoom(for: needed) }
            guard hasRoom else { throw ProcessQueueError.full }
            writeItem(item)
            notEmpty.signal()
        }
    }

    /// `get(block, timeout)`. Throws `.empty` when nothing arrives in time (or at once when
    /// non-blocking).
    public func get(block: Bool = true, timeout: Double? = nil) throws -> [UInt8] {
        let deadline = block ? Deadline(secondsFromNow: timeout) : Deadline(secondsFromNow: 0)
        if block { watchForItem(until: deadline) }
        return try mutex.withLock {
            let available = notEmpty.wait(on: mutex, deadline: deadline) { self.header[Self.countIndex] > 0 }
            guard available else { throw ProcessQueueError.empty }
            let item = try readItem()
            // Several producers may wait for different amounts of room: wake them all.
            notFull.broadcast()
            return item
        }
    }

    /// For the pool's task board: waits for the next item, or returns nil once the queue is
    /// empty and `shouldStop` (evaluated with the lock held) is true. `onTake` runs with the lock
    /// still held right after the item is removed, so what it records (which worker took which
    /// task) is atomic with the removal: no task can vanish between the two.
    func take(onTake: ([UInt8]) -> Void, shouldStop: () -> Bool) throws -> [UInt8]? {
        try mutex.withLock {
            _ = notEmpty.wait(on: mutex) { self.header[Self.countIndex] > 0 || shouldStop() }
            if header[Self.countIndex] == 0 { return nil }
            let item = try readItem()
            onTake(item)
            notFull.broadcast()
            return item
        }
    }

    /// Removes and returns every item (the pool's owner withdrawing work nobody will run).
    func removeAll() -> [[UInt8]] {
        mutex.withLock {
            var items: [[UInt8]] = []
            while header[Self.countIndex] > 0, let item = try? readItem() { items.append(item) }
            notFull.broadcast()
            return items
        }
    }

    /// Runs `body` with the queue's lock held, then wakes every waiting consumer (so they
    /// re-evaluate a stop condition that `body` changed).
    func changeUnderLockAndWakeConsumers(_ body: () -> Void) {
        mutex.withLock {
            body()
            notEmpty.broadcast()
        }
    }

    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        try mutex.withLock(body)
    }

    /// `qsize()`: items currently in the queue.
    public var count: Int { mutex.withLock { Int(header[Self.countIndex]) } }

    /// `empty()`.
    public var isEmpty: Bool { count == 0 }

    /// `full()`: the item limit is reached (CPython's meaning; the byte buffer is not counted).
    public var isFull: Bool {
        maxSize > 0 && count >= maxSize
    }

    /// `JoinableQueue.task_done()`.
    public func taskDone() throws {
        try mutex.withLock {
            guard header[Self.unfinishedIndex] > 0 else { throw ProcessQueueError.taskDoneTooManyTimes }
            header[Self.unfinishedIndex] -= 1
            if header[Self.unfinishedIndex] == 0 { allTasksDone.broadcast() }
        }
    }

    /// `JoinableQueue.join()`: waits until every item put has been marked done. Returns false
    /// if `timeout` passed first (CPython's `join` has no timeout; the engine passes nil).
    @discardableResult
    public func join(timeout: Double? = nil) -> Bool {
        let deadline = Deadline(secondsFromNow: timeout)
        return mutex.withLock {
            allTasksDone.wait(on: mutex, deadline: deadline) { self.header[Self.unfinishedIndex] == 0 }
        }
    }

    /// Items put and not yet marked done.
    public var unfinishedTasks: Int { mutex.withLock { Int(header[Self.unfinishedIndex]) } }

    // MARK: Waiting briefly before sleeping

    /// How long a blocking `get` watches for an item before it sleeps on the condition
    /// variable. In a request/reply exchange (a worker answering on a queue) the item usually
    /// arrives within microseconds, while sleeping costs a futex wake-up on each side, which
    /// takes tens of microseconds on a busy or virtualised machine: 1,000 round trips spent
    /// ≈ 45 ms asleep. Watching is bounded and yields the CPU as it goes, so a consumer whose
    /// item is slow to come wastes at most this much before sleeping as before.
    static let watchNanoseconds: UInt64 = 50_000

    /// Watching only pays when producer and consumer can run at the same time.
    static let watchingHelps = sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1

    /// Returns once the queue holds an item, the watch time is over, or `deadline` passed.
    /// Reads the count without the lock: only a hint, the caller takes the lock and checks.
    private func watchForItem(until deadline: Deadline) {
        guard Self.watchingHelps, header[Self.countIndex] <= 0 else { return }
        let start = MonotonicClock.nowNanoseconds()
        let end = min(start &+ Self.watchNanoseconds, deadline.nanoseconds ?? .max)
        var rounds = 0
        // The clock read is an opaque call, so the count is loaded afresh on every round.
        while header[Self.countIndex] <= 0 {
            if MonotonicClock.nowNanoseconds() >= end { return }
            rounds += 1
            if rounds & 63 == 0 { sched_yield() }
        }
    }

    // MARK: The ring (called with the mutex held)

    private func hasRoom(for needed: Int) -> Bool {
        if maxSize > 0 && header[Self.countIndex] >= Int64(maxSize) { return false }
        return Int64(capacityBytes) - header[Self.usedIndex] >= Int64(needed)
    }

    private func writeItem(_ item: [UInt8]) {
        let length = UInt32(item.count)
        let prefix: [UInt8] = [
            UInt8(truncatingIfNeeded: length), UInt8(truncatingIfNeeded: length >> 8),
            UInt8(truncatingIfNeeded: length >> 16), UInt8(truncatingIfNeeded: length >> 24),
        ]
        var tail = Int(header[Self.tailIndex])
        tail = copyIn(prefix, at: tail)
        tail = copyIn(item, at: tail)
        header[Self.tailIndex] = Int64(tail)
        header[Self.usedIndex] += Int64(item.count + Self.lengthPrefix)
        header[Self.countIndex] += 1
        header[Self.unfinishedIndex] += 1
    }

    private func readItem() throws -> [UInt8] {
        var head = Int(header[Self.headIndex])
        let used = Int(header[Self.usedIndex])
        guard head >= 0, head < capacityBytes, used >= Self.lengthPrefix, used <= capacityBytes else {
            throw resetAfterCorruption("head \(head), used \(used)")
        }
        var prefix = [UInt8](repeating: 0, count: Self.lengthPrefix)
        head = copyOut(into: &prefix, from: head)
        let length = Int(prefix[0]) | Int(prefix[1]) << 8 | Int(prefix[2]) << 16 | Int(prefix[3]) << 24
        guard length + Self.lengthPrefix <= used else {
            throw resetAfterCorruption("item length \(length) exceeds the \(used) bytes in use")
        }
        var item = [UInt8](repeating: 0, count: length)
        head = copyOut(into: &item, from: head)
        header[Self.headIndex] = Int64(head)
        header[Self.usedIndex] -= Int64(length + Self.lengthPrefix)
        header[Self.countIndex] -= 1
        return item
    }

    /// Empties the queue so the damage is reported once, not on every later `get`.
    private func resetAfterCorruption(_ detail: String) -> ProcessQueueError {
        for index in [Self.headIndex, Self.tailIndex, Self.usedIndex, Self.countIndex] { header[index] = 0 }
        notFull.broadcast()
        return .corrupted(detail)
    }

    /// Copies `bytes` into the ring at `offset`, wrapping; returns the offset after them.
    private func copyIn(_ bytes: [UInt8], at offset: Int) -> Int {
        bytes.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress, !source.isEmpty else { return }
            let first = min(source.count, capacityBytes - offset)
            (buffer + offset).update(from: base, count: first)
            if first < source.count { buffer.update(from: base + first, count: source.count - first) }
        }
        return (offset + bytes.count) % capacityBytes
    }

    private func copyOut(into bytes: inout [UInt8], from offset: Int) -> Int {
        let count = bytes.count
        bytes.withUnsafeMutableBufferPointer { destination in
            guard let base = destination.baseAddress, count > 0 else { return }
            let first = min(count, capacityBytes - offset)
            base.update(from: buffer + offset, count: first)
            if first < count { (base + first).update(from: buffer, count: count - first) }
        }
        return (offset + count) % capacityBytes
    }
}
