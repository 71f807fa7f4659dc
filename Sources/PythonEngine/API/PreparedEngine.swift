import ProcessRuntime
#if canImport(Glibc)
import Glibc
#endif

/// What every run of the engine builds the same way, built once by a fork server (the grade
/// worker, the benchmark) before it forks the processes that run code, so that each forked run
/// starts from a copy of it instead of building it again.
///
/// Three kinds of work move out of the per-run path:
/// - process-wide one-time work the first interpreter of a process triggers: the standard
///   module registry, the builtin types' method tables, the exception classes, the Swift
///   runtime's type metadata for the interpreter's own types (≈ 3 M instructions, the bulk of
///   an empty script's cost in a freshly forked child). A warm-up program run here, in a
///   scratch interpreter with captured output, does all of it; in a single-threaded process a
///   second one also starts and joins one `Process` and one `Pool(1)`, for the process
///   layer's share (≈ 1.2 M instructions in a forked pool cell);
/// - the `multiprocessing` module with every class table of the bridge (≈ 10 M instructions),
///   built once and adopted by the first interpreter of each forked run
///   (`PreparedMultiprocessing`);
/// - one interpreter, built and never run (builtins, stack bounds: ≈ 0.5 M instructions and a
///   read of `/proc/self/maps`), which the first `makeRuntime` of each forked run takes over.
///
/// Nothing of the warm-up is visible to a run: it uses its own interpreter, and the engine keeps
/// no other state between interpreters. What a prepared piece was built with that must differ
/// per run is set when a run takes it: its process budget and trace, its pids, a fresh random
/// seed. Each piece is taken at most once per process (a forked run has its own copy); later
/// requests, or requests with other limits, get freshly built ones, as without preparation.
///
/// ```swift
/// let prepared = PreparedEngine()             // in the fork server, once
/// try Sandbox(limits: limits).run { context in  // in each forked run
///     let runtime = prepared.makeRuntime(configuration: MultiprocessingConfiguration(budget: context.budget))
///     ...
/// }
/// ```
public final class PreparedEngine: @unchecked Sendable {
    // @unchecked: built and then only read by the fork server's one thread; each forked process
    // mutates its own copy (taking the interpreter, adopting the module), never the fork
    // server's.
    let multiprocessing: PreparedMultiprocessing?
    /// The limits the prepared interpreter was built with; a runtime asked for with others is
    /// built fresh.
    private let limits: ExecutionLimits
    /// The run's `multiprocessing` configuration, for the prepared interpreter's registry
    /// (built before any run existed).
    private let slot = ConfigurationSlot()
    private var pristine: Interpreter?
    /// The thread the interpreter was built on: its stack bounds are that thread's, so only
    /// that thread (or, after a fork, its copy, the child's only thread) may run it.
    private let builtOn = pthread_self()

    public init(limits: ExecutionLimits = ExecutionLimits()) {
        let warmUp = PythonRuntime(stdout: OutputSink(.capture), stderr: OutputSink(.capture), registry: .standard)
        _ = warmUp.run(source: Self.warmUpProgram, fileName: "<warm-up>")
        if (try? ThreadCheck.threadCount()) == 1 {
            // Only a single-threaded process may fork (a threaded one would refuse anyway).
            let processes = PythonRuntime(stdout: OutputSink(.capture), stderr: OutputSink(.capture), registry: .standard)
            _ = processes.run(source: Self.processWarmUpProgram, fileName: "<warm-up>")
        }
        let multiprocessing = PreparedMultiprocessing()
        self.multiprocessing = multiprocessing
        self.limits = limits
        let registry = ModuleRegistry.standard.registeringMultiprocessing(
            configurationFrom: { [slot] in slot.configuration }, prepared: multiprocessing)
        pristine = Interpreter(stdout: OutputSink(.fileDescriptor(1)), stderr: OutputSink(.fileDescriptor(2)),
                               limits: limits, registry: registry)
    }

    /// A runtime for one run, writing to file descriptors 1 and 2 (as `PythonRuntime()` does),
    /// with `limits` and `multiprocessing` on `configuration` (the run's process budget and
    /// trace). The first call in each forked run takes over the prepared interpreter; its
    /// output sinks are `runtime.interpreter.stdout`/`.stderr`.
    public func makeRuntime(limits: ExecutionLimits = ExecutionLimits(),
                            configuration: MultiprocessingConfiguration) -> PythonRuntime {
        if let interpreter = pristine, pthread_equal(builtOn, pthread_self()) != 0, Self.same(limits, self.limits) {
            pristine = nil
            slot.configuration = configuration
            // Seeded when it was built, in the fork server: each run draws its own numbers.
            interpreter.randomState.seedFromSystem()
            interpreter.restartClock()
            return PythonRuntime(interpreter: interpreter)
        }
        return PythonRuntime(limits: limits, registry: registry(for: configuration))
    }

    /// The standard registry with `multiprocessing` for `configuration` (the run's process
    /// budget and trace), adopting the prepared module on first import.
    public func registry(for configuration: MultiprocessingConfiguration) -> ModuleRegistry {
        ModuleRegistry.standard.registeringMultiprocessing(configuration, prepared: self)
    }

    /// Field by field: a prepared interpreter is reused only for exactly the limits it has.
    /// (`PreparedEngineTests` counts the fields, so a limit added later fails a test until it is
    /// compared here; reflection would do it by itself but costs a forked child ≈ 4.7 M
    /// instructions of first-time runtime lookups.)
    static func same(_ a: ExecutionLimits, _ b: ExecutionLimits) -> Bool {
        a.maxSteps == b.maxSteps && a.timeout == b.timeout && a.maxOutputBytes == b.maxOutputBytes
    }

    /// One `Process` with a `Queue` and one `Pool`, started, used and joined: the first use of
    /// the process layer's generic types costs a forked run ≈ 1.2 M instructions of runtime
    /// type lookups (a pool cell's largest item after parsing) unless the fork server did it.
    /// Its processes are this process's children, all joined before `init` returns.
    static let processWarmUpProgram = """
        from multiprocessing import Pool, Process, Queue

        def square(x):
            return x * x

        if __name__ == "__main__":
            queue = Queue()
            process = Process(target=queue.put, args=(1,))
            process.start()
            queue.get()
            process.join()
            pool = Pool(1)
            pool.map(square, [1, 2])
            pool.apply_async(square, (3,)).get()
            pool.close()
            pool.join()
        """

    /// A small program touching what typical cells use (functions, classes, comprehensions,
    /// formatting, exceptions, printing), so the one-time work behind those paths is done.
    static let warmUpProgram = """
        import sys, os, time, math, random, functools, itertools, collections

        def scaled(n, *extra, factor=1, **named):
            return [i * factor for i in range(n)] + list(extra) + sorted(named)

        class Point:
            def __init__(self, x, y):
                self.x, self.y = x, y

            def __repr__(self):
                return f"Point({self.x!r}, {self.y:.1f})"

        total = 0
        for value in scaled(5, 1, factor=2, key=3):
            total += value if isinstance(value, int) else 0
        counts = {str(i): i * i for i in range(4)}
        pairs = list(zip(counts, (v for v in counts.values() if v % 2 == 0)))
        try:
            raise ValueError("warm-up")
        except ValueError as error:
            message = str(error)
        print(Point(total, 2), pairs, "%d %s" % (len(message), message), sep=", ")
        """
}

/// Where the prepared interpreter's `multiprocessing` finds its run's configuration.
final class ConfigurationSlot: @unchecked Sendable {
    var configuration = MultiprocessingConfiguration()
}
