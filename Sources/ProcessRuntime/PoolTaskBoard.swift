#if canImport(Glibc)
import Glibc
#endif

/// The shared state between a `ForkedWorkerPool` and its workers: the queue of tasks that
/// workers pull from (CPython's `inqueue`), the "closing" flag, and which task each worker slot
/// is running.
///
/// Workers *pull* tasks, so they keep working while the parent runs student code and does not
/// pump (CPython's task-handler thread does this feeding there). Taking a task and recording it
/// as running happen under the queue's lock in one step, so when a worker dies the parent reads
/// exactly which task was lost from the board.
final class PoolTaskBoard {
    let region: SharedMemoryRegion
    let queue: ProcessQueue
    let closing: SharedValue<Int64>
    /// Four fields per worker slot: busy (0/1), job, chunk, start time in microseconds.
    let running: SharedArray<Int64>

    init(slotCount: Int, capacityBytes: Int) throws {
        region = try SharedMemoryRegion(size: capacityBytes + 64 * 1024 + slotCount * 64)
        queue = try ProcessQueue(in: region, capacityBytes: capacityBytes)
        closing = try SharedValue(in: region, initialValue: 0)
        running = try SharedArray(in: region, count: slotCount * 4, repeating: 0)
    }

    /// In a worker, with the queue lock held (from `ProcessQueue.take`'s `onTake`).
    func markRunning(slot: Int, job: Int, chunk: Int) {
        running[slot * 4 + 1] = Int64(job)
        running[slot * 4 + 2] = Int64(chunk)
        running[slot * 4 + 3] = Int64(WallClock.now() * 1e6)
        running[slot * 4] = 1
    }

    /// In a worker, after its reply was sent.
    func markIdle(slot: Int) {
        queue.withLock { running[slot * 4] = 0 }
    }

    /// In the parent, once the slot's worker is dead: the task it was running, if any.
    func runningTask(slot: Int) -> (job: Int, chunk: Int, startedAt: Double)? {
        queue.withLock {
            guard running[slot * 4] == 1 else { return nil }
            return (Int(running[slot * 4 + 1]), Int(running[slot * 4 + 2]), Double(running[slot * 4 + 3]) / 1e6)
        }
    }

    func clear(slot: Int) {
        queue.withLock { running[slot * 4] = 0 }
    }

    var isClosing: Bool { closing.value != 0 }

    /// Workers finish the queued tasks, then exit.
    func setClosing() {
        queue.changeUnderLockAndWakeConsumers { closing.value = 1 }
    }
}
