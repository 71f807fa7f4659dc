#if canImport(Glibc)
import Glibc
#endif
import ProcessRuntime

extension Scenarios {
    /// A sandbox run in a process that already has a child of its own: the run's cleanup must
    /// take its thorough path (a `/proc` scan: the kernel's "no children" answer cannot tell
    /// whose a child is), kill and reap every process of the run, including one that escaped
    /// the group with `setsid` and an orphan, and leave the caller's child alone.
    static func sandboxBesideChildren() throws -> Report {
        var report = Report()
        let own = try ChildProcess.fork {
            MonotonicClock.sleep(seconds: 30)
            return 0
        }
        defer {
            try? own.kill()
            _ = try? own.wait()
        }
        let outcome = try Sandbox(limits: SandboxLimits(wallClockSeconds: 5)).run { context in
            forkOrphanAndEscapee(context)
            emit("main done\n")
            MonotonicClock.sleep(seconds: 0.2)
            return 0
        }
        report.set("status", outcome.status.name)
        report.set("stdout", outcome.stdoutText)
        report.set("survivors", outcome.survivors.count)
        report.set("mainPID", outcome.mainPID)
        let recorded = outcome.records.compactMap { Int32(String(decoding: $0, as: UTF8.self)) }
        report.set("recorded", recorded.count)
        let stillThere = (outcome.processes.map(\.pid) + recorded).filter { ProcessTable.info(pid: $0) != nil }
        let leftovers = ProcessTable.members(ofGroup: outcome.mainPID, orChildrenOf: getpid()).map(\.pid).filter { $0 != own.pid }
        report.set("leftovers", (stillThere + leftovers).map(Int.init))
        report.set("ownChildAlive", try own.tryWait() == nil)
        return report
    }
}
