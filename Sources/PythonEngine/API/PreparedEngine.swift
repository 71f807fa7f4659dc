/// What every run of the engine builds the same way, built once by a fork server (the grade
/// worker, the benchmark) before it forks the processes that run code, so that each forked run
/// starts from a copy of it instead of building it again.
///
/// Two kinds of work move out of the per-run path:
/// - process-wide one-time work the first interpreter of a process triggers: the standard
///   module registry, the builtin types' method tables, the exception classes, the Swift
///   runtime's type metadata for the interpreter's own types (≈ 3 M instructions, the bulk of
///   an empty script's cost in a freshly forked child). A warm-up program run here, in a
///   scratch interpreter with captured output, does all of it;
/// - the `multiprocessing` module with every class table of the bridge (≈ 10 M instructions),
///   built once and adopted by the first interpreter of each forked run
///   (`PreparedMultiprocessing`).
///
/// Nothing of the warm-up is visible to a run: it uses its own interpreter, and the engine keeps
/// no other state between interpreters. Without a fork (tests, `grader run`) preparing gains
/// nothing: the first adoption uses the prepared module, later ones build their own.
///
/// ```swift
/// let prepared = PreparedEngine()             // in the fork server, once
/// try Sandbox(limits: limits).run { context in  // in each forked run
///     let registry = prepared.registry(for: MultiprocessingConfiguration(budget: context.budget))
///     let runtime = PythonRuntime(registry: registry)
///     ...
/// }
/// ```
public final class PreparedEngine: @unchecked Sendable {
    // @unchecked: built and then only read by the fork server's one thread; each forked process
    // mutates its own copy (adoption), never the fork server's.
    let multiprocessing: PreparedMultiprocessing?

    public init() {
        let warmUp = PythonRuntime(stdout: OutputSink(.capture), stderr: OutputSink(.capture), registry: .standard)
        _ = warmUp.run(source: Self.warmUpProgram, fileName: "<warm-up>")
        multiprocessing = PreparedMultiprocessing()
    }

    /// The standard registry with `multiprocessing` for `configuration` (the run's process
    /// budget and trace), adopting the prepared module on first import.
    public func registry(for configuration: MultiprocessingConfiguration) -> ModuleRegistry {
        ModuleRegistry.standard.registeringMultiprocessing(configuration, prepared: self)
    }

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
