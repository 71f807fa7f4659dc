#if canImport(Glibc)
import Glibc
#endif

extension ForkedWorkerPool {
    /// Makes progress: hands pending tasks to idle workers, waits up to `timeout` seconds (nil:
    /// until something happens) for replies or worker exits, handles them, and runs completion
    /// callbacks. Returns the number of replies and worker exits handled. Returns at once when
    /// nothing is outstanding.
    @discardableResult
    public func pump(timeout: Double?) throws -> Int {
        try pump(deadline: Deadline(secondsFromNow: timeout))
    }

    /// True while a task is queued or running, or a worker is on its way out.
    public var hasOutstandingWork: Bool {
        !pending.isEmpty || slots.contains { $0 != nil && ($0?.current != nil || $0?.endReason != nil) }
    }

    @discardableResult
    func pump(deadline: Deadline) throws -> Int {
        try requireOwner()
        dispatch()
        runCompletions()
        var handled = 0
        let live = slots.indices.filter { slots[$0] != nil }
        if hasOutstandingWork, !live.isEmpty {
            let requests = live.compactMap { slots[$0].map { PollRequest($0.socket) } }
            let ready = Set(try Poller.wait(for: requests, deadline: deadline).map(\.descriptor))
            for slot in live {
                guard let worker = slots[slot], ready.contains(worker.socket) else { continue }
                handled += drain(slot)
            }
            dispatch()
        }
        runCompletions()
        return handled
    }

    /// Reads every complete reply waiting on the worker's socket; handles its end of stream.
    private func drain(_ slot: Int) -> Int {
        var handled = 0
        while let worker = slots[slot] {
            let result: FramedReadResult
            do {
                result = try worker.reader.readAvailable()
            } catch {
                workerEnded(in: slot)  // died mid-reply, or the channel broke
                return handled + 1
            }
            switch result {
            case .timedOut:
                return handled
            case .endOfStream:
                workerEnded(in: slot)
                return handled + 1
            case let .message(bytes):
                handled += 1
                handleReply(bytes, from: slot)
            }
        }
        return handled
    }

    private func handleReply(_ bytes: [UInt8], from slot: Int) {
        guard let worker = slots[slot] else { return }
        guard let decoded = try? PoolWire.decodeReply(bytes), let (task, recordIndex) = worker.current,
              decoded.job == task.job, decoded.chunk == task.chunk
        else {
            // Garbage on the channel: the worker cannot be trusted with more work.
            try? worker.process.kill()
            workerEnded(in: slot)
            return
        }
        worker.current = nil
        worker.tasksCompleted += 1
        record.workers[worker.recordIndex].tasksCompleted = worker.tasksCompleted
        if let maxTasksPerChild, worker.tasksCompleted >= maxTasksPerChild {
            worker.endReason = "maxtasksperchild"  // it exits by itself now
        }
        switch decoded.reply {
        case let .success(results):
            finishTask(task, recordIndex: recordIndex, result: .success(results), runCallback: true)
        case let .failure(_, error):
            finishTask(task, recordIndex: recordIndex, result: .failure(.raised(error)), runCallback: true)
        }
    }

    /// Completes a task's record and hands its outcome to its job.
    func finishTask(
        _ task: PoolTask, recordIndex: Int, result: Result<[[UInt8]], PoolTaskError>, runCallback: Bool
    ) {
        record.tasks[recordIndex].endedAt = WallClock.now()
        switch result {
        case .success: record.tasks[recordIndex].outcome = "ok"
        case .failure(.raised): record.tasks[recordIndex].outcome = "error"
        case .failure(.terminated): record.tasks[recordIndex].outcome = "terminated"
        case .failure: record.tasks[recordIndex].outcome = "worker died"
        }
        deliver(job: task.job, chunk: task.chunk, result, runCallback: runCallback)
    }

    func deliver(job: Int, chunk: Int, _ result: Result<[[UInt8]], PoolTaskError>, runCallback: Bool) {
        guard let state = jobs[job], state.record(chunk: chunk, result) else { return }
        if runCallback, let callback = state.callback, let outcome = state.outcome {
            completions.append((callback, outcome))
        }
    }

    /// Runs queued callbacks in completion order. A callback may call back into the pool
    /// (submit, wait): each is removed from the queue before it runs.
    func runCompletions() {
        while !completions.isEmpty {
            let (callback, outcome) = completions.removeFirst()
            callback(outcome)
        }
    }

    /// Keeps the pool staffed and hands out pending tasks; after `close`, stops idle workers
    /// once nothing is left to do.
    func dispatch() {
        guard state != .terminated else { return }
        if state == .running {
            for slot in slots.indices where slots[slot] == nil && !refillOnlyForWork[slot] {
                try? startWorker(in: slot)
            }
        }
        var canStartMore = true
        while !pending.isEmpty {
            if let slot = slots.indices.first(where: { slots[$0]?.isIdle == true }) {
                send(pending.removeFirst(), to: slot)
                continue
            }
            if canStartMore, let empty = slots.indices.first(where: { slots[$0] == nil }) {
                do {
                    try startWorker(in: empty)
                    continue
                } catch {
                    canStartMore = false
                }
            }
            if !slots.contains(where: { $0 != nil }) {
                // No worker is alive and none can be started: the work cannot run.
                let reason = lastStartFailure ?? "no worker could be started"
                let stranded = pending
                pending = []
                for task in stranded {
                    deliver(job: task.job, chunk: task.chunk, .failure(.workerUnavailable(reason)), runCallback: true)
                }
            }
            break
        }
        if state == .closed && pending.isEmpty {
            for slot in slots.indices {
                guard let worker = slots[slot], worker.isIdle else { continue }
                worker.endReason = "stopped"
                if (try? SocketFrames.send(PoolWire.encode(.stop), on: worker.socket)) == nil {
                    workerEnded(in: slot)
                }
            }
        }
    }

    /// Sends a task to an idle worker. A worker found dead before it could take the task is
    /// reaped and the task re-queued once; a second such failure fails the task.
    private func send(_ task: PoolTask, to slot: Int) {
        guard let worker = slots[slot] else { return }
        let frame = PoolWire.encode(.task(job: task.job, chunk: task.chunk, items: task.items))
        do {
            try SocketFrames.send(frame, on: worker.socket)
        } catch {
            workerEnded(in: slot)
            var retry = task
            retry.failedSends += 1
            if retry.failedSends < 2 {
                pending.insert(retry, at: 0)
            } else {
                deliver(
                    job: task.job, chunk: task.chunk,
                    .failure(.workerDied(pid: worker.info.pid, name: worker.info.name, status: worker.process.exitStatus)),
                    runCallback: true
                )
            }
            return
        }
        record.tasks.append(PoolTaskRecord(
            job: task.job, kind: jobs[task.job]?.kind.rawValue ?? "unknown", chunk: task.chunk, itemCount: task.items.count,
            workerPID: worker.info.pid, workerName: worker.info.name,
            startedAt: WallClock.now(), endedAt: nil, outcome: nil
        ))
        worker.current = (task, record.tasks.count - 1)
    }
}
