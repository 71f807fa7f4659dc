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
/// Make `jobTimeout` longer than the sandbox's wall-clock limit: the sandbox then stops a slow
/// cell itself and the pool's timeout only catches a stuck worker. Workers run in their own
/// process group, so a terminal's Ctrl-C reaches only the orchestrator, which should call
/// `shutdown()` (a worker asked to stop cleans up its current run first).
public final class WorkerPool {
    public struct Configuration: Sendable {
        public var executable: String
        public var arguments: [String]
        public var environment: [String: String]?
        /// Number of workers (at least 1).
        public var size: Int
        /// Seconds a job may take, from being sent to its response; nil for no limit.
        public var jobTimeout: Double?
        public var standardError: ProcessSpawner.StandardError

        public init(
            executable: String, arguments: [String] = [], environment: [String: String]? = nil,
            size: Int, jobTimeout: Double? = nil, standardError: ProcessSpawner.StandardError = .inherit
        ) {
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
    private var workers: [SpawnedWorker?]
    private var everStarted: [Bool]

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        let size = max(1, configuration.size)
        workers = Array(repeating: nil, count: size)
        everStarted = Array(repeating: false, count: size)
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
        var next = 0
        var busy: [Int: (job: Int, deadline: Deadline)] = [:]
        var finishedCount = 0

        func finish(_ job: Int, _ result: Result<[UInt8], WorkerError>) {
            results[job] = result
            finishedCount += 1
            onResult(job, result)
        }

        while finishedCount < jobs.count {
            // Give every idle worker a job.
            for slot in workers.indices where busy[slot] == nil && next < jobs.count {
                let job = next
                next += 1
                let deadline = Deadline(secondsFromNow: configuration.jobTimeout)
                switch dispatch(jobs[job], to: slot, deadline: deadline) {
                case .sent: busy[slot] = (job, deadline)
                case let .failed(error): finish(job, .failure(error))
                }
            }
            guard !busy.isEmpty else { continue }

            // Wait for a response or the nearest deadline.
            let nearest = busy.values.map(\.deadline).min { ($0.nanoseconds ?? .max) < ($1.nanoseconds ?? .max) } ?? .never
            let requests = busy.keys.compactMap { workers[$0].map { PollRequest($0.responseDescriptor) } }
            let ready = Set((try? Poller.wait(for: requests, deadline: nearest))?.map(\.descriptor) ?? [])

            for (slot, entry) in busy {
                guard let worker = workers[slot] else { continue }
                if ready.contains(worker.responseDescriptor) {
                    do {
                        guard let response = try worker.receive(deadline: Deadline(secondsFromNow: 0)) else {
                            if !entry.deadline.hasExpired { continue }  // partial response so far
                            busy[slot] = nil
                            retire(slot, graceful: true)
                            finish(entry.job, .failure(.timedOut(seconds: configuration.jobTimeout ?? 0)))
                            continue
                        }
                        busy[slot] = nil
                        finish(entry.job, .success(response))
                    } catch let error as WorkerError {
                        busy[slot] = nil
                        if case .handlerFailed = error {
                            finish(entry.job, .failure(error))  // the worker itself is fine
                        } else {
                            retire(slot)
                            finish(entry.job, .failure(error))
                        }
                    } catch {
                        busy[slot] = nil
                        retire(slot)
                        finish(entry.job, .failure(.protocolError(String(describing: error))))
                    }
                } else if entry.deadline.hasExpired {
                    busy[slot] = nil
                    retire(slot, graceful: true)
                    finish(entry.job, .failure(.timedOut(seconds: configuration.jobTimeout ?? 0)))
                }
            }
        }
        return results.map { $0 ?? .failure(.protocolError("internal: job finished without a result")) }
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
