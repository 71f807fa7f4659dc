import Testing
import Rubrics
@testable import ConceptScoring

/// The bundled rubric rewards good answers written in words it was not tuned on, and withholds
/// points from weak or wrong ones.
@Suite struct MultiprocessingRubricTests {
    func scorer() throws -> ConceptScorer {
        try ConceptScorer.load(path: packageRoot.appendingPathComponent("rubrics/multiprocessing.yaml").path)
    }

    @Test func goodUnseenAnswersScoreWell() throws {
        let scorer = try scorer()
        let q1 = try scorer.score(answer: """
            The multiprocessing package lets a Python program start several independent processes,
            each with a private address space and its own interpreter. Because every process has
            its own GIL, CPU-heavy work really runs at the same time on different cores, which
            gives a real speedup.
            """, for: "Q1")
        #expect(q1.score == q1.max, "\(q1.feedback)")
        let q2 = try scorer.score(answer: """
            A thread lives inside a process and all threads of that process use the same memory, so
            they are cheap to create but the global interpreter lock lets only one execute Python
            bytecode at once. Processes are heavier: each gets a separate memory space, they have to
            talk through pipes or queues, but they can run on many CPUs in parallel.
            """, for: "Q2")
        #expect(q2.score == q2.max, "\(q2.feedback)")
        let q4 = try scorer.score(answer: """
            A Pool is a group of worker processes that is started once and then reused: you hand it
            lots of tasks with pool.map and it spreads them over the workers, so you don't pay the
            cost of starting a process for every task.
            """, for: "Q4")
        #expect(q4.score == q4.max, "\(q4.feedback)")
    }

    @Test func weakAnswersScoreLow() throws {
        let scorer = try scorer()
        let vague = try scorer.score(answer: "It is a module in Python that is useful for programs.", for: "Q1")
        #expect(vague.score == 0)
        let wrong = try scorer.score(answer: """
            Multithreading and multiprocessing are the same except that threads have separate memory
            and processes share memory with each other.
            """, for: "Q2")
        #expect(wrong.misconceptions.count == 2, "\(wrong.feedback)")
        #expect(wrong.score == 0)
        let threads = try scorer.score(answer: "Multiprocessing means running multiple threads in Python at the same time.", for: "Q1")
        #expect(threads.misconceptions.map(\.id) == ["multiprocessing-is-threads"], "\(threads.feedback)")
        #expect(threads.score == 0)
        let short = try scorer.score(answer: "runs processes", for: "Q4")
        #expect(short.limits == [.tooShort] && short.score == 0)
    }

    @Test func correctContrastIsNotAMisconception() throws {
        let scorer = try scorer()
        let score = try scorer.score(answer: """
            Threads within a process share memory, whereas each process has its own memory. Threads
            do not have separate memory.
            """, for: "Q2")
        #expect(score.misconceptions.isEmpty, "\(score.feedback)")
    }
}
