#if canImport(Glibc)
import Glibc
#endif

extension ForkedWorkerPool {
    /// Forks a worker into `slot` through the budget.
    func startWorker(in slot: Int) throws {
        let name = nameWorker()
        let pair: SocketPair
        do { pair = try SocketPair() } catch {
            lastStartFailure = String(describing: error)
            throw error
        }
        // Parent ends of the other workers' sockets, which the new worker must not hold.
        let inherited = slots.compactMap { $0?.socket }
        let parent = getpid()
        board.clear(slot: slot)
        let child: ChildProcess
        do {
            child = try ChildProcess.fork(budget: budget) {
                pair.first.closeQuietly()
                for descriptor in inherited { descriptor.closeQuietly() }
                let info = PoolWorkerInfo(name: name, slot: slot, pid: getpid(), parentPID: parent)
                return Self.workerMain(
                    socket: pair.second, board: board, info: info, maxTasks: maxTasksPerChild,
                    initializer: initializer, body: body
                )
            }
        } catch {
            pair.closeQuietly()
            lastStartFailure = String(describing: error)
            throw error
        }
        pair.second.closeQuietly()
        let info = PoolWorkerInfo(name: name, slot: slot, pid: child.pid, parentPID: parent)
        record.workers.append(PoolWorkerRecord(
            pid: child.pid, name: name, slot: slot, startedAt: WallClock.now(),
            endedAt: nil, exitCode: nil, endReason: nil, tasksCompleted: 0
        ))
        let worker = PoolWorkerSlot(info: info, process: child, socket: pair.first, recordIndex: record.workers.count - 1)
        if board.isClosing { worker.endReason = "stopped" }
        slots[slot] = worker
    }

    /// The whole life of a worker process: initializer, then tasks pulled from the board until
    /// the pool closes (and the queue is empty), the pool's process is gone, or `maxTasks`.
    /// Returns the exit code.
    static func workerMain(
        socket: FileDescriptor, board: PoolTaskBoard, info: PoolWorkerInfo, maxTasks: Int?,
        initializer: ((PoolWorkerInfo) throws -> Void)?, body: ([UInt8]) -> WorkerTaskResult
    ) -> Int32 {
        // A worker outliving its pool's process would wait for tasks forever.
        ChildSide.dieWithParent(signal: SIGTERM, expectedParent: info.parentPID)
        // As CPython does for every child: reading input gets end of file.
        try? ChildSide.redirectStandardInputToDevNull()
        if let initializer {
            do { try initializer(info) } catch { return 1 }
        }
        var completed = 0
        while true {
            var task: PoolWire.Task?
            var startedMicros = 0
            let taken: [UInt8]?
            do {
                taken = try board.queue.take(
                    onTake: { bytes in
                        guard let decoded = try? PoolWire.decodeTask(bytes) else { return }
                        task = decoded
                        startedMicros = Int(WallClock.now() * 1e6)
                        board.markRunning(slot: info.slot, job: decoded.job, chunk: decoded.chunk)
                    },
                    shouldStop: { board.isClosing }
                )
            } catch {
                return 1
            }
            guard taken != nil else { return 0 }  // closed, and nothing left to do
            guard let task else { return 1 }  // not a task: the board is damaged
            var results = PoolItemBatch(itemCapacity: task.items.count)
            var failure: PoolWire.Reply?
            for (index, item) in task.items.enumerated() {
                switch body(item) {
                case let .success(bytes): results.append(bytes)
                case let .failure(bytes): failure = .failure(index: index, bytes)
                }
                if failure != nil { break }
            }
            let reply = PoolWire.encodeReply(
                job: task.job, chunk: task.chunk, startedMicros: startedMicros, failure ?? .success(results)
            )
            do {
                try SocketFrames.send(reply, on: socket)
            } catch {
                return 0  // the pool is gone: nobody wants the result
            }
            board.markIdle(slot: info.slot)
            completed += 1
            if let maxTasks, completed >= maxTasks { return 0 }
        }
    }

    /// Forgets the worker in `slot` after its end of stream (or a broken channel): reaps it,
    /// completes the record and fails the task it had taken, if any.
    func workerEnded(in slot: Int, reasonIfUnexpected: String = "died") {
        guard let worker = slots[slot] else { return }
        slots[slot] = nil
        worker.socket.closeQuietly()
        var status = Self.awaitExit(of: worker.process, timeout: 2)
        if status == nil {
            try? worker.process.kill()
            status = try? worker.process.wait()
        }
        let reason = worker.endReason ?? reasonIfUnexpected
        record.workers[worker.recordIndex].endedAt = WallClock.now()
        record.workers[worker.recordIndex].exitCode = status?.pythonExitCode
        record.workers[worker.recordIndex].endReason = reason
        record.workers[worker.recordIndex].tasksCompleted = worker.tasksCompleted
        let lost = board.runningTask(slot: slot)
        board.clear(slot: slot)
        if let lost, let task = outstanding.removeValue(forKey: PoolTaskKey(job: lost.job, chunk: lost.chunk)) {
            let terminated = reason == "terminated"
            let failure: PoolTaskError = terminated
                ? .terminated
                : .workerDied(pid: worker.info.pid, name: worker.info.name, status: status)
            recordTask(task, worker: worker.info, startedAt: lost.startedAt, outcome: terminated ? "terminated" : "worker died")
            deliver(job: task.job, chunk: task.chunk, .failure(failure), runCallback: !terminated)
        } else if worker.endReason == nil && worker.tasksCompleted == 0 {
            earlyDeaths += 1
            lastEarlyDeath = .workerDied(pid: worker.info.pid, name: worker.info.name, status: status)
        }
    }

    /// Signals every live worker, reaps them all, and fails whatever was unfinished.
    func terminateWorkers(reason: String) {
        let live = slots.indices.filter { slots[$0] != nil }
        for slot in live {
            if slots[slot]?.endReason == nil { slots[slot]?.endReason = reason }
            try? slots[slot]?.process.terminate()
        }
        for slot in live { workerEnded(in: slot, reasonIfUnexpected: reason) }
        failQueuedWork(.terminated, outcome: "terminated", runCallback: false)
    }

    /// Withdraws every task no worker has taken (in the task queue or still in the parent) and
    /// fails it.
    func failQueuedWork(_ failure: PoolTaskError, outcome: String, runCallback: Bool) {
        _ = board.queue.removeAll()
        let running = Set(slots.indices.compactMap { board.runningTask(slot: $0) }.map { PoolTaskKey(job: $0.job, chunk: $0.chunk) })
        var queued = pending
        pending = []
        for (key, task) in outstanding where !running.contains(key) {
            queued.append(task)
            outstanding[key] = nil
        }
        queued.sort { ($0.job, $0.chunk) < ($1.job, $1.chunk) }
        for task in queued {
            recordTask(task, worker: nil, startedAt: nil, outcome: outcome)
            deliver(job: task.job, chunk: task.chunk, .failure(failure), runCallback: runCallback)
        }
    }

    func recordTask(_ task: PoolTask, worker: PoolWorkerInfo?, startedAt: Double?, outcome: String) {
        record.tasks.append(PoolTaskRecord(
            job: task.job, kind: jobs[task.job]?.kind.rawValue ?? "unknown", chunk: task.chunk,
            itemCount: task.itemCount, workerPID: worker?.pid ?? 0, workerName: worker?.name ?? "",
            startedAt: startedAt, endedAt: WallClock.now(), outcome: outcome
        ))
    }
}
