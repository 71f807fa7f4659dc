#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ProcessRuntime

/// Each sandbox scenario runs in the probe; after it, neither the probe (which scans `/proc` for
/// its group, its children and every pid the run reported) nor this process may find a process
/// of the run.
@Suite struct SandboxTests {
    func runSandbox(_ kind: String) throws -> [String: Any] {
        let report = try ProbeRunner.run(["sandbox", kind])
        #expect(report.int("survivors") == 0, "sandbox reported survivors")
        #expect(report.ints("leftovers") == [], "processes left behind: \(report["leftovers"] ?? "")")
        if let group = report.int("mainPID") {
            let stragglers = ProcessTable.snapshot().filter { $0.processGroup == Int32(group) }
            #expect(stragglers.isEmpty, "processes still in group \(group): \(stragglers)")
        }
        return report
    }

    @Test func capturesOutputOfEveryProcessAndRecords() throws {
        let report = try runSandbox("ok")
        #expect(report.string("status") == "ok")
        let stdout = try #require(report.string("stdout"))
        let lines = Set(stdout.split(separator: "\n").map(String.init))
        #expect(lines == ["main says hi", "child 0", "child 1", "grandchild of 0", "grandchild of 1"])
        #expect(report.string("stderr") == "main warns\n")
        #expect(report.int("processes") == 4)
        #expect(report.int("processesStarted") == 4)
        let records = try #require(report.strings("records"))
        #expect(records.count == 3)
        #expect(records.filter { $0.contains("\"role\":\"child\"") }.count == 2)
        #expect(report.bool("truncated") == false)
    }

    @Test func nonZeroExitIsAnError() throws {
        let report = try runSandbox("error")
        #expect(report.string("status") == "error")
        #expect(report.int("exitCode") == 3)
        #expect(report.string("stderr") == "Traceback (most recent call last):\n")
    }

    @Test func endlessLoopTimesOut() throws {
        let report = try runSandbox("timeout")
        #expect(report.string("status") == "timeout")
        #expect((report.double("wallTime") ?? 0) >= 0.5)
        #expect(report.int("processes") == 1)
    }

    @Test func printFloodStopsAtTheOutputCap() throws {
        let report = try runSandbox("output")
        #expect(report.string("status") == "limit")
        #expect(report.string("limit") == "output")
        #expect(report.bool("truncated") == true)
        #expect(report.int("outputBytes") == 64 * 1024)
    }

    @Test func forkBombStopsAtTheProcessCap() throws {
        let report = try runSandbox("forkbomb")
        #expect(report.string("status") == "limit")
        #expect(report.string("limit") == "processes")
        #expect(report.int("processesStarted") == 32)
        #expect((report.int("processes") ?? 0) <= 32)
        #expect((report.int("processesRefused") ?? 0) >= 1)
        #expect(report.string("stderr")?.contains("process limit reached: this run may start at most 32 processes") == true)
    }

    @Test func cpuLimitStopsABusyLoop() throws {
        let report = try runSandbox("cpu")
        #expect(report.string("status") == "limit")
        #expect(report.string("limit") == "cpuTime")
        #expect(report.string("statusDescription") == "stopped: CPU time limit exceeded")
    }

    @Test func fileWritesAreBlockedByTheFileSizeLimit() throws {
        let report = try runSandbox("fsize")
        #expect(report.string("stdout") == "write failed: File too large\n")
        #expect(report.int("fileSize") == 0)
        #expect(report.string("status") == "error")
    }

    @Test func addressSpaceLimitRefusesLargeAllocations() throws {
        let report = try runSandbox("memory")
        #expect(report.string("stdout") == "allocation refused: Cannot allocate memory\n")
        #expect(report.string("status") == "error")
    }

    @Test func orphansAndEscapedProcessesAreKilled() throws {
        let report = try runSandbox("orphans")
        #expect(report.string("status") == "ok")
        // The orphaned grandchild and the child that called setsid() both reported their pids;
        // runSandbox checked that neither exists any more.
        #expect(report.strings("records")?.count == 2)
    }

    /// A fork server runs many cells in a row: no descriptor, child or zombie may pile up.
    @Test func repeatedRunsLeakNothing() throws {
        let report = try ProbeRunner.run(["sandbox-repeat"])
        #expect(report.strings("statuses") == ["error", "ok"])
        #expect(report["badOutput"] == nil)
        #expect(report.int("descriptorsAfter") == report.int("descriptorsBefore"))
        #expect(report.int("children") == 0)
    }

    @Test func statusWordsMatchTheContract() {
        #expect(SandboxStatus.ok.name == "ok")
        #expect(SandboxStatus.error(exitCode: 1).name == "error")
        #expect(SandboxStatus.timeout.name == "timeout")
        #expect(SandboxStatus.limit(.output).name == "limit")
    }
}
