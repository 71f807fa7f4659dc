#if canImport(Glibc)
import Glibc
#endif

/// Hands jobs (bytes in, bytes out) to N `SpawnedWorker`s and collects one result per job.
///
/// Runs on the caller's thread with a single `poll` loop, so it needs no locks and can be driven
/// from a threaded orchestrator. A worker that dies or overruns `jobTimeout` is killed and
/// replaced; its job gets `WorkerError.died` / `.timedOut` as its result. A job is never dropped
/// and never retried after it may have started (re-running a student's cell could double its
/// side effects); it is re-sent only when the worker was found dead before taking it.
///
/// ```swift
/// // Orchestrator (may be threaded): the grader re-launches itself in a hidden worker mode.
/// let pool = WorkerPool(.init(executable: selfPath, arguments: ["__worker"], size: jobs, jobTimeout: 60))
/// defer { pool.shutdown() }
/// pool.run(requests) { index, result in save(index, result) }  // result: bytes or WorkerError
///
/// // Worker mode (single-threaded: no Dispatch, no Task): a fork server.
/// exit(WorkerServer.serve { request in try encode(Sandbox().run { context in runCell(request, context) }) })
/// ```
///
/// With `Configuration.growth`, the pool adds workers while its workers sleep rather than
/// compute, and parks them again when they compute (see `WorkerPool.Growth`).
///
/// Make `jobTimeout` longer than the sandbox's wall-clock limit: the sandbox then stops a slow
/// cell itself and the pool's timeout only catches a stuck worker. Workers run in their own
/// process group, so a terminal's Ctrl-C reaches only the orchestrator, which should call
/// `shutdown()` (a worker asked to stop cleans up its current run first).
public final class WorkerPool {
    public struct Configuration: Sendable {
        public var executable: String
        public var arguments: [String]
        public var environment: [String: String]?
        /// Number of workers (at least 1): all of them with `growth` nil, the least otherwise.
        public var size: Int
        /// Seconds a job may take, from being sent to its response; nil for no limit.
        public var jobTimeout: Double?
        public var standardError: ProcessSpawner.StandardError
        /// Growth past `size` while workers sleep (see `Growth`); nil pins the pool at `size`.
        public var growth: Growth?

        public init(
            executable: String, arguments: [String] = [], environment: [String: String]? = nil,
            size: Int, jobTimeout: Double? = nil, standardError: ProcessSpawner.StandardError = .inherit,
            growth: Growth? = nil
        ) {
            self.growth = growth
            self.executable = executable
            self.arguments = arguments
            self.environment = environment
            self.size = size
            self.jobTimeout = jobTimeout
            self.standardError = standardError
        }
    }

