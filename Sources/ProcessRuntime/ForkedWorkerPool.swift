#if canImport(Glibc)
import Glibc
#endif

/// CPython's `multiprocessing.Pool`, in bytes: N workers forked from the (single-threaded)
/// interpreter process, each running the engine's `body` on serialized task items.
///
/// Tasks (chunks) go into a shared-memory task queue (`PoolTaskBoard`) that workers pull from,
/// as CPython's workers pull from its `inqueue`: workers keep busy while the parent runs student
/// code, so a parent blocked on something the tasks produce (a `Queue` they fill) still gets it.
/// Results come back on one socket per worker. There is no result-handler thread (the
/// interpreter has one thread, and a threaded process must not fork), so the parent collects
/// results when it *pumps*: `pump(timeout:)` reads replies, notices dead workers, replaces them,
/// moves overflow work into the task queue and runs completion callbacks, in completion order,
/// on the caller's thread. Every waiting call (`wait`, `result`, `next`, `join`) pumps, so a
/// bridge maps `AsyncResult.get` to `result(of:timeout:)` and needs nothing else. (Until the
/// parent pumps, a worker that exited after `maxtasksperchild` is not replaced and replies
/// wait in the socket; a worker whose replies fill its socket, about 200 KB, waits too.)
///
/// A worker records in the board which task it took, atomically with taking it, so a worker
/// that dies (killed by a signal, or exiting) fails exactly that task with
/// `PoolTaskError.workerDied` instead of hanging the pool as CPython's `Pool` does, and the pool
/// starts a replacement.
///
/// Output: workers inherit the parent's fds 1 and 2, so the sandbox captures what they print.
/// Worker bodies should write through unbuffered `write(2)` or flush their own buffers before
/// returning a result; C stdio is flushed when a worker exits (`ChildSide.exit`).
///
/// ```swift
/// let pool = try ForkedWorkerPool(processes: 4, budget: context.budget,
///                                 nameWorker: { "ForkPoolWorker-\(counter.next())" },
///                                 body: { item in runPickledCall(item) })
/// let job = try pool.map(items, chunkSize: nil)
/// switch try pool.result(of: job, timeout: nil) { case .success(let results): ...; case .failure(let error): ... }
/// try pool.close(); try pool.join()
/// ```
public final class ForkedWorkerPool {
    public enum State: String, Sendable {
        case running, closed, terminated
    }

    public let size: Int
    public let maxTasksPerChild: Int?
    public internal(set) var state: State = .running
    /// What ran: every worker and every task (see `PoolRecord`).
    public internal(set) var record: PoolRecord

    let budget: ProcessBudget?
    let nameWorker: () -> String
    let initializer: ((PoolWorkerInfo) throws -> Void)?
    let body: ([UInt8]) -> WorkerTaskResult
    let ownerPID: pid_t

    var slots: [PoolWorkerSlot?]
    let board: PoolTaskBoard
    /// Tasks not yet in the shared task queue (it was full); moved in as room appears.
    var pending: [PoolTask] = []
    /// Tasks in the task queue or running, by (job, chunk).
    var outstanding: [PoolTaskKey: PoolTask] = [:]
    var jobs: [Int: PoolJob] = [:]
    var nextJobID = 0
    /// Callbacks of jobs that completed, run after bookkeeping in completion order.
    var completions: [(callback: (PoolJobOutcome) -> Void, outcome: PoolJobOutcome)] = []
    var lastStartFailure: String?
    /// Workers that died before taking any task since a task last completed. Reaching twice the
    /// pool size means workers cannot start (a failing initializer): CPython respawns them
    /// forever and hangs; here the queued work fails instead.
    var earlyDeaths = 0
    var lastEarlyDeath: PoolTaskError?

