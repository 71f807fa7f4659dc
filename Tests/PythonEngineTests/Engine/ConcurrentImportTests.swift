import Foundation
import Testing
@testable import PythonEngine

/// Interpreters on different threads import the modules whose classes are shared by the whole
/// process (`random.Random`, `collections.Counter`/`deque`/`defaultdict`,
/// `functools.lru_cache`) at the same moment. Installing those classes' methods from two threads
/// at once corrupted their tables and crashed the test process (seen in CI); they are installed
/// once per process now.
@Suite struct ConcurrentImportTests {
    static let program = """
        import random, collections, functools
        r = random.Random(7)
        c = collections.Counter("abracadabra")
        d = collections.deque([1, 2, 3]); d.appendleft(0)
        dd = collections.defaultdict(list); dd["k"].append(1)
        @functools.lru_cache(maxsize=None)
        def f(n): return n if n < 2 else f(n - 1) + f(n - 2)
        print(r.randint(1, 100), c.most_common(1), list(d), dict(dd), f(30), f.cache_info().hits)
        """

    @Test func modulesWithSharedClassesImportFromManyThreadsAtOnce() {
        final class Outputs: @unchecked Sendable {
            let lock = NSLock()
            var all: [String] = []
        }
        let outputs = Outputs()
        let finished = DispatchGroup()
        // Plain threads, all started at once (a task group would run only as many at a time as
        // there are cores); 80 make the race show on every run without the fix.
        for _ in 0..<80 {
            finished.enter()
            Thread {
                let stdout = EngineRun(Self.program).stdout
                outputs.lock.withLock { outputs.all.append(stdout) }
                finished.leave()
            }.start()
        }
        finished.wait()
        #expect(outputs.all.count == 80)
        #expect(outputs.all.allSatisfy { $0 == "42 [('a', 5)] [0, 1, 2, 3] {'k': [1]} 832040 28\n" })
    }
}
