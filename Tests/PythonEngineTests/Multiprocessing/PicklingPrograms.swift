import Testing
@testable import PythonEngine

/// Suites that pickle the globals of a small program run in this process (nothing forks).
protocol PicklingPrograms {}

extension PicklingPrograms {
    /// Runs `source` in a fresh runtime with captured output and returns it, so the test can
    /// pickle its globals.
    func program(_ source: String) -> PythonRuntime {
        let runtime = PythonRuntime(stdout: OutputSink(.capture), stderr: OutputSink(.capture))
        _ = runtime.run(source: source, fileName: "/tmp/pickling.py")
        return runtime
    }

    func global(_ runtime: PythonRuntime, _ name: String) throws -> PyObject {
        try #require(runtime.interpreter.mainGlobals.values[name])
    }
}
