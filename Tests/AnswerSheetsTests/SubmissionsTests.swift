import Foundation
import Testing
@testable import AnswerSheets

/// Every sample sheet in `submissions/` must read into the right questions, with the right
/// prose, code and recorded output. Each sheet has its own test; `everySheetHasATest` makes sure
/// a sheet added later gets one too.
@Suite struct SubmissionsTests {
    static let sheetsWithTests: Set<String> = [
        "alice-strong.md", "bob-print-export.txt", "dana-notebook.ipynb", "erin-windows-1252.txt",
        "farid-utf16.txt", "gina-out-of-order.md", "hank-weak.txt", "ivy-off-topic.md",
        "jon-zero-padded-tabs.txt",
    ]

    @Test func everySheetHasATestAndReads() throws {
        let directory = TestSupport.packageRoot.appendingPathComponent("submissions")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "README.md" && !$0.hasPrefix(".") }
        #expect(Set(names) == Self.sheetsWithTests)
        #expect(names.count >= 8)
        for name in names {
            let sheet = try TestSupport.readSubmission(name)
            #expect(!sheet.questions.isEmpty, "\(name)")
            // Nothing a student wrote may end up nowhere: no empty cells, no prose made of code fences.
            for question in sheet.questions {
                #expect(question.cells.allSatisfy { !$0.code.isEmpty }, "\(name) \(question.id)")
            }
        }
    }

    /// Asserts the cells of a question, code and output.
    private func expectCells(_ question: Question?, _ expected: [(code: String, output: String?)], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let question else {
            Issue.record("question missing", sourceLocation: sourceLocation)
            return
        }
        #expect(question.cells.count == expected.count, "\(question.id)", sourceLocation: sourceLocation)
        for (cell, want) in zip(question.cells, expected) {
            #expect(cell.code == want.code, "\(question.id)", sourceLocation: sourceLocation)
            #expect(cell.recordedOutput == want.output, "\(question.id)", sourceLocation: sourceLocation)
        }
    }

    @Test func alice() throws {
        let sheet = try TestSupport.readSubmission("alice-strong.md")
        #expect(sheet.format == .markdown)
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(sheet.warnings.isEmpty)
        #expect(sheet.preamble?.prose == "# Multiprocessing assignment — Alice Moreau")
        let q1 = try #require(sheet.question("Q1"))
        #expect(q1.heading == "## Question 1: What is multiprocessing in Python, and why is it useful?")
        #expect(q1.prose.hasPrefix("Multiprocessing means running parts of a program in **several operating-system processes** at"))
        #expect(q1.prose.hasSuffix("- a crash in one worker process does not corrupt the memory of the others."))
        #expect(q1.scoringText.contains("each process has its own GIL (Global Interpreter Lock), so the GIL no longer limits us"))
        #expect(q1.cells.isEmpty)
        let q2 = try #require(sheet.question("Q2"))
        #expect(q2.prose.hasPrefix("| | multiprocessing | multithreading |"))
        #expect(q2.scoringText.contains("memory separate address space per process shared memory"))
        #expect(q2.prose.hasSuffix("which is safer but makes communication more expensive."))

        let q3 = try #require(sheet.question("Q3"))
        #expect(q3.prose == "`start()` launches the child process and `join()` waits for it to finish.")
        expectCells(q3, [("""
            import multiprocessing
            import os


            def greet(name):
                print(f"Hello {name}, I am process {multiprocessing.current_process().name}")


            if __name__ == "__main__":
                p = multiprocessing.Process(target=greet, args=("Alice",))
                p.start()
                p.join()
                print("Child exit code:", p.exitcode)
            """, "Hello Alice, I am process Process-1\nChild exit code: 0")])

        let q4 = try #require(sheet.question("Q4"))
        #expect(q4.prose.hasPrefix("A pool (`multiprocessing.Pool`) is a fixed set of worker processes"))
        #expect(q4.scoringText.contains("then reused for many tasks"))
        #expect(q4.cells.isEmpty)

        let q5 = try #require(sheet.question("Q5"))
        #expect(q5.prose == "Create `Pool(processes=4)` (inside the `if __name__ == \"__main__\":` guard) and give it work;\nusing it as a context manager cleans the workers up at the end.")
        expectCells(q5, [("""
            from multiprocessing import Pool


            def square(x):
                return x * x


            if __name__ == "__main__":
                with Pool(processes=4) as pool:
                    squares = pool.map(square, range(10))
                print(squares)
            """, "[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]")])

        let q6 = try #require(sheet.question("Q6"))
        #expect(q6.prose == "The order of the four lines can change from run to run, because the processes run\nconcurrently.")
        expectCells(q6, [("""
            import multiprocessing


            def show(number):
                print(f"Process {number} prints {number}")


            if __name__ == "__main__":
                processes = [multiprocessing.Process(target=show, args=(n,)) for n in range(1, 5)]
                for p in processes:
                    p.start()
                for p in processes:
                    p.join()
                print("All 4 processes finished")
            """, "Process 1 prints 1\nProcess 2 prints 2\nProcess 3 prints 3\nProcess 4 prints 4\nAll 4 processes finished")])
    }

    @Test func bob() throws {
        let sheet = try TestSupport.readSubmission("bob-print-export.txt")
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(sheet.warnings == ["removed 5 page header/footer line(s) left by printing (line 1, 29, 30, 54, 98)"])
        #expect(sheet.preamble == nil)
        let q1 = try #require(sheet.question("Q1"))
        #expect(q1.heading == "Q1. What is multiprocessing in Python, and why is it useful?")
        #expect(q1.prose.hasPrefix("Multiprocessing is a module in Python that lets one program start several processes that"))
        #expect(q1.prose.hasSuffix("CPU-bound tasks like image processing or big loops."))
        let q2 = try #require(sheet.question("Q2"))
        #expect(q2.prose.hasPrefix("Threads live inside one process and share the same memory, processes have separate memory."))
        #expect(q2.prose.hasSuffix("slower to start them and to send data between them."))

        let q3 = try #require(sheet.question("Q3"))
        #expect(q3.prose == "")
        // The page footer and header in the middle of the cell are gone; code continues across them.
        expectCells(q3, [("""
            import multiprocessing
            import time

            def worker(seconds):
                print(f"worker sleeping {seconds}s")
                time.sleep(seconds)
                print("worker done")

            if __name__ == "__main__":
                p = multiprocessing.Process(target=worker, args=(1,))
                p.start()
                print("child alive:", p.is_alive())
                p.join()
                print("child alive after join:", p.is_alive())
            """, "child alive: True\nworker sleeping 1s\nworker done\nchild alive after join: False")])
        #expect(q3.cells.first?.line == 19)

        let q4 = try #require(sheet.question("Q4"))
        #expect(q4.prose == "A pool is a group of worker processes that is created once. Tasks are sent to the pool and\nthe workers take them one after the other, so we don't create a new process for every task.")
        expectCells(q4, [("""
            from multiprocessing import Pool
            with Pool(2) as pool:
                result = pool.map(len, ["a", "bb", "ccc"])
            result
            """, "[1, 2, 3]")])

        let q5 = try #require(sheet.question("Q5"))
        expectCells(q5, [("""
            from multiprocessing import Pool

            def cube(n):
                return n ** 3

            if __name__ == "__main__":
                pool = Pool(4)
                async_results = [pool.apply_async(cube, (n,)) for n in range(1, 6)]
                print([r.get() for r in async_results])
                pool.close()
                pool.join()
            """, "[1, 8, 27, 64, 125]")])

        let q6 = try #require(sheet.question("Q6"))
        #expect(q6.prose == "")
        expectCells(q6, [("""
            from multiprocessing import Process
            import os

            def print_number(n):
                print("number", n, "from child", os.getpid() != PARENT)

            PARENT = os.getpid()

            if __name__ == "__main__":
                workers = []
                for n in [10, 20, 30, 40]:
                    w = Process(target=print_number, args=(n,))
                    workers.append(w)
                    w.start()
                for w in workers:
                    w.join()
            """, "number 10 from child True\nnumber 20 from child True\nnumber 30 from child True\nnumber 40 from child True")])
    }

    @Test func dana() throws {
        let sheet = try TestSupport.readSubmission("dana-notebook.ipynb")
        #expect(sheet.format == .notebook)
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(sheet.warnings.isEmpty)
        #expect(sheet.preamble?.prose == "# Multiprocessing homework\nDana K., group B")
        #expect(sheet.question("Q1")?.heading == "**Q1. What is multiprocessing in Python, and why is it useful?**")
        #expect(sheet.question("Q1")?.prose == "Multiprocessing runs code in several processes at once. Each process gets its own memory, so they can work in parallel on different CPU cores. It makes programs faster when there is a lot of computation.")
        #expect(sheet.question("Q2")?.prose == "* multiprocessing → many processes, separate memory\n* multithreading → many threads in one process, shared memory\n* threads are limited by the GIL for CPU work")
        #expect(sheet.question("Q2")?.scoringText == "multiprocessing → many processes, separate memory\nmultithreading → many threads in one process, shared memory\nthreads are limited by the GIL for CPU work")
        expectCells(sheet.question("Q3"), [("""
            from multiprocessing import Process

            def task():
                print("task running in a separate process")

            p = Process(target=task)
            p.start()
            p.join()
            print("exit code", p.exitcode)
            """, "task running in a separate process\nexit code 0")])
        #expect(sheet.question("Q3")?.cells.first?.line == 5)
        #expect(sheet.question("Q4")?.prose == "A pool keeps a number of worker processes ready and gives them tasks from a list. It is used so we don't have to start and join every process ourselves.")
        #expect(sheet.question("Q5")?.prose == "With `Pool(processes=3)` and then `map`:")
        expectCells(sheet.question("Q5"), [("""
            from multiprocessing import Pool

            def double(x):
                return 2 * x

            pool = Pool(processes=3)
            doubled = pool.map(double, [1, 2, 3, 4])
            pool.close()
            pool.join()
            doubled
            """, "[2, 4, 6, 8]")])
        #expect(sheet.question("Q6")?.prose == "I could not get the last one to work.")
        expectCells(sheet.question("Q6"), [("""
            import multiprocessing

            def print_num(n):
                print("I am number", n)

            if __name__ == "__main__":
                jobs = [multiprocessing.Process(target=print_number, args=(n,)) for n in range(4)]
                for job in jobs:
                    job.start()
            """, """
            ---------------------------------------------------------------------------
            NameError                                 Traceback (most recent call last)
            Cell In[3], line 7
                  4     print("I am number", n)
                  6 if __name__ == "__main__":
            ----> 7     jobs = [multiprocessing.Process(target=print_number, args=(n,)) for n in range(4)]
                  8     for job in jobs:
                  9         job.start()

            NameError: name 'print_number' is not defined
            """)])
    }

    @Test func erin() throws {
        let sheet = try TestSupport.readSubmission("erin-windows-1252.txt")
        #expect(sheet.encoding == "windows-1252")
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(sheet.warnings == ["not valid UTF-8; decoded as Windows-1252"])
        #expect(sheet.preamble?.prose == "Erin Lefèvre \u{2013} Multiprocessing worksheet")
        #expect(sheet.question("Q1")?.heading == "Question 1 - What is multiprocessing in Python and why is it useful?")
        #expect(sheet.question("Q1")?.prose == "Multiprocessing is when the computer does several things at the same time with \u{201C}processes\u{201D}. It\u{2019}s useful because the program finishes faster when it uses more than one core.")
        #expect(sheet.question("Q2")?.prose == "Multithreading uses threads and multiprocessing uses processes. Threads are faster than processes in every case because they are lighter.")
        #expect(sheet.question("Q3")?.prose == "")
        expectCells(sheet.question("Q3"), [("""
            import multiprocessing

            def hello():
                print("Hello from the child process")

            if __name__ == "__main__":
                p = multiprocessing.Process(target=hello)
                p.start()
                p.join()
            """, "Hello from the child process")])
        #expect(sheet.question("Q4")?.prose == "A pool is a collection of processes. It is used to run a function on many inputs \u{2013} I\u{2019}m not sure about the details.")
        // The syntax error (missing colon) is kept as written, its SyntaxError as the output.
        expectCells(sheet.question("Q5"), [("""
            from multiprocessing import Pool

            def add_one(x):
                return x + 1

            if __name__ == "__main__"
                with Pool(2) as p:
                    print(p.map(add_one, [1, 2, 3]))
            """, """
              File "C:\\Users\\Erin\\Documents\\q5.py", line 6
                if __name__ == "__main__"
                                         ^
            SyntaxError: expected ':'
            """)])
        expectCells(sheet.question("Q6"), [("""
            import multiprocessing

            def say(i):
                print(i)

            if __name__ == "__main__":
                for i in range(4):
                    multiprocessing.Process(target=say, args=(i,)).start()
            """, "0\n1\n2\n3")])
    }

    @Test func farid() throws {
        let sheet = try TestSupport.readSubmission("farid-utf16.txt")
        #expect(sheet.encoding == "utf-16le")
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(sheet.warnings.isEmpty)
        #expect(sheet.preamble?.prose == "Farid Haddad")
        #expect(sheet.question("Q1")?.prose == "multiprocessing is a python library to run many processes. it is useful for speed.")
        #expect(sheet.question("Q2")?.prose == "in multithreading the threads share memory and in multiprocessing every process has own memory.")
        // `3.import multiprocessing`: the answer's code starts on the heading line.
        #expect(sheet.question("Q3")?.heading == "3.import multiprocessing")
        #expect(sheet.question("Q3")?.prose == "")
        expectCells(sheet.question("Q3"), [("""
            import multiprocessing
            def f():
                print("child")
            p = multiprocessing.Process(target=f)
            p.start()
            p.join()
            """, "child")])
        // A numbered list inside the answer is not taken for questions 1 and 2.
        #expect(sheet.question("Q4")?.prose == "Pool is used for 2 reasons:\n1. it saves time\n2. it reuses the processes")
        #expect(sheet.question("Q5")?.prose == "We use Pool.")
        expectCells(sheet.question("Q5"), [("from multiprocessing import Pool\np = Pool(3)\nprint(p.map(abs, [-1, -2, 3]))", "[1, 2, 3]")])
        // Lost indentation under `with` stays as written; the IndentationError is the output.
        expectCells(sheet.question("Q6"), [("""
            from multiprocessing import Pool

            def show(n):
                print("number", n)

            if __name__ == "__main__":
                with Pool(4) as pool:
                pool.map(show, [1, 2, 3, 4])
            """, """
              File "/home/farid/q6.py", line 8
                pool.map(show, [1, 2, 3, 4])
                ^
            IndentationError: expected an indented block after 'with' statement on line 7
            """)])
    }

    @Test func gina() throws {
        let sheet = try TestSupport.readSubmission("gina-out-of-order.md")
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q4", "Q6"])
        #expect(sheet.warnings == [
            "Q3 answered twice (lines 22 and 86); the answers were merged",
            "questions appear out of order (Q2, Q1, Q3, Q4, Q6); listed in assignment order",
            "no answer found for Q5",
        ])
        #expect(sheet.preamble?.prose == "Gina Rossi — answers (I did Q2 first, sorry for the order)")
        let q1 = try #require(sheet.question("Q1"))
        #expect(q1.heading == "### What is multiprocessing in Python? Why is it useful?")
        #expect(q1.line == 13)
        #expect(q1.prose.hasPrefix("`multiprocessing` is the standard-library package for starting and managing separate"))
        #expect(q1.prose.hasSuffix("3. it has high-level tools (pools, queues, pipes, managers) that hide the low-level details."))
        let q2 = try #require(sheet.question("Q2"))
        #expect(q2.heading == "### What are the differences between multiprocessing and multithreading?")
        #expect(q2.prose.hasSuffix("> Rule of thumb: threads for I/O-bound work, processes for CPU-bound work."))
        #expect(q2.scoringText.hasSuffix("\nRule of thumb: threads for I/O-bound work, processes for CPU-bound work."))

        let q3 = try #require(sheet.question("Q3"))
        #expect(q3.prose == "First try:\n\nsecond attempt\n\nThis version also shows which process is running:")
        expectCells(q3, [
            ("""
            import multiprocessing

            def count_down(n):
                while n > 0:
                    print("counting", n)
                    n -= 1

            if __name__ == "__main__":
                proc = multiprocessing.Process(target=count_down, args=(3,))
                proc.start()
                proc.join()
                print("parent saw exit code", proc.exitcode)
            """, "counting 3\ncounting 2\ncounting 1\nparent saw exit code 0"),
            ("""
            from multiprocessing import Process, current_process

            def whoami():
                print("running in", current_process().name)

            if __name__ == "__main__":
                print("running in", current_process().name)
                child = Process(target=whoami, name="helper")
                child.start()
                child.join()
            """, "running in MainProcess\nrunning in helper"),
        ])

        let q4 = try #require(sheet.question("Q4"))
        #expect(q4.prose.hasPrefix("A pool is a fixed group of worker processes that take tasks from a shared task queue and"))
        #expect(q4.prose.hasSuffix("the pool also balances the work between them.\nIn the interpreter:"))
        expectCells(q4, [("from multiprocessing import Pool\nwith Pool(2) as p:\n    p.map(str.upper, [\"a\", \"b\"])", "['A', 'B']")])

        let q6 = try #require(sheet.question("Q6"))
        #expect(q6.prose == "Each child prints its own number and also sends it back through a queue:")
        expectCells(q6, [("""
            from multiprocessing import Process, Queue

            def put_number(q, n):
                print(f"child {n} says {n * 100}")
                q.put(n)

            if __name__ == "__main__":
                q = Queue()
                children = [Process(target=put_number, args=(q, n)) for n in (1, 2, 3, 4)]
                for c in children:
                    c.start()
                for c in children:
                    c.join()
                print(sorted(q.get() for _ in children))
            """, "child 1 says 100\nchild 2 says 200\nchild 3 says 300\nchild 4 says 400\n[1, 2, 3, 4]")])
    }

    @Test func hank() throws {
        let sheet = try TestSupport.readSubmission("hank-weak.txt")
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q5"])
        #expect(sheet.warnings == ["no answer found for Q4", "no answer found for Q6"])
        #expect(sheet.preamble?.prose == "Hank B.")
        #expect(sheet.question("Q1")?.heading == "Ans 1) multiprocessing means multiple threads running in python at the same time.")
        #expect(sheet.question("Q1")?.prose == "multiprocessing means multiple threads running in python at the same time.")
        #expect(sheet.question("Q2")?.prose == "they are the same thing but multiprocessing is newer.")
        #expect(sheet.question("Q3")?.prose == "I don't know why result is not defined, it worked in class.")
        expectCells(sheet.question("Q3"), [("""
            import multiprocessing

            def work():
                print("working")

            p = multiprocessing.Process(target=work)
            p.start()
            p.join()
            print(result)
            """, """
            working
            Traceback (most recent call last):
              File "/home/hank/ans3.py", line 9, in <module>
                print(result)
                      ^^^^^^
            NameError: name 'result' is not defined
            """)])
        #expect(sheet.question("Q5")?.prose == "you call Pool()")
        expectCells(sheet.question("Q5"), [("import multiprocessing\npool = multiprocessing.Pool()\nprint(type(pool).__name__)", "Pool")])
    }

    @Test func ivy() throws {
        let sheet = try TestSupport.readSubmission("ivy-off-topic.md")
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(sheet.warnings == ["Q3 has a heading (line 9) but no answer", "Q5 has a heading (line 14) but no answer"])
        #expect(sheet.question("Q1")?.prose == "Java has threads which you start with `new Thread()`. I like Java better than Python.")
        #expect(sheet.question("Q2")?.prose == "TODO")
        #expect(sheet.question("Q3")?.prose == "")
        #expect(sheet.question("Q3")?.cells.isEmpty == true)
        #expect(sheet.question("Q4")?.prose == "see above")
        #expect(sheet.question("Q5")?.prose == "")
        #expect(sheet.question("Q6")?.prose == "")
        expectCells(sheet.question("Q6"), [("print(\"hello world\")", "hello world")])
    }

    @Test func jon() throws {
        let sheet = try TestSupport.readSubmission("jon-zero-padded-tabs.txt")
        #expect(sheet.ids == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"])
        #expect(sheet.warnings.isEmpty)
        #expect(sheet.preamble?.prose == "JON PARK - MULTIPROCESSING LAB")
        #expect((1...6).map { sheet.question("Q\($0)")?.heading } == ["01.", "02.", "03.", "04.", "05.", "06."])
        #expect(sheet.question("Q1")?.prose.hasPrefix("A Python program normally runs in one process, and because of the GIL only one thread of that\n") == true)
        #expect(sheet.question("Q1")?.cells.isEmpty == true)
        #expect(sheet.question("Q2")?.prose.hasPrefix("- memory: threads share the memory of their process; every process has its own\n- GIL:") == true)
        #expect(sheet.question("Q2")?.scoringText.hasSuffix("\nuse threads for waiting (network, files) and processes for computing") == true)
        expectCells(sheet.question("Q3"), [("import multiprocessing as mp\n\ndef report(tag):\n\tprint(\"process\", mp.current_process().name, \"got\", tag)\n\nif __name__ == \"__main__\":\n\tp = mp.Process(target=report, args=(\"A\",), name=\"reporter\")\n\tp.start()\n\tp.join()", "process reporter got A")])
        #expect(sheet.question("Q4")?.prose.hasSuffix("and the number of processes never exceeds the pool size.") == true)
        expectCells(sheet.question("Q5"), [("from multiprocessing import Pool\nwith Pool(4) as pool:\n\tcubes = pool.starmap(pow, [(2, 3), (3, 3), (4, 3)])\ncubes", "[8, 27, 64]")])
        expectCells(sheet.question("Q6"), [("from multiprocessing import Pool\n\ndef show(n):\n\tprint(\"I print\", n)\n\treturn n\n\nif __name__ == \"__main__\":\n\twith Pool(4) as pool:\n\t\tpool.map(show, [7, 14, 21, 28], chunksize=1)", "I print 7\nI print 14\nI print 28\nI print 21")])
    }
}
