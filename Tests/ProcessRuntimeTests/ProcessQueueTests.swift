import Testing
@testable import ProcessRuntime

/// ProcessQueue, ProcessConnection and the shared list/dict: single-process checks here, the
/// cross-process ones in the probe (which must report no child left behind).
@Suite struct ProcessQueueTests {
    func runProbe(_ scenario: String) throws -> [String: Any] {
        let report = try ProbeRunner.run([scenario])
        #expect(report.ints("leftovers") == [], "processes left behind: \(report["leftovers"] ?? "")")
        return report
    }

    @Test func fifoWrapsAroundTheRing() throws {
        let region = try SharedMemoryRegion(size: 1 << 16)
        let queue = try ProcessQueue(in: region, capacityBytes: 40)
        // Items of 6 + 4 bytes: the ring of 40 wraps many times over 100 rounds.
        for round in 0..<100 {
            let first = Array("a\(round % 10)bcde".utf8)
            let second = Array("x\(round % 10)yz".utf8)
            try queue.put(first)
            try queue.put(second)
            try queue.put([])
            #expect(queue.count == 3)
            #expect(try queue.get() == first)
            #expect(try queue.get() == second)
            #expect(try queue.get() == [])
        }
        #expect(queue.isEmpty)
        #expect(throws: ProcessQueueError.empty) { _ = try queue.get(block: false) }
        #expect(throws: ProcessQueueError.itemTooLarge(size: 37, capacity: 40)) { try queue.put(Array(repeating: 0, count: 37)) }
        try queue.put(Array(repeating: 1, count: 36))  // exactly fills the buffer
        #expect(throws: ProcessQueueError.full) { try queue.put([], block: false) }
        #expect(try queue.get().count == 36)
    }

    @Test func joinableCounting() throws {
        let region = try SharedMemoryRegion(size: 1 << 21)
        let queue = try ProcessQueue(in: region, maxSize: 2)
        try queue.put([1])
        try queue.put([2])
        #expect(queue.isFull)
        #expect(queue.unfinishedTasks == 2)
        #expect(queue.join(timeout: 0.01) == false)
        _ = try queue.get()
        try queue.taskDone()
        _ = try queue.get()
        try queue.taskDone()
        #expect(queue.join(timeout: 0) == true)
        #expect(throws: ProcessQueueError.taskDoneTooManyTimes) { try queue.taskDone() }
        #expect(ProcessQueueError.taskDoneTooManyTimes.description == "task_done() called too many times")
        #expect(ProcessQueueError.empty.pythonExceptionType == "_queue.Empty")
        #expect(ProcessQueueError.full.pythonExceptionType == "queue.Full")
    }

    @Test func producersAndConsumersInFourProcessesLoseNothing() throws {
        let report = try runProbe("queue-producers")
        #expect(report.ints("statuses") == [0, 0, 0, 0])
        #expect(report.int("items") == 4000)
        #expect(report.int("missing") == 0)
        #expect(report.int("duplicated") == 0)
        #expect(report.int("leftInQueue") == 0)
        #expect(report.string("getEmpty") == "_queue.Empty: ")
        #expect(report.string("getNowaitEmpty") == "_queue.Empty: ")
        #expect(report.bool("full") == true)
        #expect(report.string("putFull") == "queue.Full: ")
        #expect(report.string("putNowaitFull") == "queue.Full: ")
        #expect(report.string("tooLarge") == "ValueError: queue item of 61 bytes does not fit in the queue's shared buffer of 64 bytes")
        #expect(report.string("taskDone") == "no error")
        #expect(report.string("taskDoneAgain") == "ValueError: task_done() called too many times")
    }

    @Test func tenThousandPutsBeforeAnyGetDoNotDeadlock() throws {
        let report = try runProbe("queue-flood")
        #expect(report.int("qsize") == 10_000)
        #expect(report.bool("joined") == true)
        #expect(report.int("readerStatus") == 0)
        #expect(report.bool("inOrder") == true)
        #expect(report.bool("emptyAfter") == true)
        #expect(report.int("unfinished") == 0)
        #expect(report.string("tinyNowait") == "queue.Full: ")
        #expect(report.string("tinyBlockingPut") == "no error")
    }

