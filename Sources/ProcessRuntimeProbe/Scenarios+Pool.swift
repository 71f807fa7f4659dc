#if canImport(Glibc)
import Glibc
#endif
import ProcessRuntime

/// ForkedWorkerPool scenarios. Task items are little text commands (`square 3`, `sleep 0.3`,
/// `fail boom`, `pid`, `die`) so the probe needs no serializer.
extension Scenarios {
    /// Hands out `ForkPoolWorker-N` names from one counter, as the engine will.
    final class NameCounter {
        var next = 0
        func name() -> String {
            next += 1
            return "ForkPoolWorker-\(next)"
        }
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static func poolBody(_ item: [UInt8]) -> WorkerTaskResult {
        let parts = text(item).split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1] : ""
        switch parts.first ?? "" {
        case "square":
            let value = Int(argument) ?? 0
            return .success(bytes(String(value * value)))
        case "sleep":
            MonotonicClock.sleep(seconds: Double(argument) ?? 0)
            return .success(bytes("slept"))
        case "fail":
            return .failure(bytes(argument))
        case "pid":
            return .success(bytes(String(getpid())))
        case "die":
            raise(SIGKILL)
            return .success(bytes("unreachable"))
        default:
            return .failure(bytes("unknown command \(text(item))"))
        }
    }

    static func makePool(
        _ size: Int, maxTasks: Int? = nil, budget: ProcessBudget? = nil, names: NameCounter = NameCounter(),
        body: @escaping ([UInt8]) -> WorkerTaskResult = poolBody
    ) throws -> ForkedWorkerPool {
        try ForkedWorkerPool(processes: size, maxTasksPerChild: maxTasks, budget: budget, nameWorker: names.name, body: body)
    }

    /// Pids of this probe's children still present (zombies included): must be none after a
    /// pool is joined or terminated.
    static func leftoverChildren() -> [Int] {
        ProcessTable.members(ofGroup: nil, orChildrenOf: getpid()).map { Int($0.pid) }
    }

    static func describe(_ outcome: PoolJobOutcome) -> String {
        switch outcome {
        case let .success(items): "ok:" + items.map(text).joined(separator: ",")
        case let .failure(.raised(error)): "raised:" + text(error)
        case let .failure(error): "failed:\(error.pythonExceptionType):\(error.description)"
        }
    }

    static func describe(_ step: PoolIterationStep) -> String {
        switch step {
        case let .item(bytes): text(bytes)
        case let .failure(.raised(error)): "raised:" + text(error)
        case let .failure(error): "failed:\(error.description)"
        }
    }

    static func pool(_ kind: String) throws -> Report {
        var report = Report()
        switch kind {
        case "map": try poolMap(&report)
        case "iterate": try poolIterate(&report)
        case "callbacks": try poolCallbacks(&report)
        case "errors": try poolErrors(&report)
        case "maxtasks": try poolMaxTasks(&report)
        case "misuse": try poolMisuse(&report)
        case "kill": try poolKill(&report)
        case "parallel": try poolParallel(&report)
        case "cap": try poolCap(&report)
        case "initfail": try poolInitializerFails(&report)
        case "nopump": try poolWithoutPumping(&report)
        case "buffer": try poolTaskBuffer(&report)
        default: throw UnknownScenario(name: "pool \(kind)")
        }
        report.set("leftovers", leftoverChildren())
        return report
    }

    static func poolMap(_ report: inout Report) throws {
        let pool = try makePool(3)
        let workerPIDs = pool.workers.map { Int($0.pid) }
        report.set("workerNames", .array(pool.workers.map { .string($0.name) }))
        report.set("distinctWorkerPIDs", Set(workerPIDs).count)
        let job = try pool.map((0..<20).map { bytes("square \($0)") })
        report.set("result", describe(try pool.result(of: job)))
        // 20 items on 3 workers: divmod(20, 12) = (1, 8) → chunks of 2 → 10 tasks.
        report.set("chunkSizes", pool.record.tasks.filter { $0.job == job.rawValue }.map(\.itemCount))
        let explicit = try pool.map((0..<5).map { bytes("square \($0)") }, chunkSize: 4)
        report.set("explicitResult", describe(try pool.result(of: explicit)))
        report.set("explicitChunks", pool.record.tasks.filter { $0.job == explicit.rawValue }.map(\.itemCount).sorted())
        var emptyCallbackRan = false
        let empty = try pool.map([], onComplete: { _ in emptyCallbackRan = true })
        report.set("emptyResult", describe(try pool.result(of: empty, timeout: 1)))
        report.set("emptyCallbackRan", emptyCallbackRan)
        report.set("emptyTasks", pool.record.tasks.filter { $0.job == empty.rawValue }.count)
        try pool.close()
        try pool.join()
        report.set("state", pool.state.rawValue)
        let record = pool.record
        report.set("recordWorkers", record.workers.count)
        report.set("recordExitCodes", record.workers.map { Int($0.exitCode ?? 999) })
        report.set("recordEndReasons", .array(record.workers.map { .string($0.endReason ?? "") }))
        report.set("taskPIDsAreWorkers", record.tasks.allSatisfy { workerPIDs.contains(Int($0.workerPID)) })
        report.set("tasksAllOk", record.tasks.allSatisfy { $0.outcome == "ok" && $0.startedAt != nil })
        report.set("taskKinds", .array(Set(record.tasks.map(\.kind)).sorted().map { .string($0) }))
    }

