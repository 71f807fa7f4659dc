import Testing
@testable import ProcessRuntime

/// Single-process checks of the shared-memory pieces (no fork needed).
@Suite struct SharedMemoryTests {
    @Test func allocationsAreAlignedAndDistinct() throws {
        let region = try SharedMemoryRegion(size: 4096)
        let first = try region.allocate(byteCount: 3, alignment: 1)
        let second = try region.allocate(byteCount: 8, alignment: 64)
        #expect(Int(bitPattern: second) % 64 == 0)
        #expect(second > first)
        #expect(region.bytesUsed > 128)
    }

    @Test func fullRegionReportsOutOfSpace() throws {
        let region = try SharedMemoryRegion(size: 1)
        #expect(throws: SharedMemoryError.self) { _ = try region.allocate(byteCount: region.size) }
        #expect(throws: SharedMemoryError.self) { _ = try region.allocate(byteCount: 8, alignment: 3) }
        #expect(throws: SharedMemoryError.self) { _ = try SharedMemoryRegion(size: 0) }
    }

    @Test func typedValuesAndArrays() throws {
        let region = try SharedMemoryRegion(size: 1 << 16)
        let counter = try SharedInt64(in: region, initialValue: 41)
        counter.add(1)
        #expect(counter.value == 42)
        let ratio = try SharedDouble(in: region, initialValue: 0.25)
        ratio.value *= 2
        #expect(ratio.value == 0.5)
        let numbers = try SharedArray<Int32>(in: region, elements: [1, 2, 3])
        numbers[1] = 20
        #expect(numbers.elements == [1, 20, 3])
        try numbers.replace(from: 2, with: [30])
        #expect(numbers.elements == [1, 20, 30])
        #expect(throws: SharedMemoryError.self) { try numbers.replace(from: 2, with: [1, 2]) }
        let bytes = try SharedBytes(in: region, count: 4, repeating: 0)
        #expect(bytes.elements == [0, 0, 0, 0])
    }

    @Test func lockMisuseInOneProcess() throws {
        let region = try SharedMemoryRegion(size: 1 << 16)
        let lock = try ProcessLock(in: region)
        #expect(throws: SynchronizationError.releasedTooManyTimes) { try lock.release() }
        #expect(try lock.acquire())
        #expect(lock.recursionLevel == 1)
        #expect(try lock.acquire(timeout: 0.01) == false)
        try lock.release()
        let rlock = try ProcessRecursiveLock(in: region)
        #expect(throws: SynchronizationError.recursiveLockNotOwned) { try rlock.release() }
        #expect(try rlock.acquire() && rlock.acquire())
        #expect(rlock.recursionLevel == 2)
        try rlock.release()
        try rlock.release()
        #expect(rlock.ownerPID == nil)
        #expect(throws: SynchronizationError.self) { _ = try ProcessBarrier(in: region, parties: 0) }
    }

    @Test func processBudgetStopsAtTheCap() throws {
        let region = try SharedMemoryRegion(size: 1 << 16)
        let budget = try ProcessBudget(in: region, limit: 2)
        let first = try budget.reserve()
        budget.record(slot: first, pid: 100, parent: 1)
        _ = try budget.reserve()
        #expect(throws: ProcessLimitError.tooManyProcesses(limit: 2)) { _ = try budget.reserve() }
        #expect(budget.startedCount == 2)
        #expect(budget.refusedCount == 1)
        #expect(budget.observedProcesses == [ObservedProcess(pid: 100, parentPID: 1)])
        budget.giveBack(slot: 0)  // not the latest slot: stays counted
        #expect(budget.startedCount == 2)
        budget.giveBack(slot: 1)
        #expect(budget.startedCount == 1)
        #expect(try budget.reserve() == 1)
    }
}