    /// Starts `processes` workers now, as CPython does.
    ///
    /// - `budget`: the sandbox's process budget (`SandboxContext.budget`); every worker, and every
    ///   replacement, takes a slot, so the per-run process cap applies.
    /// - `nameWorker`: called once per started worker (replacements too), in start order; the
    ///   engine draws `ForkPoolWorker-N` from the same counter as `Process-N`.
    /// - `initializer`: runs in each new worker before its first task; throwing ends that
    ///   worker with exit code 1 (the engine prints the traceback before throwing).
    /// - `body`: runs in the worker for each task item.
    /// - `taskBufferBytes`: size of the shared task queue (sparse memory: only used pages
    ///   count). Work beyond it waits in the parent until workers make room; one chunk larger
    ///   than it fails with `PoolTaskError.taskTooLarge`.
    /// Throws `PoolError.invalidProcessCount`/`.invalidMaxTasksPerChild` for bad arguments,
    /// `ForkError.multipleThreads` in a threaded process, `ProcessLimitError` past the cap.
    public init(
        processes: Int,
        maxTasksPerChild: Int? = nil,
        budget: ProcessBudget? = nil,
        nameWorker: @escaping () -> String,
        initializer: ((PoolWorkerInfo) throws -> Void)? = nil,
        taskBufferBytes: Int = 8 << 20,
        body: @escaping ([UInt8]) -> WorkerTaskResult
    ) throws {
        guard processes >= 1 else { throw PoolError.invalidProcessCount }
        if let maxTasksPerChild, maxTasksPerChild < 1 { throw PoolError.invalidMaxTasksPerChild }
        size = processes
        self.maxTasksPerChild = maxTasksPerChild
        self.budget = budget
        self.nameWorker = nameWorker
        self.initializer = initializer
        self.body = body
        ownerPID = getpid()
        record = PoolRecord(size: processes, maxTasksPerChild: maxTasksPerChild)
        slots = Array(repeating: nil, count: processes)
        board = try PoolTaskBoard(slotCount: processes, capacityBytes: max(4096, taskBufferBytes))
        do {
            for slot in 0..<processes { try startWorker(in: slot) }
        } catch {
            terminateWorkers(reason: "terminated")
            throw error
        }
    }

    deinit {
        // Only the owner may stop workers: a forked child holding a copy of this object must not
        // signal pids that are not its children.
        if getpid() == ownerPID { terminateWorkers(reason: "terminated") }
    }

    /// The workers alive now.
    public var workers: [PoolWorkerInfo] { slots.compactMap { $0?.info } }

    // MARK: Submitting

    /// `map`/`map_async`/`starmap`: cuts `items` into chunks (`PoolChunking`; nil chunk size
    /// uses CPython's default rule) and submits them as one job of kind `.map`. An empty input
    /// makes a job that is already finished with an empty result; as in CPython's `_MapResult`,
    /// its callback is never called. Throws `PoolError.notRunning` after `close`/`terminate`.
    @discardableResult
    public func map(
        _ items: [[UInt8]], chunkSize: Int? = nil, onComplete: ((PoolJobOutcome) -> Void)? = nil
    ) throws -> PoolJobID {
        let size = chunkSize ?? PoolChunking.defaultChunkSize(itemCount: items.count, workerCount: self.size)
        return try submit(chunks: PoolChunking.chunks(items, size: size), kind: .map, onComplete: onComplete)
    }

    /// `map` over items written into one buffer (`PoolItemBatch`): the same job as
    /// `map(_:chunkSize:onComplete:)` of the batch's items, without an array per item.
    @discardableResult
    public func map(
        _ batch: PoolItemBatch, chunkSize: Int? = nil, onComplete: ((PoolJobOutcome) -> Void)? = nil
    ) throws -> PoolJobID {
        let size = chunkSize ?? PoolChunking.defaultChunkSize(itemCount: batch.count, workerCount: self.size)
        return try submit(batch, chunkSize: size, kind: .map, onComplete: onComplete)
    }

    /// `iterate(_:chunkSize:ordered:)` over items in one buffer.
    @discardableResult
    public func iterate(_ batch: PoolItemBatch, chunkSize: Int = 1, ordered: Bool) throws -> PoolJobID {
        try submit(batch, chunkSize: chunkSize, kind: ordered ? .orderedIteration : .unorderedIteration, onComplete: nil)
    }