    /// Deterministic completion order without timing: item i (but the last) waits for its own
    /// semaphore, which the parent releases only after item i+1's result arrived. So the
    /// completion order is last … first, while `imap` must still yield first … last.
    static func poolIterate(_ report: inout Report) throws {
        let region = try SharedMemoryRegion(size: 1 << 16)
        let gates = try (0..<4).map { _ in try ProcessSemaphore(in: region, initialValue: 0) }
        let body: ([UInt8]) -> WorkerTaskResult = { item in
            let index = Int(text(item)) ?? 0
            if index < gates.count - 1 { _ = try? gates[index].acquire(timeout: 20) }
            return .success(item)
        }
        let pool = try makePool(4, body: body)
        let items = (0..<4).map { bytes(String($0)) }

        let unordered = try pool.iterate(items, ordered: false)
        var unorderedSeen: [String] = []
        while let step = try pool.next(in: unordered, timeout: 20) {
            let value = describe(step)
            unorderedSeen.append(value)
            if let index = Int(value), index > 0 { try gates[index - 1].release() }
        }
        report.set("unordered", .array(unorderedSeen.map { .string($0) }))

        let ordered = try pool.iterate(items, ordered: true)
        // Nothing can be yielded before item 0 is done, and item 0 needs the gates: a short
        // timeout must raise TimeoutError, then releasing every gate lets the iteration finish.
        do {
            _ = try pool.next(in: ordered, timeout: 0.05)
            report.set("orderedTimeout", "none")
        } catch let error as PoolError {
            report.set("orderedTimeout", error.pythonExceptionType)
        }
        for gate in gates { try gate.release() }
        var orderedSeen: [String] = []
        while let step = try pool.next(in: ordered, timeout: 20) { orderedSeen.append(describe(step)) }
        report.set("ordered", .array(orderedSeen.map { .string($0) }))

        // Chunked imap: chunks of 3 over 7 items still yield item by item, in order.
        for gate in gates { try gate.release(); try gate.release() }
        let chunked = try pool.iterate((0..<7).map { bytes(String($0 + 10)) }, chunkSize: 3, ordered: true)
        var chunkedSeen: [String] = []
        while let step = try pool.next(in: chunked, timeout: 20) { chunkedSeen.append(describe(step)) }
        report.set("chunked", .array(chunkedSeen.map { .string($0) }))
        report.set("chunkedTasks", pool.record.tasks.filter { $0.job == chunked.rawValue }.map(\.itemCount).sorted())
        try pool.terminate()
        try pool.join()
    }

    /// apply_async callbacks run in the parent, in completion order (here forced to be the
    /// reverse of submission order by gates the callbacks themselves open).
    static func poolCallbacks(_ report: inout Report) throws {
        let region = try SharedMemoryRegion(size: 1 << 16)
        let gates = try (0..<3).map { _ in try ProcessSemaphore(in: region, initialValue: 0) }
        let body: ([UInt8]) -> WorkerTaskResult = { item in
            let index = Int(text(item)) ?? 0
            if index < gates.count { _ = try? gates[index].acquire(timeout: 20) }
            return index == 1 ? .failure(bytes("error 1")) : .success(item)
        }
        let pool = try makePool(4, body: body)
        var calls: [String] = []
        var callbackPIDs: Set<Int32> = []
        var jobs: [PoolJobID] = []
        for index in 0...3 {
            jobs.append(try pool.apply(bytes(String(index))) { outcome in
                calls.append(describe(outcome))
                callbackPIDs.insert(getpid())
                // Completing job k opens the gate of job k-1.
                if index > 0 { try? gates[index - 1].release() }
            })
        }
        for job in jobs.reversed() { _ = try pool.result(of: job, timeout: 20) }
        report.set("calls", .array(calls.map { .string($0) }))
        report.set("callbacksInParent", callbackPIDs == [getpid()])
        try pool.close()
        try pool.join()
    }

