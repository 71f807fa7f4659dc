import Testing
@testable import ProcessRuntime

@Suite struct SynchronizationTests {
    @Test func lockedCounterIsExact() throws {
        let report = try ProbeRunner.run(["counter", "locked"])
        #expect(report.bool("allOk") == true)
        #expect(report.int("total") == 40_000)
        #expect(report.double("sum") == 20_000)
    }

    /// Without the lock updates may be lost; the point is only that nothing crashes and the
    /// count never exceeds what was added.
    @Test func unlockedCounterDoesNotCrash() throws {
        let report = try ProbeRunner.run(["counter", "unlocked"])
        #expect(report.bool("allOk") == true)
        let total = try #require(report.int("total"))
        #expect(total > 0 && total <= 40_000)
    }

    @Test func semaphoreAcrossProcesses() throws {
        let report = try ProbeRunner.run(["semaphore"])
        #expect(report.bool("allOk") == true)
        #expect(report.int("maxInside") == 2)
        #expect(report.int("valueAfter") == 2)
        #expect(report.bool("nonBlocking") == false)
        #expect(report.bool("timedAcquire") == false)
        #expect((report.double("timedElapsed") ?? 0) >= 0.14)
        #expect(report.bool("releasedByChild") == true)
        #expect(report.string("boundedError") == "semaphore or lock released too many times")
        #expect(report.string("boundedType") == "ValueError")
        #expect(report.string("negativeError") == "semaphore initial value must be >= 0")
    }

    @Test func lockAndRecursiveLockSemantics() throws {
        let report = try ProbeRunner.run(["locks"])
        #expect(report.string("releaseUnlocked") == "semaphore or lock released too many times")
        #expect(report.bool("ownerIsParent") == true)
        #expect(report.bool("nonBlockingWhileHeld") == false)
        #expect(report.int("childStatus") == 0)
        #expect(report.bool("lockedAfterChildRelease") == false)
        #expect(report.bool("reacquired") == true)
        #expect(report.int("rlockDepth") == 3)
        #expect(report.int("rlockIntruderStatus") == 0)
        #expect(report.string("rlockOverRelease") == "attempt to release recursive lock not owned by thread")
        #expect(report.string("rlockOverReleaseType") == "AssertionError")
        #expect(report.int("rlockFreeForChild") == 0)
    }

    @Test func eventAcrossProcesses() throws {
        let report = try ProbeRunner.run(["event"])
        #expect(report.bool("setBeforeSet") == false)
        #expect(report.ints("waiters") == [1, 1, 1])
        #expect(report.bool("isSet") == true)
        #expect(report.bool("waitAfterClear") == false)
        #expect((report.double("waitElapsed") ?? 0) >= 0.09)
    }

    @Test func barrierAcrossProcesses() throws {
        let report = try ProbeRunner.run(["barrier"])
        #expect(report.bool("allOk") == true)
        #expect(report.ints("indices") == [0, 1, 2, 3])
        #expect(report.int("actions") == 1)
        #expect(report.bool("secondRoundOk") == true)
        #expect(report.bool("brokenSeenByAll") == true)
        #expect(report.bool("isBroken") == true)
        #expect(report.string("waitOnBroken") == "threading.BrokenBarrierError")
        #expect(report.bool("brokenAfterReset") == false)
        #expect(report.int("waitingBeforeAbort") == 1)
        #expect(report.int("abortWokeWaiter") == 0)
    }

    @Test func conditionAcrossProcesses() throws {
        let report = try ProbeRunner.run(["condition"])
        #expect(report.string("waitUnlocked") == "must acquire() condition before using wait()")
        #expect(report.string("notifyUnlocked") == "lock is not owned")
        #expect(report.bool("consumersOk") == true)
        #expect(report.int("consumed") == 3)
        #expect(report.bool("timedWait") == false)
        #expect(report.bool("lockHeldAfterWait") == true)
        #expect(report.bool("notifyAllOk") == true)
    }
}
