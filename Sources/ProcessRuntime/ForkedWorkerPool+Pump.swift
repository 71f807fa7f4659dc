#if canImport(Glibc)
import Glibc
#endif

extension ForkedWorkerPool {
    /// Makes progress: collects replies and worker exits, waiting up to `timeout` seconds (nil:
    /// until something happens) for the first, replaces workers, moves overflow work into the
    /// task queue, and runs completion callbacks. Returns the number of replies and worker
    /// exits handled. Returns at once when nothing is outstanding.
    @discardableResult
    public func pump(timeout: Double?) throws -> Int {
        try pump(deadline: Deadline(secondsFromNow: timeout))
    }

    /// True while a task is queued or running, or a worker is on its way out.
    public var hasOutstandingWork: Bool {
        !pending.isEmpty || !outstanding.isEmpty || slots.contains { $0 != nil && $0?.endReason != nil }
    }

    @discardableResult
    func pump(deadline: Deadline) throws -> Int {
        try requireOwner()
        maintain()
        runCompletions()
        var handled = 0
        let live = slots.indices.filter { slots[$0] != nil }
        if hasOutstandingWork, !live.isEmpty {
            // Work still waiting in the parent needs feeding as soon as workers make room.
            let wait = pending.isEmpty ? deadline : earlier(deadline, Deadline(secondsFromNow: 0.01))
            let requests = live.compactMap { slots[$0].map { PollRequest($0.socket) } }
            let ready = Set(try Poller.wait(for: requests, deadline: wait).map(\.descriptor))
            for slot in live {
                guard let worker = slots[slot], ready.contains(worker.socket) else { continue }
                handled += drain(slot)
            }
            maintain()
        }
        runCompletions()
        return handled
    }

    private func earlier(_ first: Deadline, _ second: Deadline) -> Deadline {
        (first.nanoseconds ?? .max) <= (second.nanoseconds ?? .max) ? first : second
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
        guard let decoded = try? PoolWire.decodeReply(bytes) else {
            // Garbage on the channel: the worker cannot be trusted with more work.
            try? worker.process.kill()
            workerEnded(in: slot)
            return
        }
        worker.tasksCompleted += 1
        record.workers[worker.recordIndex].tasksCompleted = worker.tasksCompleted
        earlyDeaths = 0
        if let maxTasksPerChild, worker.tasksCompleted >= maxTasksPerChild, worker.endReason == nil {
            worker.endReason = "maxtasksperchild"  // it exits by itself now
        }
        guard let task = outstanding.removeValue(forKey: PoolTaskKey(job: decoded.job, chunk: decoded.chunk)) else {
            return  // a task already failed (terminated): its late result is dropped
        }
        let startedAt = Double(decoded.startedMicros) / 1e6
        switch decoded.reply {
        case let .success(results):
            recordTask(task, worker: worker.info, startedAt: startedAt, outcome: "ok")
            deliver(job: task.job, chunk: task.chunk, .success(results), runCallback: true)
        case let .failure(_, error):
            recordTask(task, worker: worker.info, startedAt: startedAt, outcome: "error")
            deliver(job: task.job, chunk: task.chunk, .failure(.raised(error)), runCallback: true)
        }
    }

    func deliver(job: Int, chunk: Int, _ result: Result<PoolItemBatch, PoolTaskError>, runCallback: Bool) {
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

    /// Moves work into the task queue, keeps the pool staffed (while running, or while work
    /// remains after `close`), fails work that cannot run, and tells workers to finish once a
    /// closed pool has handed out everything.
    func maintain() {
        guard state != .terminated else { return }
        feedTaskQueue()
        let workRemains = !pending.isEmpty || !outstanding.isEmpty
        if earlyDeaths >= 2 * size, workRemains {
            // Workers keep dying before taking any task (a failing initializer).
            let failure = lastEarlyDeath ?? .workerUnavailable("workers exit before taking a task")
            failQueuedWork(failure, outcome: "not run", runCallback: true)
        }
        if (state == .running && earlyDeaths < 2 * size) || (!pending.isEmpty || !outstanding.isEmpty) {
            for slot in slots.indices where slots[slot] == nil {
                do { try startWorker(in: slot) } catch { break }
            }
        }
        if !pending.isEmpty || !outstanding.isEmpty, !slots.contains(where: { $0 != nil }) {
            // No worker is alive and none can be started: the work cannot run.
            let reason = lastStartFailure ?? "no worker could be started"
            failQueuedWork(.workerUnavailable(reason), outcome: "not run", runCallback: true)
        }
        if state == .closed && pending.isEmpty && !board.isClosing {
            board.setClosing()
            for case let worker? in slots where worker.endReason == nil { worker.endReason = "stopped" }
        }
    }

    /// Puts parent-side pending tasks into the shared task queue while there is room.
    private func feedTaskQueue() {
        while let task = pending.first {
            do {
                try board.queue.put(task.message, block: false)
                pending.removeFirst()
                outstanding[task.key] = task
            } catch let ProcessQueueError.itemTooLarge(size, capacity) {
                pending.removeFirst()
                recordTask(task, worker: nil, startedAt: nil, outcome: "not run")
                deliver(job: task.job, chunk: task.chunk, .failure(.taskTooLarge(size: size, capacity: capacity)), runCallback: true)
            } catch {
                return  // full: workers will make room
            }
        }
    }
}
