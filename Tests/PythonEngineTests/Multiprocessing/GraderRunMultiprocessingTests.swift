import Foundation
import Testing

/// What the differential corpus cannot show: real processes (distinct pids, real concurrency),
/// a worker killed mid-task, the process cap, the run record and cleanup. Each test runs a small
/// program under `grader run` (the test process is threaded and must never fork itself).
@Suite("grader run: multiprocessing on real processes")
struct GraderRunMultiprocessingTests {
    typealias D = Differential

    struct Run {
        let outcome: D.RunOutcome
        var lines: [String] { outcome.stdout.split(separator: "\n").map(String.init) }
        var lastStderrLine: String { D.Normalization.lastStderrLine(outcome.stderr) }
    }

    /// Writes `source` to a temporary file and runs `grader run [options] file`.
    func run(_ source: String, options: [String] = [], timeout: Double = 30) async throws -> Run {
        let grader = try D.Engine.locateGrader(nil).get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mp-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("program.py")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try await D.Subprocess.run([grader, "run"] + options + [file.path], environment: ["PYTHONIOENCODING": "utf-8"],
                                                 timeout: timeout)
        return Run(outcome: outcome)
    }

    @Test func childrenHaveDistinctPIDsAndSleepConcurrently() async throws {
        let r = try await run("""
            import os, time
            from multiprocessing import Process, Queue

            def nap(q):
                time.sleep(0.5)
                q.put(os.getpid())

            if __name__ == "__main__":
                q = Queue()
                start = time.time()
                ps = [Process(target=nap, args=(q,)) for _ in range(4)]
                for p in ps:
                    p.start()
                for p in ps:
                    p.join()
                elapsed = time.time() - start
                pids = {q.get() for _ in range(4)}
                print(len(pids) == 4, os.getpid() not in pids, pids == {p.pid for p in ps})
                print("concurrent:", elapsed < 1.6)
                print([p.exitcode for p in ps])
            """)
        #expect(r.outcome.exitStatus == 0, "\(r.outcome.stderr)")
        #expect(r.lines == ["True True True", "concurrent: True", "[0, 0, 0, 0]"])
    }

    @Test func sharedValueAndArrayStayCorrectUnderContention() async throws {
        let r = try await run("""
            from multiprocessing import Process, Value, Array, Lock

            def work(counter, slots, lock, index):
                for _ in range(300):
                    with lock:
                        counter.value += 1
                    with slots.get_lock():
                        slots[index] += 1

            if __name__ == "__main__":
                counter = Value("i", 0)
                slots = Array("i", 4)
                lock = Lock()
                ps = [Process(target=work, args=(counter, slots, lock, i)) for i in range(4)]
                for p in ps:
                    p.start()
                for p in ps:
                    p.join()
                print(counter.value, slots[:])
            """)
        #expect(r.outcome.exitStatus == 0, "\(r.outcome.stderr)")
        #expect(r.lines == ["1200 [300, 300, 300, 300]"])
    }

    @Test func workerKilledMidTaskFailsThePoolCallInsteadOfHanging() async throws {
        let r = try await run("""
            import os, signal
            from multiprocessing import Pool

            def task(x):
                if x == 3:
                    os.kill(os.getpid(), signal.SIGKILL)
                return x * 2

            if __name__ == "__main__":
                with Pool(2) as pool:
                    try:
                        pool.map(task, range(8))
                    except Exception as e:
                        print("failed:", type(e).__name__)
                    print("pool still works:", pool.map(task, [1, 2]))
            """, timeout: 20)
        #expect(!r.outcome.timedOut)
        #expect(r.outcome.exitStatus == 0, "\(r.outcome.stderr)")
        #expect(r.lines == ["failed: BrokenProcessPool", "pool still works: [2, 4]"])
    }

