import ProcessRuntime
import PythonEngine
#if canImport(Glibc)
import Glibc
#endif

/// What `grader run` sets up around a program so its `multiprocessing` behaves as under
/// `python3` on Linux, within limits: the process budget (`start()` past the cap raises), the
/// start method, the run record (`--trace json`), and cleanup: this process becomes the
/// subreaper of everything the program starts, and at the end every descendant still alive is
/// killed and reaped, so no process is left behind.
final class RunSupervisor {
    let trace: MultiprocessingTrace?
    let budget: ProcessBudget
    let stdout: OutputSink
    let stderr: OutputSink
    let registry: ModuleRegistry
    let startMethod: String
    private let region: SharedMemoryRegion

    init(startMethod: String, maxProcesses: Int, tracing: Bool) throws {
        region = try SharedMemoryRegion(size: max(1 << 16, maxProcesses * 64 + 4096))
        budget = try ProcessBudget(in: region, limit: maxProcesses)
        let trace = tracing ? try MultiprocessingTrace() : nil
        self.trace = trace
        self.startMethod = startMethod
        stdout = OutputSink(.fileDescriptor(1))
        stderr = OutputSink(.fileDescriptor(2))
        if let trace {
            trace.observeOutput(of: stdout, stream: "stdout")
            trace.observeOutput(of: stderr, stream: "stderr")
            trace.record([
                ("event", .string("process_start")), ("pid", .int(Int(getpid()))), ("parent", .int(Int(getppid()))),
                ("name", .string("MainProcess")), ("kind", .string("main")), ("start_method", .string(startMethod)),
                ("exitcode", .null), ("time", .double(RunSupervisor.now())),
            ])
        }
        registry = ModuleRegistry.standard.registeringMultiprocessing(
            MultiprocessingConfiguration(startMethod: startMethod, budget: budget, trace: trace))
        // Orphaned grandchildren come back to this process instead of init, so cleanup finds them.
        try? Subreaper.enable()
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Kills and reaps every descendant still alive (a daemon's own children, a process the
    /// program never joined), then returns how many there were.
    @discardableResult
    func cleanUp() -> Int {
        var killed = 0
        for _ in 0..<100 {
            Subreaper.reapEnded()
            // Every child of this process is the program's: with none left (the kernel says so,
            // `ECHILD`), there is nothing to look for in `/proc`.
            if !Subreaper.hasChildren() { break }
            let survivors = ProcessTable.members(ofGroup: nil, orChildrenOf: getpid())
            if survivors.isEmpty { break }
            for s in survivors {
                Glibc.kill(s.pid, SIGKILL)
                killed += 1
            }
            var status: Int32 = 0
            for s in survivors { _ = waitpid(s.pid, &status, 0) }
        }
        return killed
    }

    /// The record of the run as one JSON document: every event in the order it was written.
    func traceDocument(exitStatus: Int32, leftBehind: Int) -> String? {
        guard let trace else { return nil }
        trace.record([
            ("event", .string("process_exit")), ("pid", .int(Int(getpid()))), ("parent", .int(Int(getppid()))),
            ("name", .string("MainProcess")), ("kind", .string("main")), ("start_method", .string(startMethod)),
            ("exitcode", .int(Int(exitStatus))), ("time", .double(RunSupervisor.now())),
        ])
        let events = trace.lines().joined(separator: ",\n    ")
        return """
            {
              "start_method": "\(startMethod)",
              "exit_status": \(exitStatus),
              "processes_started": \(budget.startedCount),
              "processes_refused": \(budget.refusedCount),
              "processes_killed_at_exit": \(leftBehind),
              "events": [
                \(events)
              ]
            }

            """
    }
}
