#if canImport(Glibc)
import Glibc
#endif
import ProcessRuntime

extension Scenarios {
    static func counter(locked: Bool) throws -> Report {
        var report = Report()
        let region = try SharedMemoryRegion(size: 1 << 16)
        let total = try SharedInt64(in: region, initialValue: 0)
        let sum = try SharedDouble(in: region, initialValue: 0)
        let lock = try ProcessLock(in: region)
        let statuses = try forkAll(4) { _ in
            for _ in 0..<10_000 {
                if locked {
                    guard (try? lock.acquire()) == true else { return 2 }
                    total.add(1)
                    sum.value += 0.5
                    guard (try? lock.release()) != nil else { return 3 }
                } else {
                    total.value += 1
                }
            }
            return 0
        }
        report.set("total", Int(total.value))
        report.set("sum", sum.value)
        report.set("allOk", statuses.allSatisfy(\.isSuccess))
        return report
    }

    static func semaphore() throws -> Report {
        var report = Report()
        let region = try SharedMemoryRegion(size: 1 << 16)
        let semaphore = try ProcessSemaphore(in: region, initialValue: 2)
        let mutex = try ProcessMutex(in: region)
        let inside = try SharedInt64(in: region, initialValue: 0)
        let maxInside = try SharedInt64(in: region, initialValue: 0)
        let statuses = try forkAll(4) { _ in
            guard (try? semaphore.acquire()) == true else { return 2 }
            mutex.withLock {
                inside.add(1)
                maxInside.value = max(maxInside.value, inside.value)
            }
            MonotonicClock.sleep(seconds: 0.05)
            mutex.withLock { _ = inside.add(-1) }
            return (try? semaphore.release()) != nil ? 0 : 3
        }
        report.set("maxInside", Int(maxInside.value))
        report.set("allOk", statuses.allSatisfy(\.isSuccess))
        report.set("valueAfter", semaphore.value)

        // A zero semaphore: non-blocking fails at once, a timed acquire fails after the timeout,
        // and a release from another process lets a blocked acquire through.
        let empty = try ProcessSemaphore(in: region, initialValue: 0)
        report.set("nonBlocking", try empty.acquire(blocking: false))
        let started = MonotonicClock.nowSeconds()
        report.set("timedAcquire", try empty.acquire(timeout: 0.15))
        report.set("timedElapsed", MonotonicClock.nowSeconds() - started)
        let releaser = try ChildProcess.fork {
            MonotonicClock.sleep(seconds: 0.05)
            return (try? empty.release()) != nil ? 0 : 1
        }
        report.set("releasedByChild", try empty.acquire(timeout: 5))
        _ = try releaser.wait()

        // Bounded semaphore: one release too many.
        let bounded = try ProcessSemaphore(in: region, initialValue: 1, maximumValue: 1)
        do {
            try bounded.release()
            report.set("boundedError", "none")
        } catch let error as SynchronizationError {
            report.set("boundedError", error.description)
            report.set("boundedType", error.pythonExceptionType)
        }
        do {
            _ = try ProcessSemaphore(in: region, initialValue: -1)
        } catch {
            report.set("negativeError", String(describing: error))
        }
        return report
    }