    /// Cuts a batch as `PoolChunking.chunks` cuts an array (a size below 1 counts as 1).
    private func submit(
        _ batch: PoolItemBatch, chunkSize: Int, kind: PoolJobKind, onComplete: ((PoolJobOutcome) -> Void)?
    ) throws -> PoolJobID {
        let size = max(1, chunkSize)
        let ranges = stride(from: 0, to: batch.count, by: size).map { $0..<min($0 + size, batch.count) }
        return try submit(chunkCount: ranges.count, kind: kind, onComplete: onComplete) { job, chunk in
            PoolTask(job: job, chunk: chunk, itemCount: ranges[chunk].count,
                     message: PoolWire.encode(job: job, chunk: chunk, items: batch, range: ranges[chunk]))
        }
    }

    /// `apply`/`apply_async`: one item, one task. `onComplete` runs in this process, during a
    /// pump, in completion order (the engine dispatches to `callback`/`error_callback`).
    @discardableResult
    public func apply(_ item: [UInt8], onComplete: ((PoolJobOutcome) -> Void)? = nil) throws -> PoolJobID {
        try submit(chunks: [[item]], kind: .single, onComplete: onComplete)
    }

    /// `imap` (`ordered: true`) / `imap_unordered`: chunk size defaults to 1, as in CPython.
    /// Consume with `next(in:timeout:)`.
    @discardableResult
    public func iterate(_ items: [[UInt8]], chunkSize: Int = 1, ordered: Bool) throws -> PoolJobID {
        try submit(
            chunks: PoolChunking.chunks(items, size: chunkSize),
            kind: ordered ? .orderedIteration : .unorderedIteration, onComplete: nil
        )
    }

    /// Submits pre-cut chunks as one job.
    @discardableResult
    public func submit(
        chunks: [[[UInt8]]], kind: PoolJobKind, onComplete: ((PoolJobOutcome) -> Void)? = nil
    ) throws -> PoolJobID {
        try submit(chunkCount: chunks.count, kind: kind, onComplete: onComplete) { job, chunk in
            PoolTask(job: job, chunk: chunk, items: chunks[chunk])
        }
    }

    /// Makes a job of `chunkCount` tasks built by `task(job, chunk)`.
    private func submit(
        chunkCount: Int, kind: PoolJobKind, onComplete: ((PoolJobOutcome) -> Void)?, task: (Int, Int) -> PoolTask
    ) throws -> PoolJobID {
        try requireOwner()
        guard state == .running else { throw PoolError.notRunning }
        earlyDeaths = 0  // new work gets a fresh chance to start workers
        let id = nextJobID
        nextJobID += 1
        let job = PoolJob(id: id, kind: kind, chunkCount: chunkCount, callback: onComplete)
        jobs[id] = job
        pending.reserveCapacity(pending.count + chunkCount)
        for index in 0..<chunkCount { pending.append(task(id, index)) }
        maintain()
        return PoolJobID(rawValue: id)
    }

    // MARK: Waiting

    /// True once every chunk of the job has an outcome. Does not pump.
    public func isReady(_ job: PoolJobID) throws -> Bool {
        try existingJob(job).isFinished
    }

    /// The outcome if the job is finished (nil otherwise). Does not pump.
    public func outcome(of job: PoolJobID) throws -> PoolJobOutcome? {
        try existingJob(job).outcome
    }

    /// `AsyncResult.wait(timeout)`: pumps until the job is finished or the time is up; returns
    /// whether it is finished.
    @discardableResult
    public func wait(for job: PoolJobID, timeout: Double? = nil) throws -> Bool {
        let deadline = Deadline(secondsFromNow: timeout)
        var pumped = false
        while true {
            if try existingJob(job).isFinished { return true }
            if pumped, deadline.hasExpired { return false }
            try pump(deadline: deadline)
            pumped = true
        }
    }

    /// `AsyncResult.get(timeout)`: the outcome, pumping as needed; throws `PoolError.timeout`
    /// when the time runs out first.
    public func result(of job: PoolJobID, timeout: Double? = nil) throws -> PoolJobOutcome {
        guard try wait(for: job, timeout: timeout), let outcome = try existingJob(job).outcome else {
            throw PoolError.timeout
        }
        return outcome
    }

