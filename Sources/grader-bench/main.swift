#if canImport(Glibc)
import Glibc
#endif
import ProcessRuntime
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
    // A process budget as `grader run` sets one up (without its subreaper cleanup and trace:
    // the benchmark prefers a release `grader` next to it and uses this only without one).
    // The region outlives the run: the budget lives in it.
    let region = try? SharedMemoryRegion(size: 1 << 16)
    let budget = region.flatMap { try? ProcessBudget(in: $0, limit: 32) }
    let registry = ModuleRegistry.standard.registeringMultiprocessing(
        MultiprocessingConfiguration(startMethod: "fork", budget: budget))
    let runtime = PythonRuntime(registry: registry)
    let outcome = runtime.run(source: source, fileName: path, scriptArgument: file)
    runtime.flush()
    withExtendedLifetime(region) {}
    exit(outcome.exitStatus)
}

if let file = options.sandboxFile {
    guard let source = TextFile.read(file) else {
        FileOutput.stderr("grader-bench sandbox: can't open file '\(file)'\n")
        exit(2)
    }
    do {
        var engine = InProcessEngine()
        if options.sandboxForValgrind {
            engine.limits.allowFileWrites = true
            engine.limits.maxOpenFiles = nil
        }
        var times: [Double] = []
        for round in 0..<options.sandboxRepeats {
            let result = try engine.run(source: source, fileName: file)
            if round == 0 { print(result.stdout, terminator: ""); FileOutput.stderr(result.stderr) }
            times.append(result.seconds)
        }
        let sorted = times.sorted()
        func ms(_ seconds: Double) -> String { String(Double(Int(seconds * 1e5)) / 100) }
        print("ms: " + times.map(ms).joined(separator: " "))
        print("median \(ms(sorted[sorted.count / 2])) ms, min \(ms(sorted[0])) ms")
    } catch {
        FileOutput.stderr("grader-bench sandbox: \(error)\n")
        exit(1)
    }
    exit(0)
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
