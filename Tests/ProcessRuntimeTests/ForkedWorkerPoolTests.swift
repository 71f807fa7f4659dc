import Foundation
import Testing
@testable import ProcessRuntime

/// ForkedWorkerPool forks, so every scenario runs in the single-threaded probe; each one also
/// checks that no child of the probe is left once the pool is joined or terminated.
@Suite struct ForkedWorkerPoolTests {
    func runPool(_ kind: String) throws -> [String: Any] {
        let report = try ProbeRunner.run(["pool", kind])
        #expect(report.ints("leftovers") == [], "processes left behind: \(report["leftovers"] ?? "")")
        return report
    }

    @Test func chunkSizeFollowsCPython() {
        // chunksize, extra = divmod(len, len(pool) * 4); if extra: chunksize += 1
        #expect(PoolChunking.defaultChunkSize(itemCount: 20, workerCount: 3) == 2)
        #expect(PoolChunking.defaultChunkSize(itemCount: 100, workerCount: 4) == 7)
        #expect(PoolChunking.defaultChunkSize(itemCount: 16, workerCount: 4) == 1)
        #expect(PoolChunking.defaultChunkSize(itemCount: 17, workerCount: 4) == 2)
        #expect(PoolChunking.defaultChunkSize(itemCount: 3, workerCount: 8) == 1)
        #expect(PoolChunking.chunks(Array(0..<7), size: 3) == [[0, 1, 2], [3, 4, 5], [6]])
        #expect(PoolChunking.chunks([Int](), size: 3).isEmpty)
        #expect(PoolChunking.chunks([1, 2], size: 0) == [[1], [2]])
    }

    @Test func wireFormatRoundTripsAndRejectsGarbage() throws {
        let task = PoolWire.Task(job: 300, chunk: 2, items: [[1, 2], [], [255]])
        #expect(try PoolWire.decodeTask(PoolWire.encode(task)) == task)
        let reply = PoolWire.encodeReply(job: 7, chunk: 1, startedMicros: 1_700_000_000_000_000, .failure(index: 2, [9, 9]))
        let decoded = try PoolWire.decodeReply(reply)
        #expect(decoded == PoolWire.DecodedReply(job: 7, chunk: 1, startedMicros: 1_700_000_000_000_000, reply: .failure(index: 2, [9, 9])))
        for garbage: [UInt8] in [[], [1], [1, 0x80], [1, 1, 1, 200], [9], [1, 1, 1, 1, 50, 1], [2, 0]] {
            #expect(throws: MalformedMessage.self) { _ = try PoolWire.decodeTask(garbage) }
        }
        let results = PoolItemBatch([[1, 2, 3], [], [4]])
        let success = PoolWire.encodeReply(job: 1, chunk: 0, startedMicros: 5, .success(results))
        #expect(try PoolWire.decodeReply(success) == PoolWire.DecodedReply(job: 1, chunk: 0, startedMicros: 5, reply: .success(results)))
        // job 1, chunk 0, started 5, success, 2 results of 3 and 9 bytes, but only 4 bytes follow.
        #expect(throws: MalformedMessage.self) { _ = try PoolWire.decodeReply([1, 0, 5, 1, 2, 3, 9, 1, 2, 3, 4]) }
        #expect(throws: MalformedMessage.self) { _ = try PoolWire.decodeReply(success + [0]) }
        #expect(throws: MalformedMessage.self) { _ = try PoolWire.decodeReply([1, 1, 1, 3]) }
        #expect(throws: MalformedMessage.self) { _ = try PoolWire.decodeReply(Array(reply.dropLast())) }
    }

    @Test func itemBatchesEncodeAsTheirItemsWould() throws {
        let items: [[UInt8]] = [[1, 2], [], [255], Array(repeating: 7, count: 300), [0]]
        let batch = PoolItemBatch(items)
        #expect(batch.count == 5)
        #expect((0..<batch.count).map { Array(batch[$0]) } == items)
        for range in [0..<5, 0..<2, 2..<3, 3..<5, 4..<4] {
            let direct = PoolWire.encode(job: 9, chunk: 3, items: batch, range: range)
            #expect(direct == PoolWire.encode(PoolWire.Task(job: 9, chunk: 3, items: Array(items[range]))))
        }
        // Written in place; a failed item leaves no trace.
        var built = PoolItemBatch()
        built.appendItem { $0.append(contentsOf: [1, 2]) }
        struct Refused: Error {}
        #expect(throws: Refused.self) { try built.appendItem { $0.append(9); throw Refused() } }
        built.append([3])
        #expect(built == PoolItemBatch([[1, 2], [3]]))
        #expect(PoolItemBatch(bytes: [1, 2, 3], ends: [1, 3]) == PoolItemBatch([[1], [2, 3]]))
        #expect(PoolItemBatch(bytes: [1, 2, 3], ends: [2, 1, 3]) == nil)
        #expect(PoolItemBatch(bytes: [1, 2, 3], ends: [1]) == nil)
    }