    /// `IMapIterator.next(timeout)`: the next step of an iteration job, nil when exhausted
    /// (Python's `StopIteration`); throws `PoolError.timeout` when nothing arrives in time.
    public func next(in job: PoolJobID, timeout: Double? = nil) throws -> PoolIterationStep? {
        let deadline = Deadline(secondsFromNow: timeout)
        var pumped = false
        while true {
            let state = try existingJob(job)
            if let step = state.takeNext() { return step }
            if state.isExhausted { return nil }
            if pumped, deadline.hasExpired { throw PoolError.timeout }
            try pump(deadline: deadline)
            pumped = true
        }
    }

    /// A finished, successful job's results, one `PoolItemBatch` per chunk in input order (what
    /// `outcome(of:)` returns as one array per result, without those arrays). Nil while the job
    /// is unfinished or if it failed. Does not pump.
    public func resultBatches(of job: PoolJobID) throws -> [PoolItemBatch]? {
        try existingJob(job).resultBatches
    }

    /// Forgets a finished job's results (when the engine's `AsyncResult` is gone).
    public func discard(_ job: PoolJobID) {
        if jobs[job.rawValue]?.isFinished == true { jobs[job.rawValue] = nil }
    }

    // MARK: Ending

    /// `close()`: no more submissions; workers exit once the queued work is done (dead ones are
    /// still replaced while work remains, as CPython does).
    public func close() throws {
        try requireOwner()
        if state == .running { state = .closed }
        maintain()
    }

    /// `terminate()`: stops every worker now (`SIGTERM`, then `SIGKILL` after a short grace),
    /// reaps them, and fails every unfinished task with `PoolTaskError.terminated` (no callbacks
    /// run for those, as in CPython).
    public func terminate() throws {
        try requireOwner()
        state = .terminated
        terminateWorkers(reason: "terminated")
    }

    /// `join()`: waits for every worker to exit after `close()`/`terminate()`, pumping (so
    /// callbacks of the remaining work still run). Throws `PoolError.stillRunning` before that.
    public func join() throws {
        try requireOwner()
        guard state != .running else { throw PoolError.stillRunning }
        while slots.contains(where: { $0 != nil }) || !pending.isEmpty || !outstanding.isEmpty {
            try pump(deadline: .never)
        }
        runCompletions()
    }

    // MARK: Helpers

    func requireOwner() throws {
        guard getpid() == ownerPID else { throw PoolError.notOwner(ownerPID: ownerPID) }
    }

    func existingJob(_ job: PoolJobID) throws -> PoolJob {
        guard let state = jobs[job.rawValue] else { throw PoolError.unknownJob(job.rawValue) }
        return state
    }
}

/// One chunk of a job, waiting for or running on a worker, as the message a worker takes
/// from the task queue (encoded once, when submitted).
struct PoolTask {
    let job: Int
    let chunk: Int
    let itemCount: Int
    let message: [UInt8]
    var key: PoolTaskKey { PoolTaskKey(job: job, chunk: chunk) }

    init(job: Int, chunk: Int, itemCount: Int, message: [UInt8]) {
        self.job = job
        self.chunk = chunk
        self.itemCount = itemCount
        self.message = message
    }

    init(job: Int, chunk: Int, items: [[UInt8]]) {
        self.init(job: job, chunk: chunk, itemCount: items.count,
                  message: PoolWire.encode(PoolWire.Task(job: job, chunk: chunk, items: items)))
    }
}

struct PoolTaskKey: Hashable {
    let job: Int
    let chunk: Int
}

/// A live worker as the parent sees it. A class: its reader keeps a partial frame between
/// pumps.
final class PoolWorkerSlot {
    let info: PoolWorkerInfo
    let process: ChildProcess
    let socket: FileDescriptor
    let reader: FramedReader
    let recordIndex: Int
    var tasksCompleted = 0
    /// Set when its end of stream is expected: `maxtasksperchild`, `stopped`, `terminated`.
    var endReason: String?

    init(info: PoolWorkerInfo, process: ChildProcess, socket: FileDescriptor, recordIndex: Int) {
        self.info = info
        self.process = process
        self.socket = socket
        self.recordIndex = recordIndex
        reader = FramedReader(descriptor: socket)
    }
}
