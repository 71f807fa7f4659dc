import Foundation
import ProcessRuntime
import PythonEngine
import Reports

/// The engine inside the sandboxed child: one `PythonRuntime` whose globals persist from cell to
/// cell, with `multiprocessing` on real processes under the sandbox's process budget.
///
/// Output goes to the sandbox's pipes (so a forked child's prints are kept, and a flood is cut
/// by the sandbox), and the engine's run record (`MultiprocessingTrace`: every process, pool
/// task, and which process wrote which line) is read back after each cell to fill in that
/// cell's `ExecutionRecord`.
public struct EngineSessionFactory: CellSessionFactory {
    /// Built in the sandbox worker (the fork server) before its first run is forked, on
    /// `prepareForForking`: each run's engine starts from it instead of building its tables
    /// again. Not at `init`: the orchestrator makes a factory too and never runs a cell.
    let prepared = PreparedEngineSlot()

    public init() {}

    public func prepareForForking() { _ = prepared.engine }

    public func makeSession(context: SandboxContext) -> any CellSession {
        EngineCellSession(context: context, prepared: prepared.engine)
    }

    /// The trace events of a cell, read into its record: processes, pools, and its output with
    /// the process that wrote each line (the output the events carry replaces what the cell's
    /// main process could see, which misses its children's prints).
    public func merge(events: [[UInt8]], into record: ExecutionRecord) -> ExecutionRecord {
        guard !events.isEmpty, let pid = record.mainPID else { return record }
        let traced = TraceReader.record(events: events.map { String(decoding: $0, as: UTF8.self) }, mainPID: pid)
        var merged = record
        if !traced.lines.isEmpty || !traced.stdout.isEmpty { merged.stdout = traced.stdout }
        if !traced.stderr.isEmpty && merged.stderr.isEmpty { merged.stderr = traced.stderr }
        merged.lines = traced.lines
        merged.processes = traced.processes
        merged.pools = traced.pools
        return merged
    }
}

/// The `PreparedEngine` of one factory, built on first use. Only the fork server's one thread
/// touches it (`prepareForForking`, then the forked children's copies), hence unchecked.
final class PreparedEngineSlot: @unchecked Sendable {
    /// Built for the limits the cells will have unless a caller changes the output cap
    /// (`EngineCellSession` asks for these; other limits get a freshly built interpreter).
    lazy var engine = PreparedEngine(limits: EngineCellSession.limits(maxOutputBytes: SandboxLimits().maxOutputBytes))
}

struct EngineCellSession: CellSession {
    let runtime: PythonRuntime
    let trace: MultiprocessingTrace
    let stdout: OutputSink
    let stderr: OutputSink
    let mainPID: Int32

    init(context: SandboxContext, prepared: PreparedEngine) {
        // Events go over the sandbox's side channel (no file can be written in the sandbox),
        // from whichever process of the run records them; `merge` reads them back per cell.
        let trace = MultiprocessingTrace(recordHandler: { line in try? context.send(record: line) })
        runtime = prepared.makeRuntime(limits: Self.limits(maxOutputBytes: context.limits.maxOutputBytes),
                                       configuration: MultiprocessingConfiguration(startMethod: "fork", budget: context.budget, trace: trace))
        // Output goes to descriptors 1 and 2 (the sandbox's pipes), each line also recorded
        // with the process that wrote it.
        stdout = runtime.interpreter.stdout
        stderr = runtime.interpreter.stderr
        trace.observeOutput(of: stdout, stream: "stdout")
        trace.observeOutput(of: stderr, stream: "stderr")
        self.trace = trace
        mainPID = context.mainPID
    }

    static func limits(maxOutputBytes: Int) -> ExecutionLimits {
        ExecutionLimits(maxOutputBytes: maxOutputBytes)
    }

    mutating func run(cell: String, index: Int, isLast: Bool) -> ExecutionRecord {
        let outcome = runtime.runCell(cell, cellName: "<cell \(index + 1)>")
        runtime.traceOpenPools()
        if isLast { runtime.finishProcesses() }
        runtime.flush()
        // The main process's own output; `merge` replaces it with the traced output of every
        // process when events arrived.
        var record = ExecutionRecord(status: .ok, mainPID: mainPID)
        if let limit = outcome.limitExceeded {
            record.status = .limit
            record.limitMessage = limit
        } else if let exception = outcome.uncaughtException {
            record.status = exception.typeName == "PermissionError" ? .blocked : .error
            record.exception = RaisedException(type: exception.typeName, message: exception.message, line: exception.line)
        } else if outcome.exitStatus != 0 {
            record.status = .error
            record.exception = RaisedException(type: "SystemExit", message: "\(outcome.exitStatus)")
        }
        return record
    }
}

/// Turns the engine's trace events (JSON lines) into an `ExecutionRecord`.
enum TraceReader {
    struct Event: Decodable {
        var event: String
        var pid: Int32?
        var parent: Int32?
        var name: String?
        var kind: String?
        var exitcode: Int32?
        var stream: String?
        var text: String?
        var items: Int?
        var outcome: String?
    }

    static func record(events lines: [String], mainPID: Int32) -> ExecutionRecord {
        let decoder = JSONDecoder()
        let events = lines.compactMap { try? decoder.decode(Event.self, from: Data($0.utf8)) }
        var record = ExecutionRecord(status: .ok, mainPID: mainPID)
        var processIndex: [Int32: Int] = [:]
        var poolWorkers = 0
        var tasksRun = 0
        var sawPool = false
        for event in events {
            switch event.event {
            case "output":
                guard let pid = event.pid, let text = event.text else { continue }
                if event.stream == "stderr" {
                    record.stderr += text + "\n"
                } else {
                    record.stdout += text + "\n"
                    record.lines.append(OutputLine(pid: pid, text: text))
                }
            case "process_start", "process_exit", "pool_worker":
                guard let pid = event.pid, pid != mainPID else { continue }
                if event.event == "pool_worker" {
                    sawPool = true
                    poolWorkers += 1
                }
                let isWorker = event.event == "pool_worker" || event.kind == "pool worker"
                if let index = processIndex[pid] {
                    if let code = event.exitcode { record.processes[index].exitCode = code }
                    if isWorker { record.processes[index].poolWorker = true }
                } else {
                    processIndex[pid] = record.processes.count
                    record.processes.append(ProcessRecord(pid: pid, name: event.name ?? "process", parentPID: event.parent ?? mainPID, exitCode: event.exitcode, poolWorker: isWorker))
                }
            case "pool_task":
                sawPool = true
                if event.outcome == "ok" { tasksRun += event.items ?? 1 }
            default:
                continue
            }
        }
        if sawPool { record.pools = [PoolUsage(workers: poolWorkers, tasksRun: tasksRun)] }
        return record
    }
}
