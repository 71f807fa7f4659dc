#if canImport(Glibc)
import Glibc
#endif
import ProcessRuntime

/// ProcessQueue, ProcessConnection and shared list/dict scenarios.
extension Scenarios {
    static func queueError(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch let error as ProcessQueueError {
            return "\(error.pythonExceptionType): \(error.description)"
        } catch let error as ConnectionError {
            return "\(error.pythonExceptionType): \(error.description)"
        } catch {
            return "\(error)"
        }
    }

    /// Two producers and two consumers (four processes) on a bounded queue: every item arrives
    /// exactly once. Consumers tick a per-item counter under a lock.
    static func queueProducersConsumers() throws -> Report {
        var report = Report()
        let region = try SharedMemoryRegion(size: 1 << 20)
        let queue = try ProcessQueue(in: region, maxSize: 50, capacityBytes: 4096)
        let perProducer = 2_000
        let seen = try SharedArray<Int32>(in: region, count: 2 * perProducer, repeating: 0)
        let lock = try ProcessMutex(in: region)
        var children: [ChildProcess] = []
        for producer in 0..<2 {
            children.append(try ChildProcess.fork {
                for index in 0..<perProducer {
                    guard (try? queue.put(bytes(String(producer * perProducer + index)), timeout: 20)) != nil else { return 2 }
                }
                return 0
            })
        }
        for _ in 0..<2 {
            children.append(try ChildProcess.fork {
                while true {
                    guard let item = try? queue.get(timeout: 20) else { return 3 }
                    let value = text(item)
                    if value == "stop" { return 0 }
                    guard let index = Int(value), index >= 0, index < seen.count else { return 4 }
                    lock.withLock { seen[index] += 1 }
                }
            })
        }
        let producerStatuses = try children[0..<2].map { try $0.wait()?.pythonExitCode ?? 999 }
        try queue.put(bytes("stop"))
        try queue.put(bytes("stop"))
        let consumerStatuses = try children[2...].map { try $0.wait()?.pythonExitCode ?? 999 }
        report.set("statuses", (producerStatuses + consumerStatuses).map(Int.init))
        report.set("items", seen.count)
        report.set("missing", seen.elements.filter { $0 == 0 }.count)
        report.set("duplicated", seen.elements.filter { $0 > 1 }.count)
        report.set("leftInQueue", queue.count)

        // Errors, as CPython raises them.
        let small = try ProcessQueue(in: region, maxSize: 1, capacityBytes: 64)
        report.set("getEmpty", queueError { _ = try small.get(timeout: 0.01) })
        report.set("getNowaitEmpty", queueError { _ = try small.get(block: false) })
        try small.put(bytes("one"))
        report.set("full", small.isFull)
        report.set("putFull", queueError { try small.put(bytes("two"), timeout: 0.01) })
        report.set("putNowaitFull", queueError { try small.put(bytes("two"), block: false) })
        report.set("tooLarge", queueError { try small.put([UInt8](repeating: 1, count: 61)) })
        report.set("taskDone", queueError { try small.taskDone() })
        report.set("taskDoneAgain", queueError { try small.taskDone() })
        report.set("leftovers", leftoverChildren())
        return report
    }

    /// 10,000 puts before any get (no feeder thread: must not block), then a child drains them
    /// in order; then JoinableQueue's join across processes.
    static func queueFlood() throws -> Report {
        var report = Report()
        let region = try SharedMemoryRegion(size: 1 << 21)
        let queue = try ProcessQueue(in: region)
        for index in 0..<10_000 { try queue.put(bytes("item \(index)"), block: false) }
        report.set("qsize", queue.count)
        let ordered = try SharedValue<Int32>(in: region, initialValue: 0)
        let reader = try ChildProcess.fork {
            for index in 0..<10_000 {
                guard let item = try? queue.get(timeout: 10), text(item) == "item \(index)" else { return 1 }
                guard (try? queue.taskDone()) != nil else { return 2 }
            }
            ordered.value = 1
            return 0
        }
        report.set("joined", queue.join(timeout: 20))
        report.set("readerStatus", Int(try reader.wait()?.pythonExitCode ?? 999))
        report.set("inOrder", ordered.value == 1)
        report.set("emptyAfter", queue.isEmpty)
        report.set("unfinished", queue.unfinishedTasks)
        // A full buffer makes put wait for a consumer instead of failing (bounded-queue style).
        let tiny = try ProcessQueue(in: region, capacityBytes: 64)
        for _ in 0..<6 { try tiny.put([UInt8](repeating: 7, count: 6)) }
        report.set("tinyNowait", queueError { try tiny.put([UInt8](repeating: 7, count: 6), block: false) })
        let drainer = try ChildProcess.fork {
            MonotonicClock.sleep(seconds: 0.05)
            return (try? tiny.get(timeout: 5)) != nil ? 0 : 1
        }
        report.set("tinyBlockingPut", queueError { try tiny.put([UInt8](repeating: 7, count: 6), timeout: 10) })
        _ = try drainer.wait()
        report.set("leftovers", leftoverChildren())
        return report
    }