    @Test func mapPlacesResultsByIndexWithCPythonChunks() throws {
        let report = try runPool("map")
        #expect(report.strings("workerNames") == ["ForkPoolWorker-1", "ForkPoolWorker-2", "ForkPoolWorker-3"])
        #expect(report.int("distinctWorkerPIDs") == 3)
        let squares = (0..<20).map { String($0 * $0) }.joined(separator: ",")
        #expect(report.string("result") == "ok:" + squares)
        #expect(report.ints("chunkSizes") == Array(repeating: 2, count: 10))
        #expect(report.string("explicitResult") == "ok:0,1,4,9,16")
        #expect(report.ints("explicitChunks") == [1, 4])
        #expect(report.string("emptyResult") == "ok:")
        #expect(report.bool("emptyCallbackRan") == false)
        #expect(report.int("emptyTasks") == 0)
        #expect(report.int("recordWorkers") == 3)
        #expect(report.ints("recordExitCodes") == [0, 0, 0])
        #expect(report.strings("recordEndReasons") == ["stopped", "stopped", "stopped"])
        #expect(report.bool("taskPIDsAreWorkers") == true)
        #expect(report.bool("tasksAllOk") == true)
        #expect(report.strings("taskKinds") == ["map"])
    }

    @Test func imapIsOrderedAndImapUnorderedFollowsCompletion() throws {
        let report = try runPool("iterate")
        #expect(report.strings("unordered") == ["3", "2", "1", "0"])
        #expect(report.string("orderedTimeout") == "multiprocessing.context.TimeoutError")
        #expect(report.strings("ordered") == ["0", "1", "2", "3"])
        #expect(report.strings("chunked") == (10...16).map(String.init))
        #expect(report.ints("chunkedTasks") == [1, 3, 3])
    }

    @Test func applyCallbacksRunInTheParentInCompletionOrder() throws {
        let report = try runPool("callbacks")
        #expect(report.strings("calls") == ["ok:3", "ok:2", "raised:error 1", "ok:0"])
        #expect(report.bool("callbacksInParent") == true)
    }

    @Test func workerExceptionsReachTheRightJob() throws {
        let report = try runPool("errors")
        #expect(report.string("mapOutcome") == "raised:boom")
        #expect(report.string("chunkOutcome") == "raised:in chunk")
        #expect(report.string("applyOutcome") == "raised:single")
        #expect(report.string("errorCallback") == "raised:single")
        #expect(report.string("afterOutcome") == "ok:16,25")
        #expect(report.strings("iterationSteps") == ["4", "raised:mid", "36"])
        #expect(report.int("errorTasks") == 4)
    }

    @Test func maxTasksPerChildReplacesWorkers() throws {
        let report = try runPool("maxtasks")
        #expect(report.int("maxTasksOnOnePID") == 2)
        #expect((report.int("distinctPIDs") ?? 0) >= 5)
        let started = try #require(report.int("workersStarted"))
        #expect(started >= 5)
        #expect(report.strings("names") == (1...started).map { "ForkPoolWorker-\($0)" })
        #expect(report.int("namesTaken") == started)
        #expect((report.int("maxTasksEnds") ?? 0) >= 3)
        #expect(report.bool("allExitedCleanly") == true)
    }

    @Test func misuseRaisesCPythonErrors() throws {
        let report = try runPool("misuse")
        #expect(report.string("zeroProcesses") == "ValueError: Number of processes must be at least 1")
        #expect(report.string("zeroMaxTasks") == "ValueError: maxtasksperchild must be a positive int or None")
        #expect(report.string("joinWhileRunning") == "ValueError: Pool is still running")
        #expect(report.string("applyAfterClose") == "ValueError: Pool not running")
        #expect(report.string("mapAfterClose") == "ValueError: Pool not running")
        #expect(report.string("imapAfterClose") == "ValueError: Pool not running")
        #expect(report.string("joinAfterClose") == "no error")
        #expect(report.string("closeTwice") == "no error")
        #expect(report.string("terminatedOutcome") == "failed:RuntimeError:the pool was terminated before this task finished")
        #expect(report.string("joinAfterTerminate") == "no error")
        #expect(report.string("applyAfterTerminate") == "ValueError: Pool not running")
        #expect(report.string("getTimeout") == "multiprocessing.context.TimeoutError: ")
        #expect(report.string("unknownJob") == "RuntimeError: unknown pool job 99")
    }