    public let configuration: Configuration
    /// Workers started to replace one that died or timed out.
    public private(set) var restarts = 0
    /// Times the pool grew by a worker, and shrank by one (the worker parked, stopped after
    /// `parkingSeconds` unless the pool grows again first).
    public private(set) var grown = 0
    public private(set) var shrunk = 0
    /// The most workers the pool has had at once.
    public private(set) var peakWorkers = 0
    private var workers: [SpawnedWorker?]
    private var everStarted: [Bool]
    /// Slots in use; a slot given up by shrinking is reused when the pool grows again.
    private var active: [Bool]
    /// When each parked worker (alive, out of use since the pool shrank) is to be stopped.
    private var parkedUntil: [Deadline?]

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        let size = max(1, configuration.size)
        workers = Array(repeating: nil, count: size)
        everStarted = Array(repeating: false, count: size)
        active = Array(repeating: true, count: size)
        parkedUntil = Array(repeating: nil, count: size)
    }

    deinit {
        shutdown()
    }

    /// Pids of the workers currently running (for diagnostics and tests).
    public var workerPIDs: [pid_t] { workers.compactMap { $0?.pid } }

    /// Runs every job and returns their results in job order. `onResult` is called as each job
    /// finishes (in completion order), so results can be saved before the batch ends.
    @discardableResult
    public func run(
        _ jobs: [[UInt8]],
        onResult: (Int, Result<[UInt8], WorkerError>) -> Void = { _, _ in }
    ) -> [Result<[UInt8], WorkerError>] {
        var results = [Result<[UInt8], WorkerError>?](repeating: nil, count: jobs.count)
        process(jobs) { index, result in
            results[index] = result
            onResult(index, result)
        }
        return results.map { $0 ?? .failure(.protocolError("internal: job finished without a result")) }
    }

    /// Runs every job, handing each result to `onResult` as it arrives (in completion order) and
    /// keeping none: for a batch whose caller stores results as they come, so the pool's memory
    /// does not grow with the batch. Every job gets exactly one result.
    public func process(_ jobs: [[UInt8]], onResult: (Int, Result<[UInt8], WorkerError>) -> Void) {
        var next = 0
        var busy: [Int: (job: Int, deadline: Deadline)] = [:]
        var finishedCount = 0
        // Without a way to see the workers' processes, the pool stays at its size.
        var governor = ProcessTreeActivity.isAvailable
            ? configuration.growth.map { GrowthGovernor(growth: $0, baseSize: workers.count) } : nil
        var shrinkRequested = false

        func finish(_ job: Int, _ result: Result<[UInt8], WorkerError>) {
            finishedCount += 1
            onResult(job, result)
        }

        /// A worker that just finished its job: park it instead if the pool is to shrink.
        func released(_ slot: Int) {
            guard shrinkRequested, active[slot], activeCount > max(1, configuration.size) else { return }
            shrinkRequested = false
            park(slot)
        }

        /// Gives every idle worker a job.
        func dispatchIdle() {
            for slot in workers.indices where active[slot] && busy[slot] == nil && next < jobs.count {
                let job = next
                next += 1
                let deadline = Deadline(secondsFromNow: configuration.jobTimeout)
                switch dispatch(jobs[job], to: slot, deadline: deadline) {
                case .sent: busy[slot] = (job, deadline)
                case .failed(.spawnFailed) where activeCount > max(1, configuration.size):
                    // An extra worker that cannot start (a process or memory limit) costs the
                    // job nothing: give the slot up and leave the job to the others.
                    active[slot] = false
                    parkedUntil[slot] = nil
                    next = job
                case let .failed(error): finish(job, .failure(error))
                }
            }
        }

        while finishedCount < jobs.count {
            dispatchIdle()
            peakWorkers = max(peakWorkers, workers.compactMap { $0 }.count)
            guard !busy.isEmpty else { continue }

            // Wait for a response, the nearest deadline, or the next growth sample.
            var nearest = busy.values.map(\.deadline).min { ($0.nanoseconds ?? .max) < ($1.nanoseconds ?? .max) } ?? .never
            if let governor, next < jobs.count, (governor.nextSample.nanoseconds ?? .max) < (nearest.nanoseconds ?? .max) {
                nearest = governor.nextSample
            }
            let requests = busy.keys.compactMap { workers[$0].map { PollRequest($0.responseDescriptor) } }
            let ready = Set((try? Poller.wait(for: requests, deadline: nearest))?.map(\.descriptor) ?? [])

            // Results are handed on after the workers that gave them have their next job, so
            // no worker waits while the caller stores a result.
            var completed: [(job: Int, result: Result<[UInt8], WorkerError>)] = []
            for (slot, entry) in busy {
                guard let worker = workers[slot] else { continue }
                if ready.contains(worker.responseDescriptor) {
                    do {
                        guard let response = try worker.receive(deadline: Deadline(secondsFromNow: 0)) else {
                            if !entry.deadline.hasExpired { continue }  // partial response so far
                            busy[slot] = nil
                            retire(slot, graceful: true)
                            completed.append((entry.job, .failure(.timedOut(seconds: configuration.jobTimeout ?? 0))))
                            continue
                        }
                        busy[slot] = nil
                        completed.append((entry.job, .success(response)))
                        released(slot)
                    } catch let error as WorkerError {
                        busy[slot] = nil
                        if case .handlerFailed = error {
                            completed.append((entry.job, .failure(error)))  // the worker itself is fine
                            released(slot)
                        } else {
                            retire(slot)
                            completed.append((entry.job, .failure(error)))
                        }
                    } catch {
                        busy[slot] = nil
                        retire(slot)
                        completed.append((entry.job, .failure(.protocolError(String(describing: error)))))
                    }
                } else if entry.deadline.hasExpired {
                    busy[slot] = nil
                    retire(slot, graceful: true)
                    completed.append((entry.job, .failure(.timedOut(seconds: configuration.jobTimeout ?? 0))))
                }
            }
            dispatchIdle()
            for (job, result) in completed { finish(job, result) }

            if var current = governor, next < jobs.count, current.isDue {
                retireLongParked()
                let allBusy = busy.count == activeCount
                let runnable = busy.keys.reduce(0) { sum, slot in
                    sum + (workers[slot].map { ProcessTreeActivity.runnableCount(root: $0.pid) } ?? 0)
                }
                switch current.record(
                    runnable: runnable, workers: activeCount, canGrow: allBusy,
                    memoryAvailable: allBusy ? AvailableMemory.bytes() : nil
                ) {
                case .hold: break
                case .grow:
                    grow()
                    shrinkRequested = false
                case .shrink: shrinkRequested = true
                }
                governor = current
            }
        }
    }

    private var activeCount: Int { active.lazy.filter { $0 }.count }

    /// Seconds a worker stays parked before it is stopped. Parking rather than stopping spares
    /// the start-up of a new worker (it loads and compiles the rubric: ≈ 0.1 s of CPU) when the
    /// pool grows again moments later, as it does at every sleeping cell of a batch.
    static let parkingSeconds = 10.0

    /// Takes a slot out of use; its worker (idle now) waits there to be taken back by `grow`.
    private func park(_ slot: Int) {
        active[slot] = false
        parkedUntil[slot] = workers[slot] == nil ? nil : Deadline(secondsFromNow: Self.parkingSeconds)
        shrunk += 1
    }

    /// Stops workers parked for longer than `parkingSeconds`.
    private func retireLongParked() {
        for slot in workers.indices where !active[slot] {
            guard let until = parkedUntil[slot], until.hasExpired else { continue }
            workers[slot]?.shutdown(grace: 1)
            workers[slot] = nil
            parkedUntil[slot] = nil
        }
    }

    /// Adds a slot: a parked worker's if there is one, else one given up earlier, else a new
    /// one. The dispatch loop starts its worker if it has none.
    private func grow() {
        let parked = active.indices.first { !active[$0] && workers[$0] != nil }
        if let slot = parked ?? active.firstIndex(of: false) {
            active[slot] = true
            parkedUntil[slot] = nil
            if workers[slot] == nil { everStarted[slot] = false }
        } else {
            workers.append(nil)
            everStarted.append(false)
            active.append(true)
            parkedUntil.append(nil)
        }
        grown += 1
    }

    /// Stops every worker: closes their input, gives them a moment to exit, kills the rest.
    public func shutdown() {
        for slot in workers.indices {
            workers[slot]?.shutdown(grace: 1)
            workers[slot] = nil
        }
    }

    private enum Dispatch {
        case sent
        case failed(WorkerError)
    }

    /// Sends a job to the worker in `slot`, starting one if needed. A worker found dead before it
    /// took the job is replaced once and the job re-sent.
    private func dispatch(_ job: [UInt8], to slot: Int, deadline: Deadline) -> Dispatch {
        for attempt in 0..<2 {
            let worker: SpawnedWorker
            do {
                worker = try startIfNeeded(slot)
            } catch let error as WorkerError {
                return .failed(error)
            } catch {
                return .failed(.spawnFailed(executable: configuration.executable, reason: String(describing: error)))
            }
            do {
                try worker.send(job, deadline: deadline)
                return .sent
            } catch let error as WorkerError {
                retire(slot)
                if case .died = error, attempt == 0 { continue }
                if case .timedOut = error { return .failed(.timedOut(seconds: configuration.jobTimeout ?? 0)) }
                return .failed(error)
            } catch {
                retire(slot)
                return .failed(.protocolError(String(describing: error)))
            }
        }
        return .failed(.died(nil))
    }

    private func startIfNeeded(_ slot: Int) throws -> SpawnedWorker {
        if let worker = workers[slot] { return worker }
        let worker = try SpawnedWorker(
            executable: configuration.executable, arguments: configuration.arguments,
            environment: configuration.environment, standardError: configuration.standardError
        )
        if everStarted[slot] { restarts += 1 }
        everStarted[slot] = true
        workers[slot] = worker
        return worker
    }

    /// Stops and forgets the worker in `slot`; the next job there starts a fresh one. A worker
    /// that overran its time is asked to stop first (so it can clean up its sandbox run); one
    /// that is dead or broken is killed outright.
    private func retire(_ slot: Int, graceful: Bool = false) {
        if graceful {
            workers[slot]?.terminate(grace: 2)
        } else {
            workers[slot]?.kill()
        }
        workers[slot] = nil
    }
}
