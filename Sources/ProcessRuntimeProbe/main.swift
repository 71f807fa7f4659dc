// A single-threaded helper for ProcessRuntimeTests. The test runner is multithreaded and must not
// fork, so each test spawns this probe with a scenario name; the probe exercises the process
// layer for real (fork, pipes, shared memory, sandbox) and prints one JSON object with what it
// observed. `worker` mode serves WorkerServer requests instead.
#if canImport(Glibc)
import Glibc
#endif
import ProcessRuntime

// Start from default signal handling: a test runner may spawn us with signals blocked (which
// would make terminate() and kill-on-timeout scenarios hang), and forked children inherit that.
ChildSide.resetSignalDispositions()

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: ProcessRuntimeProbe SCENARIO [ARGS...]; scenarios: \(Scenarios.names.joined(separator: ", "))")
    exit(64)
}

if arguments[1] == "worker" {
    exit(WorkerMode.serve())
}

do {
    let report = try Scenarios.run(arguments[1], Array(arguments.dropFirst(2)))
    print(report.json)
    exit(0)
} catch {
    var report = Report()
    report.set("error", String(describing: error))
    print(report.json)
    exit(1)
}
