#if canImport(Glibc)
import Glibc
#endif
import PythonEngine

// grader-bench: the engine, the process layer and the pipeline against CPython, on this
// machine, in one run. See BENCHMARKS.md. The process stays single-threaded throughout (no
// Foundation `Process`, no Dispatch): `Sandbox` and `ChildProcess.fork` refuse threaded callers.

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileOutput.stderr("\(error)\n")
    exit(64)
}

if let file = options.runFile {
    // Same as `grader run FILE.py` (RunCommand) minus argument parsing.
    guard let source = TextFile.read(file) else {
        FileOutput.stderr("grader-bench run: can't open file '\(file)'\n")
        exit(2)
    }
    let path = realpath(file, nil).map { p -> String in defer { free(p) }; return String(cString: p) } ?? file
    let runtime = PythonRuntime()
    let outcome = runtime.run(source: source, fileName: path, scriptArgument: file)
    runtime.flush()
    exit(outcome.exitStatus)
}

do {
    var bench = try Bench(options: options)
    defer { bench.removeScratch() }
    try bench.runAll()
    try bench.emit()
} catch {
    FileOutput.stderr("grader-bench: \(error)\n")
    exit(1)
}
