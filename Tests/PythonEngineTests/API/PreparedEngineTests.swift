import Foundation
import Testing
@testable import PythonEngine

/// `PreparedEngine` in one process (the forked case, each run with its own copy, is covered by
/// GradingTests' `PreparedEngineGradingTests` through `grader grade`). Prepared runtimes write to
/// descriptors 1 and 2, so these programs check themselves with `assert` and report through
/// their exit status.
@Suite struct PreparedEngineTests {
    /// Runs `body` on a thread with a main-thread-sized stack (test-runner threads are small),
    /// as `EngineRun` does.
    func onLargeStack<T>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = 64 * 1024 * 1024
        thread.start()
        done.wait()
        return box.value!
    }

    static let checksItsOwnState = """
        import sys, os
        assert "multiprocessing" not in sys.modules
        import multiprocessing
        me = multiprocessing.current_process()
        assert me.name == "MainProcess" and me.pid == os.getpid(), (me.name, me.pid)
        assert multiprocessing.parent_process() is None
        assert multiprocessing.get_start_method() == "fork"
        assert multiprocessing.Process(target=print).name == "Process-1"
        assert multiprocessing.active_children() == []
        multiprocessing.set_start_method("spawn", force=True)
        assert multiprocessing.Process(target=print).name == "Process-2"
        assert type(multiprocessing.Queue()).__name__ == "Queue"
        assert multiprocessing.Value("i", 3).value == 3
        assert "multiprocessing" in sys.modules
        """

    @Test func eachRuntimeGetsItsOwnMultiprocessingState() {
        let (first, second, preparedTaken) = onLargeStack { () -> (Int32, Int32, Bool) in
            let engine = PreparedEngine()
            let a = engine.makeRuntime(configuration: MultiprocessingConfiguration())
            let first = a.run(source: Self.checksItsOwnState, fileName: "/tmp/first.py").exitStatus
            // The prepared interpreter and module went to the first runtime; the second is
            // built fresh and must not see the first one's changes.
            let b = engine.makeRuntime(configuration: MultiprocessingConfiguration())
            let second = b.run(source: Self.checksItsOwnState, fileName: "/tmp/second.py").exitStatus
            return (first, second, a.interpreter !== b.interpreter)
        }
        #expect(first == 0)
        #expect(second == 0)
        #expect(preparedTaken)
    }

    @Test func otherLimitsGetAFreshInterpreterWithThoseLimits() {
        let (stopped, preparedStillThere) = onLargeStack { () -> (String?, Bool) in
            let engine = PreparedEngine()
            let limited = engine.makeRuntime(limits: ExecutionLimits(maxSteps: 1_000), configuration: MultiprocessingConfiguration())
            let outcome = limited.run(source: "while True:\n    pass\n", fileName: "/tmp/loop.py")
            let next = engine.makeRuntime(configuration: MultiprocessingConfiguration())
            return (outcome.limitExceeded, next.interpreter.limits.maxSteps == nil)
        }
        #expect(stopped?.contains("step limit of 1000 exceeded") == true)
        #expect(preparedStillThere)
    }

    @Test func limitsAreComparedFieldByField() {
        #expect(PreparedEngine.same(ExecutionLimits(), ExecutionLimits()))
        #expect(PreparedEngine.same(ExecutionLimits(maxOutputBytes: 10), ExecutionLimits(maxOutputBytes: 10)))
        #expect(!PreparedEngine.same(ExecutionLimits(maxOutputBytes: 10), ExecutionLimits(maxOutputBytes: 11)))
        #expect(!PreparedEngine.same(ExecutionLimits(timeout: 1), ExecutionLimits()))
        #expect(!PreparedEngine.same(ExecutionLimits(maxSteps: 1), ExecutionLimits()))
        // A new limit must be compared by `same` too: update it, then this count.
        #expect(Mirror(reflecting: ExecutionLimits()).children.count == 3)
    }

    /// The warm-up must run to the end (a failure would leave its later paths cold, silently).
    @Test func warmUpProgramRunsCleanly() {
        let run = EngineRun(PreparedEngine.warmUpProgram, fileName: "<warm-up>")
        #expect(run.outcome.exitStatus == 0, "\(run.stderr)")
        // CPython 3.11 prints the same line for this program.
        #expect(run.stdout == "Point(21, 2.0), [('0', 0), ('1', 4)], 7 warm-up\n")
    }
}

/// Carries a result out of the thread that computed it.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
