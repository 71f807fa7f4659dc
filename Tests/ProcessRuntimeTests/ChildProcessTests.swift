#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ProcessRuntime

@Suite struct ChildProcessTests {
    @Test func exitCodesFollowPythonConvention() throws {
        let report = try ProbeRunner.run(["exit-codes"])
        // exit(0), exit(3), raise(SIGKILL), terminate() -> SIGTERM, kill() -> SIGKILL
        #expect(report.ints("exitCodes") == [0, 3, -9, -15, -9])
        #expect(report.bool("waitTimeoutReturnedNil") == true)
        #expect(report.bool("aliveBeforeTerminate") == true)
        #expect(report.bool("aliveAfterTerminate") == false)
        #expect(report.int("secondWait") == 3)
        #expect(report.string("description") == "killed by signal 9 (SIGKILL)")
    }

    /// Four children each sleeping 0.3 s must overlap: a behaviour check that they really run at
    /// once, with a generous bound (sequential would be 1.2 s).
    @Test func childrenRunConcurrently() throws {
        let report = try ProbeRunner.run(["concurrency"])
        #expect(report.bool("allOk") == true)
        let elapsed = try #require(report.double("elapsed"))
        #expect(elapsed >= 0.3)
        #expect(elapsed < 1.0)
    }

    @Test func exitStatusDecoding() {
        #expect(ExitStatus(waitStatus: 0) == .exited(0))
        #expect(ExitStatus(waitStatus: 3 << 8) == .exited(3))
        #expect(ExitStatus(waitStatus: SIGKILL) == .signalled(SIGKILL))
        #expect(ExitStatus.signalled(SIGTERM).pythonExitCode == -15)
        #expect(ExitStatus.exited(1).pythonExitCode == 1)
    }

    @Test func processTableSeesThisProcess() throws {
        let me = try #require(ProcessTable.info(pid: getpid()))
        #expect(me.pid == getpid())
        #expect(me.parentPID == getppid())
        #expect(me.processGroup == getpgrp())
        #expect(ProcessTable.snapshot().contains { $0.pid == getpid() })
    }
}