    static func locks() throws -> Report {
        var report = Report()
        let region = try SharedMemoryRegion(size: 1 << 16)
        let lock = try ProcessLock(in: region)

        do {
            try lock.release()
            report.set("releaseUnlocked", "none")
        } catch {
            report.set("releaseUnlocked", String(describing: error))
        }
        _ = try lock.acquire()
        report.set("ownerIsParent", lock.ownerPID == getpid() && lock.isOwnedByCurrentProcess)
        report.set("nonBlockingWhileHeld", try lock.acquire(blocking: false))
        // A child cannot take the held lock within its timeout, but may release it (as
        // CPython's Lock allows); then the parent can take it again.
        let child = try ChildProcess.fork {
            let got = (try? lock.acquire(timeout: 0.1)) ?? true
            let notMine = !lock.isOwnedByCurrentProcess
            let released = (try? lock.release()) != nil
            return !got && notMine && released ? 0 : 1
        }
        report.set("childStatus", Int(try child.wait()?.pythonExitCode ?? 999))
        report.set("lockedAfterChildRelease", lock.isLocked)
        report.set("reacquired", try lock.acquire(timeout: 1))
        try lock.release()

        let rlock = try ProcessRecursiveLock(in: region)
        for _ in 0..<3 { _ = try rlock.acquire() }
        report.set("rlockDepth", rlock.recursionLevel)
        let intruder = try ChildProcess.fork {
            do {
                try rlock.release()
                return 1
            } catch SynchronizationError.recursiveLockNotOwned {
                return (try? rlock.acquire(blocking: false)) == false ? 0 : 2
            } catch {
                return 3
            }
        }
        report.set("rlockIntruderStatus", Int(try intruder.wait()?.pythonExitCode ?? 999))
        for _ in 0..<3 { try rlock.release() }
        do {
            try rlock.release()
            report.set("rlockOverRelease", "none")
        } catch let error as SynchronizationError {
            report.set("rlockOverRelease", error.description)
            report.set("rlockOverReleaseType", error.pythonExceptionType)
        }
        let taker = try ChildProcess.fork { (try? rlock.acquire(timeout: 1)) == true ? 0 : 1 }
        report.set("rlockFreeForChild", Int(try taker.wait()?.pythonExitCode ?? 999))
        return report
    }

    static func event() throws -> Report {
        var report = Report()
        let region = try SharedMemoryRegion(size: 1 << 16)
        let event = try ProcessEvent(in: region)
        let results = try SharedArray<Int32>(in: region, count: 3, repeating: -1)
        var children: [ChildProcess] = []
        for index in 0..<3 {
            children.append(try ChildProcess.fork {
                results[index] = event.wait(timeout: 5) ? 1 : 0
                return 0
            })
        }
        MonotonicClock.sleep(seconds: 0.1)
        report.set("setBeforeSet", event.isSet)
        event.set()
        for child in children { _ = try child.wait() }
        report.set("waiters", results.elements.map(Int.init))
        report.set("isSet", event.isSet)
        event.clear()
        let started = MonotonicClock.nowSeconds()
        report.set("waitAfterClear", event.wait(timeout: 0.1))
        report.set("waitElapsed", MonotonicClock.nowSeconds() - started)
        return report
    }

    static func barrier() throws -> Report {
        var report = Report()
        let region = try SharedMemoryRegion(size: 1 << 16)
        let barrier = try ProcessBarrier(in: region, parties: 4)
        let indices = try SharedArray<Int32>(in: region, count: 4, repeating: -1)
        let actions = try SharedInt64(in: region, initialValue: 0)
        let arrivedBeforeRelease = try SharedInt64(in: region, initialValue: 0)
        let mutex = try ProcessMutex(in: region)
        let statuses = try forkAll(4) { child in
            mutex.withLock { _ = arrivedBeforeRelease.add(1) }
            guard let index = try? barrier.wait(timeout: 5, action: { actions.add(1) }) else { return 2 }
            // Everyone arrived before anyone passed.
            guard mutex.withLock({ arrivedBeforeRelease.value }) == 4 else { return 3 }
            indices[child] = Int32(index)
            return 0
        }
        report.set("allOk", statuses.allSatisfy(\.isSuccess))
        report.set("indices", indices.elements.map(Int.init).sorted())
        report.set("actions", Int(actions.value))

        // Reusable: a second round works too.
        let second = try forkAll(4) { _ in (try? barrier.wait(timeout: 5)) != nil ? 0 : 1 }
        report.set("secondRoundOk", second.allSatisfy(\.isSuccess))

        // Only two of three parties arrive: both time out... one breaks it, both see it broken.
        let short = try ProcessBarrier(in: region, parties: 3, timeout: 0.2)
        let broken = try forkAll(2) { _ in
            do {
                _ = try short.wait()
                return 1
            } catch SynchronizationError.brokenBarrier {
                return 0
            } catch {
                return 2
            }
        }
        report.set("brokenSeenByAll", broken.allSatisfy(\.isSuccess))
        report.set("isBroken", short.isBroken)
        do {
            _ = try short.wait(timeout: 1)
            report.set("waitOnBroken", "none")
        } catch {
            report.set("waitOnBroken", (error as? SynchronizationError)?.pythonExceptionType ?? "?")
        }
        short.reset()
        report.set("brokenAfterReset", short.isBroken)

        // abort() wakes a waiter with the broken error.
        let aborted = try ProcessBarrier(in: region, parties: 2)
        let waiter = try ChildProcess.fork {
            do {
                _ = try aborted.wait(timeout: 5)
                return 1
            } catch {
                return 0
            }
        }
        MonotonicClock.sleep(seconds: 0.05)
        report.set("waitingBeforeAbort", aborted.waitingCount)
        aborted.abort()
        report.set("abortWokeWaiter", Int(try waiter.wait()?.pythonExitCode ?? 999))
        return report
    }

