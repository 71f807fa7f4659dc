import ProcessRuntime
import PythonEngine

/// One run of a Python source, by any of the three runners.
struct RunResult: Sendable {
    var exitStatus: Int32
    var seconds: Double
    /// The sandboxed child's memory at the end of the run (in-process engine only).
    var memory: MemoryNow?
    var stdout: String
    var stderr: String

    /// The engine refused an import reserved for a later layer (multiprocessing before the bridge
    /// lands). Such cases are reported as "engine: unsupported yet" and not timed; once the module
    /// is registered the message disappears and the case is timed without any change here.
    var isUnsupportedYet: Bool { stderr.contains("not available in this engine yet") }
}

/// The engine inside a forked `Sandbox`, as the batch grader runs a cell: one fresh child per
/// run, output through pipes, limits applied. Requires this process to be single-threaded.
struct InProcessEngine {
    var limits = SandboxLimits(wallClockSeconds: 60, cpuSeconds: 60)
    /// Built once, before any fork, as the grade worker does (`EngineSessionFactory`): each
    /// sandboxed run starts from it.
    let prepared = PreparedEngine()

    func run(source: String, fileName: String) throws -> RunResult {
        let started = Clock.now()
        let outcome = try Sandbox(limits: limits).run { context in
            // As the batch grader runs a cell: multiprocessing on real processes, forks counted
            // against the sandbox's process budget.
            let runtime = prepared.makeRuntime(configuration: MultiprocessingConfiguration(startMethod: "fork", budget: context.budget))
            let result = runtime.run(source: source, fileName: fileName)
            runtime.flush()
            // The child's memory before it exits, sent back as a record.
            if let memory = MemoryNow.read() { try? context.send(record: memory.record) }
            return result.exitStatus
        }
        let memory = outcome.records.last.flatMap { MemoryNow(record: $0) }
        // The child's reading of its own memory is the benchmark's cost, not the engine's.
        let seconds = Clock.now() - started - (memory?.readSeconds ?? 0)
        let exit: Int32
        switch outcome.exitStatus {
        case .exited(let code)?: exit = Int32(code)
        default: exit = -1
        }
        return RunResult(exitStatus: exit, seconds: seconds, memory: memory,
                         stdout: outcome.stdoutText, stderr: outcome.stderrText + statusNote(outcome))
    }

    private func statusNote(_ outcome: SandboxOutcome) -> String {
        switch outcome.status {
        case .ok, .error: return ""
        default: break
        }
        return "\n[sandbox: \(outcome.status)]"
    }
}

/// A program run as a subprocess on a file: `python3 -I FILE.py`, or the engine's
/// `grader run FILE.py` (or this executable's `run` mode, the same code, when no release
/// `grader` is built next to it).
struct ScriptRunner {
    let label: String
    let executable: String
    let prefixArguments: [String]
    let subprocess: Subprocess

    func run(file: String) throws -> RunResult {
        let r = try subprocess.run(executable, prefixArguments + [file])
        return RunResult(exitStatus: r.exitStatus, seconds: r.seconds, memory: nil, stdout: r.stdout, stderr: r.stderr)
    }

    /// Peak RSS of one run, or nil without GNU time.
    func peakRSS(file: String) -> Int? {
        subprocess.peakRSS(executable, prefixArguments + [file])
    }
}