    @Test func workerKilledMidTaskFailsThatJobInsteadOfHanging() throws {
        let report = try runPool("kill")
        let broken = "failed:concurrent.futures.process.BrokenProcessPool:" + PoolTaskError.brokenPoolMessage
        #expect(report.string("selfKilled") == broken)
        #expect(report.string("externallyKilled") == broken)
        #expect(report.string("detail")?.contains("killed by signal 9 (SIGKILL)") == true)
        // The sleeping task would take 30 s; the kill is noticed at once (the probe's own 30 s
        // limit would fail the test if the pool hung).
        #expect((report.double("elapsed") ?? 99) < 20)
        #expect(report.string("afterOutcome") == "ok:1,4,9,16")
        #expect(report.int("liveWorkers") == 2)
        #expect(report.ints("diedWorkers") == [-9, -9])
        #expect(report.int("diedTasks") == 2)
        #expect(report.bool("diedTaskPIDs") == true)
    }

    @Test func failingInitializerFailsTheWorkInsteadOfRespawningForever() throws {
        let report = try runPool("initfail")
        let broken = "failed:concurrent.futures.process.BrokenProcessPool:" + PoolTaskError.brokenPoolMessage
        #expect(report.string("outcome") == broken)
        #expect(report.string("applyOutcome") == broken)
        let started = try #require(report.int("workersStarted"))
        // Each submission may restart workers until 2 × size of them died before taking a
        // task; then its queued work fails. Finite, where CPython respawns forever.
        #expect(started >= 2 && started <= 12)
        #expect(report.ints("exitCodes")?.allSatisfy { $0 == 1 } == true)
    }

    @Test func workersPullTasksWhileTheParentDoesNotPump() throws {
        let report = try runPool("nopump")
        #expect(report.int("finishedWithoutPumping") == 10)
        #expect(report.int("recordedTasks") == 10)
    }

    @Test func workBeyondTheTaskBufferIsFedInAndOversizedChunksFail() throws {
        let report = try runPool("buffer")
        #expect(report.bool("overflowOutcome") == true)
        #expect(report.string("hugeOutcome") == "failed:ValueError:pool task of 5006 bytes does not fit in the pool's task buffer of 4096 bytes")
        #expect(report.string("afterOutcome") == "ok:3")
        #expect(report.int("notRun") == 1)
    }

    @Test func fourSleepingTasksRunInParallel() throws {
        let report = try runPool("parallel")
        #expect(report.string("outcome") == "ok:slept,slept,slept,slept")
        #expect(report.int("distinctWorkers") == 4)
        let elapsed = try #require(report.double("elapsed"))
        #expect(elapsed >= 0.3)
        #expect(elapsed < 1.0)
    }

    @Test func processCapIsRespected() throws {
        let report = try runPool("cap")
        #expect(report.string("oversized") == "process limit reached: this run may start at most 3 processes")
        #expect(report.int("oversizedStarted") == 3)
        #expect(report.int("started") == 3)
        #expect(report.string("outcome")?.hasPrefix("failed:RuntimeError:no pool worker could be started: process limit reached") == true)
    }

    @Test func poolInsideASandboxUsesItsBudgetAndOutput() throws {
        let report = try runPool(sandboxed: true)
        #expect(report.string("status") == "ok")
        let lines = try #require(report.strings("stdoutLines"))
        #expect(Set(lines.filter { $0.hasPrefix("init ") }) == ["init ForkPoolWorker-1", "init ForkPoolWorker-2", "init ForkPoolWorker-3"])
        let taskLines = lines.filter { $0.hasPrefix("task ") }
        #expect(taskLines.count == 3)
        #expect(taskLines.allSatisfy { $0.contains(" on ForkPoolWorker-") })
        #expect(lines.last?.hasPrefix("outcome failed:RuntimeError:no pool worker could be started: process limit reached") == true)
        #expect(report.int("processesStarted") == 3)
        #expect((report.int("processesRefused") ?? 0) >= 1)
        #expect(report.strings("records") == ["3 workers, 4 tasks"])
        #expect(report.int("survivors") == 0)
    }

    func runPool(sandboxed: Bool) throws -> [String: Any] {
        let report = try ProbeRunner.run(["pool-sandbox"])
        #expect(report.ints("leftovers") == [], "processes left behind: \(report["leftovers"] ?? "")")
        return report
    }

    @Test func recordIsCodable() throws {
        var record = PoolRecord(size: 2, maxTasksPerChild: 1)
        record.workers.append(PoolWorkerRecord(
            pid: 10, name: "ForkPoolWorker-1", slot: 0, startedAt: 1.5, endedAt: 2.5,
            exitCode: -9, endReason: "died", tasksCompleted: 0
        ))
        record.tasks.append(PoolTaskRecord(
            job: 0, kind: "map", chunk: 1, itemCount: 3, workerPID: 10, workerName: "ForkPoolWorker-1",
            startedAt: 1.6, endedAt: 2.5, outcome: "worker died"
        ))
        let data = try JSONEncoder().encode(record)
        #expect(try JSONDecoder().decode(PoolRecord.self, from: data) == record)
    }
}
