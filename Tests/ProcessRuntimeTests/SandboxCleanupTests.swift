import Testing
@testable import ProcessRuntime

/// The sandbox's two cleanup paths. The quick one (the caller had no children: the kernel proves
/// the run left nothing) is what every scenario of `SandboxTests` takes, `orphans` included
/// (its escaped child sends it on to the scan). The thorough one runs when the caller has
/// children of its own, which the run must not touch.
@Suite struct SandboxCleanupTests {
    @Test func runBesideTheCallersOwnChildCleansUpOnlyTheRun() throws {
        let report = try ProbeRunner.run(["sandbox-beside-children"])
        #expect(report.string("status") == "ok")
        #expect(report.string("stdout") == "main done\n")
        #expect(report.int("recorded") == 2, "the orphan and the escaped child report their pids")
        #expect(report.int("survivors") == 0)
        #expect(report.ints("leftovers") == [], "processes left behind: \(report["leftovers"] ?? "")")
        #expect(report.bool("ownChildAlive") == true, "the caller's own child was killed or reaped")
    }
}