    static func poolErrors(_ report: inout Report) throws {
        let pool = try makePool(2)
        let failing = try pool.map(["square 1", "fail boom", "square 3"].map(bytes), chunkSize: 1)
        report.set("mapOutcome", describe(try pool.result(of: failing, timeout: 20)))
        let chunk = try pool.map(["square 1", "fail in chunk", "square 3"].map(bytes), chunkSize: 3)
        report.set("chunkOutcome", describe(try pool.result(of: chunk, timeout: 20)))
        var errorCallback = ""
        let single = try pool.apply(bytes("fail single")) { errorCallback = describe($0) }
        report.set("applyOutcome", describe(try pool.result(of: single, timeout: 20)))
        report.set("errorCallback", errorCallback)
        let after = try pool.map(["square 4", "square 5"].map(bytes))
        report.set("afterOutcome", describe(try pool.result(of: after, timeout: 20)))
        let iteration = try pool.iterate(["square 2", "fail mid", "square 6"].map(bytes), ordered: true)
        var steps: [String] = []
        while let step = try pool.next(in: iteration, timeout: 20) { steps.append(describe(step)) }
        report.set("iterationSteps", .array(steps.map { .string($0) }))
        report.set("errorTasks", pool.record.tasks.filter { $0.outcome == "error" }.count)
        try pool.close()
        try pool.join()
    }

    static func poolMaxTasks(_ report: inout Report) throws {
        let names = NameCounter()
        let pool = try makePool(2, maxTasks: 2, names: names)
        let job = try pool.map((0..<10).map { _ in bytes("pid") }, chunkSize: 1)
        guard case let .success(pids) = try pool.result(of: job, timeout: 20) else {
            report.set("error", "map failed")
            return
        }
        let distinct = Set(pids.map(text))
        report.set("distinctPIDs", distinct.count)
        var perPID: [String: Int] = [:]
        for pid in pids.map(text) { perPID[pid, default: 0] += 1 }
        report.set("maxTasksOnOnePID", perPID.values.max() ?? 0)
        try pool.close()
        try pool.join()
        let record = pool.record
        report.set("workersStarted", record.workers.count)
        report.set("names", .array(record.workers.map { .string($0.name) }))
        report.set("maxTasksEnds", record.workers.filter { $0.endReason == "maxtasksperchild" }.count)
        report.set("allExitedCleanly", record.workers.allSatisfy { $0.exitCode == 0 })
        report.set("namesTaken", names.next)
    }

    static func poolMisuse(_ report: inout Report) throws {
        func message(_ body: () throws -> Void) -> String {
            do {
                try body()
                return "no error"
            } catch let error as PoolError {
                return "\(error.pythonExceptionType): \(error.description)"
            } catch {
                return "\(error)"
            }
        }
        report.set("zeroProcesses", message { _ = try makePool(0) })
        report.set("zeroMaxTasks", message { _ = try makePool(1, maxTasks: 0) })
        let pool = try makePool(2)
        report.set("joinWhileRunning", message { try pool.join() })
        try pool.close()
        report.set("applyAfterClose", message { _ = try pool.apply(bytes("square 2")) })
        report.set("mapAfterClose", message { _ = try pool.map([bytes("square 2")]) })
        report.set("imapAfterClose", message { _ = try pool.iterate([bytes("square 2")], ordered: true) })
        report.set("joinAfterClose", message { try pool.join() })
        report.set("closeTwice", message { try pool.close() })
        let terminated = try makePool(1)
        let slow = try terminated.apply(bytes("sleep 30"))
        try terminated.terminate()
        report.set("terminatedOutcome", describe(try terminated.result(of: slow, timeout: 5)))
        report.set("joinAfterTerminate", message { try terminated.join() })
        report.set("applyAfterTerminate", message { _ = try terminated.apply(bytes("square 2")) })
        let timing = try makePool(1)
        let pending = try timing.apply(bytes("sleep 5"))
        report.set("getTimeout", message { _ = try timing.result(of: pending, timeout: 0.05) })
        report.set("unknownJob", message { _ = try timing.isReady(PoolJobID(rawValue: 99)) })
        try timing.terminate()
    }

