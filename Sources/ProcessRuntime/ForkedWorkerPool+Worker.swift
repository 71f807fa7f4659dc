#if canImport(Glibc)
import Glibc
#endif

extension ForkedWorkerPool {
    /// Forks a worker into `slot` through the budget.
    func startWorker(in slot: Int) throws {
        let name = nameWorker()
        let pair = try SocketPair()
        // Parent ends of the other workers' sockets, which the new worker must not hold.
        let inherited = slots.compactMap { $0?.socket }
        let parent = getpid()
        let child: ChildProcess
        do {
            child = try ChildProcess.fork(budget: budget) {
                pair.first.closeQuietly()
                for descriptor in inherited { descriptor.closeQuietly() }
                let info = PoolWorkerInfo(name: name, slot: slot, pid: getpid(), parentPID: parent)
                return Self.workerMain(
                    socket: pair.second, info: info, maxTasks: maxTasksPerChild,
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
        slots[slot] = PoolWorkerSlot(info: info, process: child, socket: pair.first, recordIndex: record.workers.count - 1)
        refillOnlyForWork[slot] = false
    }

    /// The whole life of a worker process: initializer, then tasks until stop, end of stream,
    /// or `maxTasks`. Returns the exit code.
    static func workerMain(
        socket: FileDescriptor, info: PoolWorkerInfo, maxTasks: Int?,
        initializer: ((PoolWorkerInfo) throws -> Void)?, body: ([UInt8]) -> WorkerTaskResult
    ) -> Int32 {
        // A worker outliving its pool's process would wait on a socket forever.
        ChildSide.dieWithParent(signal: SIGTERM, expectedParent: info.parentPID)
        // As CPython does for every child: reading input gets end of file.
        try? ChildSide.redirectStandardInputToDevNull()
        if let initializer {
            do { try initializer(info) } catch { return 1 }
        }
        let reader = FramedReader(descriptor: socket)
        var completed = 0
        while true {
            guard let frame = try? reader.read() else { return 0 }  // the pool is gone
            let message: PoolWire.ToWorker
            do { message = try PoolWire.decodeToWorker(frame) } catch { return 1 }
            guard case let .task(job, chunk, items) = message else { return 0 }
            var results: [[UInt8]] = []
            results.reserveCapacity(items.count)
            var reply = PoolWire.Reply.success([])
            for (index, item) in items.enumerated() {
                switch body(item) {
                case let .success(bytes): results.append(bytes)
                case let .failure(bytes): reply = .failure(index: index, bytes)
                }
                if case .failure = reply { break }
            }
            if case .success = reply { reply = .success(results) }
            do {
                try SocketFrames.send(PoolWire.encodeReply(job: job, chunk: chunk, reply), on: socket)
            } catch {
                return 0  // the pool is gone: nobody wants the result
            }
            completed += 1
            if let maxTasks, completed >= maxTasks { return 0 }
        }
    }

    /// Forgets the worker in `slot` after its end of stream (or a broken channel): reaps it,
    /// completes the record and fails its current task if it had one.
    func workerEnded(in slot: Int, reasonIfUnexpected: String = "died") {
        guard let worker = slots[slot] else { return }
        slots[slot] = nil
        worker.socket.closeQuietly()
        var status = try? worker.process.wait(timeout: 2)
        if status == nil {
            try? worker.process.kill()
            status = try? worker.process.wait()
        }
        let reason = worker.endReason ?? reasonIfUnexpected
        record.workers[worker.recordIndex].endedAt = WallClock.now()
        record.workers[worker.recordIndex].exitCode = status?.pythonExitCode
        record.workers[worker.recordIndex].endReason = reason
        record.workers[worker.recordIndex].tasksCompleted = worker.tasksCompleted
        if worker.endReason == nil && worker.tasksCompleted == 0 { refillOnlyForWork[slot] = true }
        if let (task, recordIndex) = worker.current {
            let failure: PoolTaskError = reasonIfUnexpected == "terminated"
                ? .terminated
                : .workerDied(pid: worker.info.pid, name: worker.info.name, status: status)
            finishTask(task, recordIndex: recordIndex, result: .failure(failure), runCallback: reasonIfUnexpected != "terminated")
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
        let unfinished = pending
        pending = []
        for task in unfinished {
            deliver(job: task.job, chunk: task.chunk, .failure(.terminated), runCallback: false)
        }
    }
}
