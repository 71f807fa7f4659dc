#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ProcessRuntime

/// The elastic pool: the growth rule on made-up counts, the runnable-process count on real
/// processes, and a pool of sleeping workers that grows while a pinned one does not.
@Suite struct WorkerPoolGrowthTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func governor(cores: Int = 2, max: Int = 6, base: Int = 2, window: Int = 2) -> GrowthGovernor {
        GrowthGovernor(growth: WorkerPool.Growth(cores: cores, maxWorkers: max, window: window), baseSize: base)
    }

    @Test func growsOnlyOnAFullWindowOfIdleCores() {
        var rule = governor()
        // One count is not a window.
        #expect(rule.record(runnable: 0, workers: 2, canGrow: true, memoryAvailable: nil) == .hold)
        #expect(rule.record(runnable: 1, workers: 2, canGrow: true, memoryAvailable: nil) == .grow)
        // The window starts again after a change: one idle count alone decides nothing.
        #expect(rule.record(runnable: 0, workers: 3, canGrow: true, memoryAvailable: nil) == .hold)
        // Then it slides: (0, 2) averages 1 core idle of 2, half a core or more: grow.
        #expect(rule.record(runnable: 2, workers: 3, canGrow: true, memoryAvailable: nil) == .grow)
        // Cores busy on average (2, 2): hold, however long it lasts.
        #expect(rule.record(runnable: 2, workers: 4, canGrow: true, memoryAvailable: nil) == .hold)
        #expect(rule.record(runnable: 2, workers: 4, canGrow: true, memoryAvailable: nil) == .hold)
        #expect(rule.record(runnable: 2, workers: 4, canGrow: true, memoryAvailable: nil) == .hold)
    }

    @Test func neverGrowsWithoutWaitingJobsPastTheCapOrTheMemory() {
        var idleWorkers = governor()
        _ = idleWorkers.record(runnable: 0, workers: 2, canGrow: false, memoryAvailable: nil)
        #expect(idleWorkers.record(runnable: 0, workers: 2, canGrow: false, memoryAvailable: nil) == .hold)

        var atCap = governor(max: 3)
        _ = atCap.record(runnable: 0, workers: 3, canGrow: true, memoryAvailable: nil)
        #expect(atCap.record(runnable: 0, workers: 3, canGrow: true, memoryAvailable: nil) == .hold)

        var lowMemory = governor()
        _ = lowMemory.record(runnable: 0, workers: 2, canGrow: true, memoryAvailable: 300 << 20)
        #expect(lowMemory.record(runnable: 0, workers: 2, canGrow: true, memoryAvailable: 300 << 20) == .hold)
        #expect(lowMemory.record(runnable: 0, workers: 2, canGrow: true, memoryAvailable: 8 << 30) == .grow)
    }

    @Test func shrinksWhenWorkersWantMoreThanTheCoresButNotBelowTheBase() {
        var extra = governor()
        _ = extra.record(runnable: 3, workers: 3, canGrow: true, memoryAvailable: nil)
        #expect(extra.record(runnable: 3, workers: 3, canGrow: true, memoryAvailable: nil) == .shrink)

        var base = governor()
        _ = base.record(runnable: 5, workers: 2, canGrow: true, memoryAvailable: nil)
        #expect(base.record(runnable: 5, workers: 2, canGrow: true, memoryAvailable: nil) == .hold)
    }

    @Test func runnableCountSeesComputingAndSleepingProcesses() throws {
        #expect(ProcessTreeActivity.isAvailable)
        // This test process is running while it counts itself.
        #expect(ProcessTreeActivity.runnableCount(root: getpid()) >= 1)
        let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { close(devNull) }
        let pid = try ProcessSpawner.spawn(
            executable: "/bin/sleep", arguments: ["30"],
            standardInput: FileDescriptor(rawValue: devNull), standardOutput: FileDescriptor(rawValue: devNull)
        )
        let child = ChildProcess(pid: pid)
        defer {
            try? child.kill()
            _ = try? child.wait(timeout: 5)
        }
        // Once `sleep` has started it sleeps; give it a moment to get there.
        var count = -1
        for _ in 0..<200 {
            count = ProcessTreeActivity.runnableCount(root: pid)
            if count == 0 { break }
            MonotonicClock.sleep(seconds: 0.01)
        }
        #expect(count == 0)
        #expect(ProcessTreeActivity.runnableCount(root: 999_999_999) == 0)
        #expect((AvailableMemory.bytes() ?? 0) > 0)
    }

    /// Sleeping jobs on a one-core pool of one: the pool adds workers, and every job still gets
    /// its own result in order.
    @Test func sleepingWorkersMakeThePoolGrow() {
        let growth = WorkerPool.Growth(cores: 1, maxWorkers: 4, sampleInterval: 0.02, window: 2)
        let pool = WorkerPool(.init(executable: ProbeRunner.probePath, arguments: ["worker"], size: 1, jobTimeout: 20, growth: growth))
        defer { pool.shutdown() }
        let results = pool.run((0..<6).map { _ in bytes("sleep:0.5") })
        #expect(results.allSatisfy { (try? $0.get()) == bytes("slept") })
        #expect(pool.grown >= 1)
        #expect(pool.peakWorkers >= 2 && pool.peakWorkers <= 4)
        #expect(pool.restarts == 0)
    }

    @Test func pinnedPoolNeverGrows() {
        let pool = WorkerPool(.init(executable: ProbeRunner.probePath, arguments: ["worker"], size: 1, jobTimeout: 20))
        defer { pool.shutdown() }
        let results = pool.run((0..<3).map { _ in bytes("sleep:0.2") })
        #expect(results.allSatisfy { (try? $0.get()) == bytes("slept") })
        #expect(pool.grown == 0)
        #expect(pool.peakWorkers == 1)
    }
}
