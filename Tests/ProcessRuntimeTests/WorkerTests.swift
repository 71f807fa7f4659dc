#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import ProcessRuntime

/// SpawnedWorker and WorkerPool are meant for threaded callers, so these run in the test
/// process itself (posix_spawn, no fork), against the probe in worker mode.
@Suite struct WorkerTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    func text(_ result: Result<[UInt8], WorkerError>) -> String? {
        (try? result.get()).map { String(decoding: $0, as: UTF8.self) }
    }

    func makeWorker() throws -> SpawnedWorker {
        try SpawnedWorker(executable: ProbeRunner.probePath, arguments: ["worker"], standardError: .discard)
    }

    @Test func requestsAndResponsesRoundTrip() throws {
        let worker = try makeWorker()
        defer { worker.shutdown() }
        #expect(text(worker.call(bytes("echo:hello"), timeout: 10)) == "hello")
        #expect(text(worker.call(bytes("reverse:abc"), timeout: 10)) == "cba")
        // Stray prints inside the worker go to stderr, not into the channel.
        #expect(text(worker.call(bytes("print:noise"), timeout: 10)) == "printed")
        #expect(text(worker.call(bytes("pid"), timeout: 10)) == String(worker.pid))
        let big = try worker.call(bytes("big:300000"), timeout: 10).get()
        #expect(big.count == 300_000)
        #expect(worker.call(bytes("fail:bad input"), timeout: 10) == .failure(.handlerFailed("bad input")))
        // A handler failure leaves the worker usable.
        #expect(text(worker.call(bytes("echo:still here"), timeout: 10)) == "still here")
    }

    @Test func workerKilledMidJobIsAnErrorNotAHang() throws {
        let worker = try makeWorker()
        let result = worker.call(bytes("die"), timeout: 10)
        #expect(result == .failure(.died(.signalled(SIGKILL))))
        #expect(!worker.isAlive)
    }

    @Test func slowWorkerTimesOutAndIsKilled() throws {
        let worker = try makeWorker()
        let result = worker.call(bytes("sleep:30"), timeout: 0.3)
        #expect(result == .failure(.timedOut(seconds: 0.3)))
        #expect(!worker.isAlive)
        #expect(ProcessTable.info(pid: worker.pid) == nil)
    }

    /// The batch grader's shape: a spawned worker that is a fork server running sandboxes.
    @Test func workerRunsSandboxes() throws {
        let worker = try makeWorker()
        defer { worker.shutdown() }
        for index in 0..<3 {
            #expect(text(worker.call(bytes("sandbox:cell \(index)"), timeout: 10)) == "ok|cell \(index)\n")
        }
    }

    /// Terminating a worker in the middle of a sandbox run takes the run's processes with it:
    /// the worker defers SIGTERM, its sandbox kills and reaps the run's group, then it exits.
    @Test func terminatingABusyWorkerCleansUpItsSandbox() throws {
        let path = "/tmp/process-runtime-tests-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).pgid"
        defer { unlink(path) }
        let worker = try makeWorker()
        try worker.send(bytes("hang-sandbox:\(path)"))
        var group: Int32?
        let deadline = Deadline(secondsFromNow: 10)
        while group == nil && !deadline.hasExpired {
            if let contents = try? String(contentsOfFile: path, encoding: .utf8) { group = Int32(contents) }
            MonotonicClock.sleep(seconds: 0.01)
        }
        let runGroup = try #require(group, "the sandbox never reported its process group")
        #expect(ProcessTable.snapshot().contains { $0.processGroup == runGroup })
        worker.terminate(grace: 5)
        #expect(worker.process.exitStatus == .signalled(SIGTERM))
        let left = ProcessTable.snapshot().filter { $0.processGroup == runGroup }
        #expect(left.isEmpty, "processes left in the run's group: \(left)")
    }

    @Test func missingExecutableFailsClearly() {
        #expect(throws: WorkerError.self) { _ = try SpawnedWorker(executable: "/nonexistent/worker") }
    }

    @Test func poolRunsEveryJobAndKeepsOrder() throws {
        let pool = WorkerPool(.init(executable: ProbeRunner.probePath, arguments: ["worker"], size: 3, jobTimeout: 10))
        defer { pool.shutdown() }
        let jobs = (0..<30).map { bytes("echo:job \($0)") }
        var completed: [Int] = []
        let results = pool.run(jobs) { index, _ in completed.append(index) }
        #expect(results.map(text) == (0..<30).map { "job \($0)" })
        #expect(completed.sorted() == Array(0..<30))
        #expect(pool.restarts == 0)
        // A pool is reusable.
        #expect(pool.run([bytes("reverse:xy")]).map(text) == ["yx"])
    }

    /// Jobs whose worker dies or overruns get error results; every other job still succeeds on
    /// the replacement workers, and nothing hangs.
    @Test func poolSurvivesDyingAndHangingWorkers() throws {
        let pool = WorkerPool(.init(executable: ProbeRunner.probePath, arguments: ["worker"], size: 2, jobTimeout: 1))
        defer { pool.shutdown() }
        let jobs = ["echo:a", "die", "echo:b", "sleep:30", "echo:c", "fail:nope", "die", "echo:d"].map(bytes)
        let results = pool.run(jobs)
        #expect(text(results[0]) == "a")
        #expect(results[1] == .failure(.died(.signalled(SIGKILL))))
        #expect(text(results[2]) == "b")
        #expect(results[3] == .failure(.timedOut(seconds: 1)))
        #expect(text(results[4]) == "c")
        #expect(results[5] == .failure(.handlerFailed("nope")))
        #expect(results[6] == .failure(.died(.signalled(SIGKILL))))
        #expect(text(results[7]) == "d")
        // Three workers were retired; at least two were replaced (the last may not be needed).
        #expect(pool.restarts >= 2)
    }

    @Test func poolWithUnstartableWorkerFailsEveryJob() {
        let pool = WorkerPool(.init(executable: "/nonexistent/worker", size: 2))
        let results = pool.run([bytes("echo:a"), bytes("echo:b"), bytes("echo:c")])
        #expect(results.count == 3)
        for result in results {
            guard case .failure(.spawnFailed) = result else {
                Issue.record("expected spawnFailed, got \(result)")
                continue
            }
        }
    }
}