    /// A worker killed mid-task fails that task (not the pool), quickly; the pool replaces it.
    static func poolKill(_ report: inout Report) throws {
        // The sleeping task tells the parent its pid through shared memory, so it can be killed.
        let region = try SharedMemoryRegion(size: 1 << 16)
        let sleeperPID = try SharedValue<Int32>(in: region, initialValue: 0)
        let pool = try makePool(2) { item in
            if text(item) == "report-and-sleep" {
                sleeperPID.value = getpid()
                MonotonicClock.sleep(seconds: 30)
                return .success(item)
            }
            return poolBody(item)
        }
        let started = MonotonicClock.nowSeconds()
        let suicide = try pool.apply(bytes("die"))
        report.set("selfKilled", describe(try pool.result(of: suicide, timeout: 20)))
        let sleeper = try pool.apply(bytes("report-and-sleep"))
        while sleeperPID.value == 0 && MonotonicClock.nowSeconds() - started < 20 { MonotonicClock.sleep(seconds: 0.005) }
        kill(sleeperPID.value, SIGKILL)
        let outcome = try pool.result(of: sleeper, timeout: 20)
        report.set("externallyKilled", describe(outcome))
        if case let .failure(error) = outcome { report.set("detail", error.detail) }
        report.set("elapsed", MonotonicClock.nowSeconds() - started)
        let after = try pool.map((1...4).map { bytes("square \($0)") })
        report.set("afterOutcome", describe(try pool.result(of: after, timeout: 20)))
        report.set("liveWorkers", pool.workers.count)
        report.set("diedWorkers", pool.record.workers.filter { $0.endReason == "died" }.map { Int($0.exitCode ?? 0) })
        report.set("diedTasks", pool.record.tasks.filter { $0.outcome == "worker died" }.count)
        report.set("diedTaskPIDs", pool.record.tasks.filter { $0.outcome == "worker died" }.map { Int($0.workerPID) }.contains(Int(sleeperPID.value)))
        try pool.close()
        try pool.join()
    }

    /// Workers pull tasks while the parent is busy elsewhere: with more tasks than workers, a
    /// parent that never pumps still sees every task run (here: each one posts a semaphore the
    /// parent waits on, as student code waits on a Queue the pool fills).
    static func poolWithoutPumping(_ report: inout Report) throws {
        let region = try SharedMemoryRegion(size: 1 << 16)
        let done = try ProcessSemaphore(in: region, initialValue: 0)
        let pool = try makePool(2) { item in
            _ = try? done.release()
            return .success(item)
        }
        _ = try pool.map((0..<10).map { bytes(String($0)) }, chunkSize: 1)
        var finished = 0
        while finished < 10, try done.acquire(timeout: 10) { finished += 1 }
        report.set("finishedWithoutPumping", finished)
        try pool.close()
        try pool.join()
        report.set("recordedTasks", pool.record.tasks.count)
    }

    static func poolParallel(_ report: inout Report) throws {
        let pool = try makePool(4)
        let started = MonotonicClock.nowSeconds()
        let job = try pool.map((0..<4).map { _ in bytes("sleep 0.3") })
        report.set("outcome", describe(try pool.result(of: job, timeout: 20)))
        report.set("elapsed", MonotonicClock.nowSeconds() - started)
        report.set("distinctWorkers", Set(pool.record.tasks.map(\.workerPID)).count)
        try pool.close()
        try pool.join()
    }

    /// Workers draw from the process budget: a pool larger than the cap cannot start, and a
    /// replacement beyond the cap fails the remaining work instead of exceeding it.
    static func poolCap(_ report: inout Report) throws {
        let region = try SharedMemoryRegion(size: 1 << 16)
        let small = try ProcessBudget(in: region, limit: 3)
        do {
            _ = try makePool(4, budget: small)
            report.set("oversized", "no error")
        } catch {
            report.set("oversized", String(describing: error))
        }
        report.set("oversizedStarted", small.startedCount)
        let budget = try ProcessBudget(in: region, limit: 3)
        let pool = try makePool(2, maxTasks: 1, budget: budget)
        let job = try pool.map((0..<4).map { bytes("square \($0)") }, chunkSize: 1)
        report.set("outcome", describe(try pool.result(of: job, timeout: 20)))
        report.set("started", budget.startedCount)
        report.set("refused", budget.refusedCount)
        try pool.close()
        try pool.join()
    }
}