    @Test func startingPastTheProcessCapRaisesAClearError() async throws {
        let r = try await run("""
            from multiprocessing import Process

            def noop():
                pass

            if __name__ == "__main__":
                started = 0
                try:
                    for _ in range(10):
                        p = Process(target=noop)
                        p.start()
                        p.join()
                        started += 1
                except RuntimeError as e:
                    print("started", started, "then:", e)
            """, options: ["--max-processes", "3"])
        #expect(r.outcome.exitStatus == 0, "\(r.outcome.stderr)")
        #expect(r.lines == ["started 3 then: process limit reached: this run may start at most 3 processes"])
    }

    @Test func traceRecordsProcessesTasksAndWhoPrintedWhat() async throws {
        let r = try await run("""
            from multiprocessing import Process, Pool, current_process

            def hello(n):
                print("hello from", n)

            def square(x):
                return x * x

            if __name__ == "__main__":
                ps = [Process(target=hello, args=(i,)) for i in range(2)]
                for p in ps:
                    p.start()
                for p in ps:
                    p.join()
                with Pool(2) as pool:
                    print(pool.map(square, range(4)))
            """, options: ["--trace", "json"])
        #expect(r.outcome.exitStatus == 0, "\(r.outcome.stderr)")
        let json = try #require(r.outcome.stderr.data(using: .utf8))
        let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let events = try #require(document["events"] as? [[String: Any]])
        let starts = events.filter { $0["event"] as? String == "process_start" }
        var pidOfName: [String: Int] = [:]
        for s in starts { pidOfName[s["name"] as? String ?? ""] = s["pid"] as? Int }
        let mainPID = try #require(pidOfName["MainProcess"])
        let child1 = try #require(pidOfName["Process-1"])
        let child2 = try #require(pidOfName["Process-2"])
        #expect(Set([mainPID, child1, child2]).count == 3)
        // Every pool worker is in the parent's record (a worker terminated before it ran its
        // first line has no record of its own).
        let workers = Set(events.filter { $0["event"] as? String == "pool_worker" }.compactMap { $0["name"] as? String })
        #expect(workers == ["ForkPoolWorker-3", "ForkPoolWorker-4"])
        let output = events.filter { $0["event"] as? String == "output" }
        func writer(of text: String) -> Int? { output.first { $0["text"] as? String == text }?["pid"] as? Int }
        #expect(writer(of: "hello from 0") == child1)
        #expect(writer(of: "hello from 1") == child2)
        #expect(writer(of: "[0, 1, 4, 9]") == mainPID)
        let tasks = events.filter { $0["event"] as? String == "pool_task" }
        #expect(!tasks.isEmpty && tasks.allSatisfy { $0["outcome"] as? String == "ok" })
        let ends = events.filter { $0["event"] as? String == "process_end" }
        #expect(ends.count == 2 && ends.allSatisfy { $0["exitcode"] as? Int == 0 })
        #expect(document["processes_started"] as? Int == 4)
    }

    @Test func anOrphanedGrandchildIsKilledWhenTheRunEnds() async throws {
        let r = try await run("""
            import os, signal, time
            from multiprocessing import Process, Queue

            def sleeper(q):
                q.put(os.getpid())
                time.sleep(60)

            def middle(q):
                Process(target=sleeper, args=(q,)).start()
                time.sleep(0.2)
                os.kill(os.getpid(), signal.SIGKILL)

            if __name__ == "__main__":
                q = Queue()
                p = Process(target=middle, args=(q,))
                p.start()
                p.join()
                print("middle:", p.exitcode)
                print("grandchild", q.get())
            """, options: ["--trace", "json"], timeout: 20)
        #expect(!r.outcome.timedOut)
        #expect(r.outcome.exitStatus == 0, "\(r.outcome.stderr)")
        #expect(r.lines.first == "middle: -9")
        let grandchild = try #require(r.lines.last?.split(separator: " ").last.flatMap { Int32($0) })
        #expect(kill(grandchild, 0) != 0, "the grandchild \(grandchild) is still alive")
        #expect(r.outcome.stderr.contains("\"processes_killed_at_exit\": 1"))
    }

