import ProcessRuntime
import PythonEngine
import Reports

/// The engine inside the sandboxed child: one `PythonRuntime` whose globals persist from cell to
/// cell, output captured per cell (and capped at the sandbox's output limit).
public struct EngineSessionFactory: CellSessionFactory {
    public init() {}

    public func makeSession(context: SandboxContext) -> any CellSession {
        EngineCellSession(context: context)
    }
}

struct EngineCellSession: CellSession {
    let runtime: PythonRuntime
    let stdout: OutputSink
    let stderr: OutputSink
    let mainPID: Int32
    var stdoutOffset = 0
    var stderrOffset = 0

    init(context: SandboxContext) {
        stdout = OutputSink(.capture)
        stderr = OutputSink(.capture)
        runtime = PythonRuntime(stdout: stdout, stderr: stderr, limits: ExecutionLimits(maxOutputBytes: context.limits.maxOutputBytes))
        mainPID = context.mainPID
    }

    mutating func run(cell: String, index: Int) -> ExecutionRecord {
        let outcome = runtime.runCell(cell, cellName: "<cell \(index + 1)>")
        let out = Array(stdout.captured.dropFirst(stdoutOffset))
        let err = Array(stderr.captured.dropFirst(stderrOffset))
        stdoutOffset = stdout.captured.count
        stderrOffset = stderr.captured.count
        var record = ExecutionRecord(status: .ok, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self), mainPID: mainPID)
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