extension Scenarios {
    /// A pool inside a real sandbox run: workers fork through the run's budget (cap 3), their
    /// initializer and task output reach the sandbox's captured stdout, and nothing survives.
    static func poolInSandbox() throws -> Report {
        final class WorkerName {
            var value = "?"
        }
        let limits = SandboxLimits(wallClockSeconds: 10, maxProcesses: 3)
        let outcome = try Sandbox(limits: limits).run { context in
            let names = NameCounter()
            let current = WorkerName()
            let pool: ForkedWorkerPool
            do {
                pool = try ForkedWorkerPool(
                    processes: 2, maxTasksPerChild: 1, budget: context.budget, nameWorker: names.name,
                    initializer: { info in
                        current.value = info.name
                        emit("init \(info.name)\n")
                    },
                    body: { item in
                        emit("task \(text(item)) on \(current.value)\n")
                        return .success(item)
                    }
                )
            } catch {
                emit("pool failed: \(error)\n", to: 2)
                return 2
            }
            guard let job = try? pool.map((0..<4).map { bytes(String($0)) }, chunkSize: 1),
                  let outcome = try? pool.result(of: job, timeout: 8)
            else { return 3 }
            emit("outcome \(describe(outcome))\n")
            try? pool.close()
            try? pool.join()
            try? context.send(record: "\(pool.record.workers.count) workers, \(pool.record.tasks.count) tasks")
            return 0
        }
        var report = Report()
        report.set("status", outcome.status.name)
        report.set("stdoutLines", .array(outcome.stdoutText.split(separator: "\n").map { .string(String($0)) }))
        report.set("stderr", outcome.stderrText)
        report.set("processesStarted", outcome.processesStarted)
        report.set("processesRefused", outcome.processesRefused)
        report.set("records", .array(outcome.records.map { .string(text($0)) }))
        report.set("survivors", outcome.survivors.count)
        report.set("leftovers", leftoverChildren() + ProcessTable.members(ofGroup: outcome.mainPID, orChildrenOf: nil).map { Int($0.pid) })
        return report
    }
}

extension Scenarios {
    /// An initializer that raises ends each worker with exit code 1. CPython's pool respawns
    /// such workers forever and the map hangs; here the work fails with BrokenProcessPool.
    static func poolInitializerFails(_ report: inout Report) throws {
        struct InitializerFailed: Error {}
        let pool = try ForkedWorkerPool(
            processes: 2, nameWorker: NameCounter().name,
            initializer: { _ in throw InitializerFailed() }, body: poolBody
        )
        let job = try pool.map([bytes("square 1"), bytes("square 2")], chunkSize: 1)
        report.set("outcome", describe(try pool.result(of: job, timeout: 20)))
        let single = try pool.apply(bytes("square 3"))
        report.set("applyOutcome", describe(try pool.result(of: single, timeout: 20)))
        try pool.close()
        try pool.join()
        report.set("workersStarted", pool.record.workers.count)
        report.set("exitCodes", pool.record.workers.map { Int($0.exitCode ?? 999) })
    }
}

extension Scenarios {
    /// Work larger than the shared task buffer waits in the parent and is fed in as workers
    /// make room; a single chunk larger than the whole buffer fails clearly.
    static func poolTaskBuffer(_ report: inout Report) throws {
        let pool = try ForkedWorkerPool(processes: 2, nameWorker: NameCounter().name, taskBufferBytes: 4096) { item in
            .success(Array(String(item.count).utf8))
        }
        let items = (0..<200).map { _ in [UInt8](repeating: 1, count: 100) }
        let job = try pool.map(items, chunkSize: 1)
        report.set("overflowOutcome", describe(try pool.result(of: job, timeout: 20)) == "ok:" + Array(repeating: "100", count: 200).joined(separator: ","))
        let huge = try pool.apply([UInt8](repeating: 2, count: 5000))
        report.set("hugeOutcome", describe(try pool.result(of: huge, timeout: 20)))
        let after = try pool.apply([1, 2, 3])
        report.set("afterOutcome", describe(try pool.result(of: after, timeout: 20)))
        try pool.close()
        try pool.join()
        report.set("notRun", pool.record.tasks.filter { $0.outcome == "not run" }.count)
    }
}
