#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ProcessRuntime

@Suite struct ForkSafetyTests {
    /// The test runner is multithreaded, so the guarded fork must refuse here; this is the one
    /// place the test process calls fork, and only after confirming it is threaded.
    @Test func forkIsRefusedInAThreadedProcess() throws {
        let threads = try ThreadCheck.threadCount()
        try #require(threads > 1, "the test runner was expected to be multithreaded")
        do {
            _ = try Fork.fork()
            Issue.record("fork was allowed in a process with \(threads) threads")
        } catch let ForkError.multipleThreads(count) {
            #expect(count > 1)
            #expect(ForkError.multipleThreads(count).description.contains("refusing to fork"))
        }
    }

    @Test func childProcessAndSandboxRefuseToo() throws {
        try #require(try ThreadCheck.threadCount() > 1)
        #expect(throws: ForkError.self) { _ = try ChildProcess.fork { 0 } }
        // A refused fork gives its budget slot back.
        let region = try SharedMemoryRegion(size: 4096)
        let budget = try ProcessBudget(in: region, limit: 4)
        #expect(throws: ForkError.self) { _ = try ChildProcess.fork(budget: budget) { 0 } }
        #expect(budget.startedCount == 0)
        #expect(throws: ForkError.self) { _ = try Sandbox().run { _ in 0 } }
    }

    @Test func probeIsSingleThreadedAndMayFork() throws {
        let report = try ProbeRunner.run(["threads"])
        #expect(report.int("threads") == 1)
        #expect(report.bool("forkAllowed") == true)
    }
}