    static func connection() throws -> Report {
        var report = Report()
        let (parentEnd, childEnd) = try ProcessConnection.pipe()
        report.set("pollBefore", try parentEnd.poll())
        let big = [UInt8](repeating: 42, count: 300_000)
        let child = try ChildProcess.fork {
            parentEnd.close()
            guard (try? childEnd.send(bytes("hello"))) != nil,
                  (try? childEnd.send([])) != nil,
                  (try? childEnd.send(big)) != nil,
                  let reply = try? childEnd.receive(), text(reply) == "ping"
            else { return 1 }
            guard (try? childEnd.send(bytes("pong"))) != nil else { return 2 }
            childEnd.close()
            return 0
        }
        childEnd.close()
        report.set("pollAfter", try parentEnd.poll(timeout: 10))
        report.set("first", text(try parentEnd.receive()))
        report.set("emptyCount", try parentEnd.receive().count)
        report.set("bigIntact", try parentEnd.receive() == big)
        try parentEnd.send(bytes("ping"))
        report.set("reply", text(try parentEnd.receive()))
        report.set("childStatus", Int(try child.wait()?.pythonExitCode ?? 999))
        report.set("pollAtEOF", try parentEnd.poll(timeout: 1))
        report.set("recvAtEOF", queueError { _ = try parentEnd.receive() })
        report.set("sendToClosedPeer", queueError { try parentEnd.send(bytes("anyone?")) })
        parentEnd.close()
        report.set("recvAfterClose", queueError { _ = try parentEnd.receive() })
        report.set("sendAfterClose", queueError { try parentEnd.send([1]) })

        let (reader, writer) = try ProcessConnection.pipe(duplex: false)
        report.set("sendOnReader", queueError { try reader.send([1]) })
        report.set("recvOnWriter", queueError { _ = try writer.receive() })
        report.set("pollOnWriter", queueError { _ = try writer.poll() })
        try writer.send(bytes("one way"))
        report.set("oneWay", text(try reader.receive()))
        report.set("leftovers", leftoverChildren())
        return report
    }

    /// Manager-style list and dict shared by four processes.
    static func sharedContainers() throws -> Report {
        var report = Report()
        let region = try SharedMemoryRegion(size: 1 << 21)
        let list = try SharedList(in: region, initial: [bytes("start")])
        let dict = try SharedDict(in: region)
        try dict.set(bytes("0"), for: bytes("counter"))
        let statuses = try forkAll(4) { worker in
            for index in 0..<100 {
                guard (try? list.append(bytes("\(worker)-\(index)"))) != nil else { return 1 }
                // An atomic read-modify-write inside one transaction.
                let incremented: Void? = try? dict.store.update { entries in
                    guard let position = stride(from: 0, to: entries.count - 1, by: 2).first(where: { entries[$0] == bytes("counter") })
                    else { return }
                    entries[position + 1] = bytes(String((Int(text(entries[position + 1])) ?? 0) + 1))
                }
                guard incremented != nil else { return 2 }
            }
            return (try? dict.set(bytes("\(getpid())"), for: bytes("worker \(worker)"))) != nil ? 0 : 3
        }
        report.set("statuses", statuses.map { Int($0.pythonExitCode) })
        let items = try list.snapshot().map(text)
        report.set("listCount", items.count)
        report.set("listDistinct", Set(items).count)
        report.set("listFirst", items.first ?? "")
        var inOrderPerWorker = true
        for worker in 0..<4 {
            let mine = items.filter { $0.hasPrefix("\(worker)-") }
            if mine != (0..<100).map({ "\(worker)-\($0)" }) { inOrderPerWorker = false }
        }
        report.set("listInOrderPerWorker", inOrderPerWorker)
        report.set("counter", text(try dict.value(for: bytes("counter")) ?? []))
        report.set("dictKeys", .array(try dict.keys().map { .string(text($0)) }))
        report.set("removed", text(try dict.removeValue(for: bytes("counter")) ?? []))
        report.set("removedAgain", try dict.removeValue(for: bytes("counter")) == nil)
        report.set("dictCount", try dict.count())
        try list.insert(bytes("front"), at: -5)
        report.set("afterInsert", text(try list.element(at: 0) ?? []))
        report.set("popped", text(try list.remove() ?? []))
        report.set("outOfRange", try list.element(at: 10_000) == nil)
        // Writers killed at an arbitrary moment (as by terminate()) leave the list and a queue
        // readable and every item whole.
        let victimList = try SharedList(in: region, capacityBytes: 1 << 16)
        let victimQueue = try ProcessQueue(in: region, capacityBytes: 1 << 16)
        let item = [UInt8](repeating: 0xab, count: 500)
        let writer = try ChildProcess.fork {
            while true {
                if (try? victimList.count()) ?? 0 > 100 { try? victimList.removeAll() }
                try? victimList.append(item)
                if victimQueue.count > 100 { _ = try? victimQueue.get() }
                try? victimQueue.put(item)
            }
        }
        MonotonicClock.sleep(seconds: 0.1)
        try writer.kill()
        _ = try writer.wait()
        let survivors = try victimList.snapshot()
        var queued: [[UInt8]] = []
        while let next = try? victimQueue.get(block: false) { queued.append(next) }
        report.set("afterKillIntact", survivors.allSatisfy { $0 == item } && queued.allSatisfy { $0 == item })
        report.set("afterKillQueueDrained", victimQueue.count == 0)
        let tiny = try SharedList(in: region, capacityBytes: 32)
        report.set("fullError", queueError { try tiny.extend(Array(repeating: [UInt8](repeating: 1, count: 10), count: 4)) })
        report.set("tinyUnchanged", try tiny.count())
        report.set("leftovers", leftoverChildren())
        return report
    }
}