    @Test func connectionPairAcrossProcesses() throws {
        let report = try runProbe("connection")
        #expect(report.bool("pollBefore") == false)
        #expect(report.bool("pollAfter") == true)
        #expect(report.string("first") == "hello")
        #expect(report.int("emptyCount") == 0)
        #expect(report.bool("bigIntact") == true)
        #expect(report.string("reply") == "pong")
        #expect(report.int("childStatus") == 0)
        #expect(report.bool("pollAtEOF") == true)
        #expect(report.string("recvAtEOF") == "EOFError: ")
        #expect(report.string("sendToClosedPeer") == "BrokenPipeError: [Errno 32] Broken pipe")
        #expect(report.string("recvAfterClose") == "OSError: handle is closed")
        #expect(report.string("sendAfterClose") == "OSError: handle is closed")
        #expect(report.string("sendOnReader") == "OSError: connection is read-only")
        #expect(report.string("recvOnWriter") == "OSError: connection is write-only")
        #expect(report.string("pollOnWriter") == "OSError: connection is write-only")
        #expect(report.string("oneWay") == "one way")
    }

    @Test func connectionInOneProcess() throws {
        let (left, right) = try ProcessConnection.pipe()
        try left.send([1, 2, 3])
        #expect(try right.poll(timeout: 1))
        #expect(try right.receive() == [1, 2, 3])
        #expect(try right.poll() == false)
        try right.send([])
        #expect(try left.receive() == [])
        right.close()
        right.close()  // closing twice is allowed
        #expect(throws: ConnectionError.endOfFile) { _ = try left.receive() }
        #expect(throws: ConnectionError.brokenPipe) { try left.send([9]) }
        left.close()
    }

    @Test func managerStyleListAndDictStayConsistent() throws {
        let report = try runProbe("shared-containers")
        #expect(report.ints("statuses") == [0, 0, 0, 0])
        #expect(report.int("listCount") == 401)
        #expect(report.int("listDistinct") == 401)
        #expect(report.string("listFirst") == "start")
        #expect(report.bool("listInOrderPerWorker") == true)
        #expect(report.string("counter") == "400")
        let keys = try #require(report.strings("dictKeys"))
        #expect(keys.first == "counter")
        #expect(Set(keys.dropFirst()) == ["worker 0", "worker 1", "worker 2", "worker 3"])
        #expect(report.string("removed") == "400")
        #expect(report.bool("removedAgain") == true)
        #expect(report.int("dictCount") == 4)
        #expect(report.string("afterInsert") == "front")
        #expect(report.string("popped")?.hasSuffix("-99") == true)
        #expect(report.bool("outOfRange") == true)
        #expect(report.string("fullError") == "shared container needs 45 bytes but its shared buffer holds 32")
        #expect(report.int("tinyUnchanged") == 0)
        #expect(report.bool("afterKillIntact") == true)
        #expect(report.bool("afterKillQueueDrained") == true)
    }

    @Test func sharedDictInOneProcess() throws {
        let region = try SharedMemoryRegion(size: 1 << 16)
        let dict = try SharedDict(in: region, capacityBytes: 4096)
        try dict.set([1], for: [10])
        try dict.set([2], for: [20])
        try dict.set([3], for: [10])  // replaces, keeps position
        #expect(try dict.keys() == [[10], [20]])
        #expect(try dict.values() == [[3], [2]])
        #expect(try dict.contains([20]))
        #expect(try dict.value(for: [30]) == nil)
        #expect(try dict.removeValue(for: [10]) == [3])
        #expect(try dict.count() == 1)
        try dict.removeAll()
        #expect(try dict.count() == 0)
        // A scribbled buffer is reported, not a crash.
        try dict.set([5], for: [50])
        let active = Int(dict.store.header[0])
        dict.store.halves[active][0] = 200  // an absurd entry count
        #expect(throws: SharedContainerError.self) { _ = try dict.count() }
        dict.store.header[0] = 7
        #expect(throws: SharedContainerError.self) { _ = try dict.count() }
    }
}