    static func condition() throws -> Report {
        var report = Report()
        let region = try SharedMemoryRegion(size: 1 << 16)
        let lock = try ProcessRecursiveLock(in: region)
        let condition = try ProcessCondition(in: region, lock: lock)
        let items = try SharedInt64(in: region, initialValue: 0)
        let consumed = try SharedInt64(in: region, initialValue: 0)

        do {
            _ = try condition.wait(timeout: 0.01)
            report.set("waitUnlocked", "none")
        } catch {
            report.set("waitUnlocked", String(describing: error))
        }
        do {
            try condition.notify()
            report.set("notifyUnlocked", "none")
        } catch {
            report.set("notifyUnlocked", String(describing: error))
        }

        // Three consumers wait for items; the parent produces one at a time with notify().
        var children: [ChildProcess] = []
        for _ in 0..<3 {
            children.append(try ChildProcess.fork {
                do {
                    _ = try condition.acquire()
                    // Hold the lock twice: wait must release it fully (RLock semantics).
                    _ = try condition.acquire()
                    let got = try condition.wait(timeout: 5) { items.value > 0 }
                    if got {
                        items.add(-1)
                        consumed.add(1)
                    }
                    try condition.release()
                    try condition.release()
                    return got ? 0 : 1
                } catch {
                    return 2
                }
            })
        }
        MonotonicClock.sleep(seconds: 0.1)
        for _ in 0..<3 {
            _ = try condition.acquire()
            items.add(1)
            try condition.notify()
            try condition.release()
            MonotonicClock.sleep(seconds: 0.02)
        }
        let statuses = try children.map { try $0.wait() ?? .exited(-1) }
        report.set("consumersOk", statuses.allSatisfy(\.isSuccess))
        report.set("consumed", Int(consumed.value))

        // A timed wait with no notify returns false and gives the lock back.
        _ = try condition.acquire()
        let started = MonotonicClock.nowSeconds()
        report.set("timedWait", try condition.wait(timeout: 0.1))
        report.set("timedWaitElapsed", MonotonicClock.nowSeconds() - started)
        report.set("lockHeldAfterWait", lock.isOwnedByCurrentProcess)
        try condition.release()

        // notify_all wakes every waiter.
        let flag = try SharedInt64(in: region, initialValue: 0)
        var sleepers: [ChildProcess] = []
        for _ in 0..<3 {
            sleepers.append(try ChildProcess.fork {
                guard (try? condition.acquire()) == true else { return 2 }
                let woke = (try? condition.wait(timeout: 5) { flag.value == 1 }) ?? false
                try? condition.release()
                return woke ? 0 : 1
            })
        }
        MonotonicClock.sleep(seconds: 0.1)
        _ = try condition.acquire()
        flag.value = 1
        try condition.notifyAll()
        try condition.release()
        report.set("notifyAllOk", try sleepers.map { try $0.wait() ?? .exited(-1) }.allSatisfy(\.isSuccess))
        return report
    }
}