    @Test func spawnRerunsTheMainModuleAsMpMain() async throws {
        let r = try await run("""
            from multiprocessing import Process
            print("module body in", __name__)

            def child():
                print("child runs")

            if __name__ == "__main__":
                p = Process(target=child)
                p.start()
                p.join()
                print("exitcode", p.exitcode)
            """, options: ["--start-method", "spawn"])
        #expect(r.outcome.exitStatus == 0, "\(r.outcome.stderr)")
        #expect(r.lines == ["module body in __main__", "module body in __mp_main__", "child runs", "exitcode 0"])
    }

    @Test func spawnPoolWithoutMainGuardFailsInsteadOfHanging() async throws {
        let r = try await run("""
            import multiprocessing as mp

            def square(x):
                return x * x

            mp.set_start_method("spawn", force=True)
            pool = mp.Pool(2)
            print(pool.map(square, range(3)))
            """, timeout: 20)
        #expect(!r.outcome.timedOut)
        #expect(r.outcome.exitStatus == 1)
        #expect(r.outcome.stderr.contains("current process has finished its bootstrapping phase"))
        #expect(r.lastStderrLine.hasPrefix("concurrent.futures.process.BrokenProcessPool"))
        #expect(r.lines.isEmpty)
    }

    /// CPython reseeds `random` in every forked child (`os.register_at_fork`): children of one
    /// parent, even a seeded one, do not all draw the same numbers.
    @Test func forkedChildrenDrawDifferentRandomNumbers() async throws {
        let r = try await run("""
            import random
            from multiprocessing import Process, Queue

            def draw(q):
                q.put(random.random())

            if __name__ == "__main__":
                random.seed(1)
                q = Queue()
                ps = [Process(target=draw, args=(q,)) for _ in range(4)]
                for p in ps:
                    p.start()
                for p in ps:
                    p.join()
                values = [q.get() for _ in range(4)]
                print(len(set(values)) == 4, random.random() == 0.13436424411240122)
            """)
        #expect(r.outcome.exitStatus == 0, "\(r.outcome.stderr)")
        #expect(r.lines == ["True True"])
    }

    /// Under spawn a child is a fresh interpreter, yet queues, locks and shared values handed
    /// to it (as `Process` arguments or pool `initargs`) are the parent's.
    @Test func spawnedChildrenShareQueuesLocksAndValues() async throws {
        let r = try await run("""
            import multiprocessing as mp

            q = None

            def init(queue):
                global q
                q = queue

            def work(x):
                q.put(x * 10)
                return x

            def bump(lock, value, out):
                with lock:
                    value.value += 1
                out.put(mp.current_process().name)

            if __name__ == "__main__":
                ctx = mp.get_context("spawn")
                queue = ctx.Queue()
                with ctx.Pool(2, initializer=init, initargs=(queue,)) as pool:
                    print(pool.map(work, range(4)))
                print(sorted(queue.get() for _ in range(4)))
                lock, value, out = ctx.Lock(), ctx.Value("i", 0), ctx.Queue()
                ps = [ctx.Process(target=bump, args=(lock, value, out)) for _ in range(2)]
                for p in ps:
                    p.start()
                for p in ps:
                    p.join()
                print(value.value, sorted(out.get() for _ in ps))
            """, timeout: 20)
        #expect(r.outcome.exitStatus == 0, "\(r.outcome.stderr)")
        #expect(r.lines == ["[0, 1, 2, 3]", "[0, 10, 20, 30]", "2 ['SpawnProcess-3', 'SpawnProcess-4']"])
    }

    /// `--timeout` bounds blocking waits too: a parent waiting forever on an empty queue is
    /// stopped at the limit with the engine's message instead of hanging.
    @Test func timeLimitStopsABlockedWait() async throws {
        let r = try await run("""
            from multiprocessing import Queue

            if __name__ == "__main__":
                q = Queue()
                print("waiting")
                q.get()
            """, options: ["--timeout", "1"], timeout: 20)
        #expect(!r.outcome.timedOut)
        #expect(r.outcome.exitStatus == 1)
        #expect(r.lines == ["waiting"])
        #expect(r.lastStderrLine == "grader: execution stopped: time limit of 1.0 seconds exceeded (in Queue.get)")
    }
}
